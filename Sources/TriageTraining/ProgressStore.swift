import Foundation

/// One finished attempt, as kept in the progress file (read back by ``ProgressReader``).
public struct Attempt: Encodable, Sendable, Equatable {
    /// The scenario played.
    public var scenario: String
    /// The cause its ending names.
    public var cause: String
    /// The scenario's difficulty.
    public var difficulty: String
    /// Points scored.
    public var score: Int
    /// Points there were to score.
    public var maximum: Int
    /// How long the attempt took.
    public var seconds: Double
    /// Steps answered wrongly, concept checks aside.
    public var wrongChoices: Int
    /// Hints asked for.
    public var hints: Int
    /// When it ended.
    public var playedAt: Date
    /// Every wrong answer, retried ones included.
    public var mistakes: Int
    /// Whether the attempt counted as passed.
    public var passed: Bool
    /// Whether it was played as an exam.
    public var exam: Bool
    /// Whether an exam's time ran out before its ending.
    public var timedOut: Bool
}

extension Attempt {
    /// The attempt a result describes.
    public init(_ result: TrainingResult) {
        self.init(
            scenario: result.scenario, cause: result.cause, difficulty: result.difficulty, score: result.score, maximum: result.maximum,
            seconds: result.seconds, wrongChoices: result.wrongChoices, hints: result.hints, playedAt: result.finishedAt,
            mistakes: result.mistakes, passed: result.passed, exam: result.exam, timedOut: result.timedOut)
    }
}

/// Every trainee's attempts, by trainee name: the content of `progress.json`.
public struct Progress: Encodable, Sendable, Equatable {
    /// The file's format.
    public var version = 1
    /// Each trainee's attempts, oldest first.
    public var trainees: [String: [Attempt]] = [:]

    /// No attempts yet.
    public init() {}
}

/// Keeps trainees' progress in `progress.json` under the state directory (only the user can read
/// it; it is replaced atomically, so an interrupted save leaves the previous version whole).
public struct ProgressStore: Sendable {
    /// The progress file.
    public let file: URL

    /// The store in `directory` (usually `StateDirectory.prepare().url`).
    public init(directory: URL) {
        file = directory.appendingPathComponent("progress.json")
    }

    /// What the file holds; empty progress when there is no file yet.
    public func load() throws(TrainingError) -> Progress {
        guard FileManager.default.fileExists(atPath: file.path) else { return Progress() }
        return try Self.read(file)
    }

    /// The progress in `file`, which must exist. A file that is not JSON, or not the JSON Triage
    /// writes there, is reported at the line and column of what is wrong.
    static func read(_ file: URL) throws(TrainingError) -> Progress {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw .progressFile(path: file.path, reason: "cannot be read: \(error.localizedDescription)")
        }
        let read = data.withUnsafeBytes { raw in
            Result { () throws(ProgressContentError) in try ProgressReader.progress(from: raw.bindMemory(to: UInt8.self)) }
        }
        switch read {
        case .success(let progress): return progress
        case .failure(let error): throw .progressContent(path: file.path, line: error.line, column: error.column, problem: error.problem)
        }
    }

    /// The progress gathered from `path`: one progress file, or every `.json` file directly in a
    /// directory (a trainer's collection of trainees' files), a trainee's attempts from several
    /// files put together.
    public static func gather(from path: URL) throws(TrainingError) -> Progress {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
            throw .progressFile(path: path.path, reason: "does not exist")
        }
        guard isDirectory.boolValue else { return try read(path) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path.path).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw .progressFile(path: path.path, reason: "cannot be listed: \(error.localizedDescription)")
        }
        if names.isEmpty { throw .progressFile(path: path.path, reason: "holds no .json progress files") }
        var gathered = Progress()
        for name in names {
            for (trainee, attempts) in try read(path.appendingPathComponent(name)).trainees {
                gathered.trainees[trainee, default: []] += attempts
            }
        }
        return gathered
    }

    /// Adds `result` to `trainee`'s attempts and saves the file.
    @discardableResult
    public func record(_ result: TrainingResult, for trainee: String) throws(TrainingError) -> Progress {
        var progress = try load()
        progress.trainees[trainee, default: []].append(Attempt(result))
        let data: Data
        do {
            data = try Self.encoder.encode(progress)
        } catch {
            throw .progressFile(path: file.path, reason: "could not be encoded: \(error.localizedDescription)")
        }
        do {
            try AtomicFile.write(String(decoding: data, as: UTF8.self) + "\n", to: file)
        } catch {
            throw .progressFile(path: file.path, reason: "could not be saved: \(error.localizedDescription)")
        }
        return progress
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
}
