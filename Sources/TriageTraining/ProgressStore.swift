import Foundation

/// One finished attempt, as kept in the progress file. Files written before `mistakes`,
/// `passed`, `exam` and `timedOut` existed still read: those default to the wrong choices, a
/// pass, practice and in time.
public struct Attempt: Codable, Sendable, Equatable {
    public var scenario: String
    public var cause: String
    public var difficulty: String
    public var score: Int
    public var maximum: Int
    public var seconds: Double
    public var wrongChoices: Int
    public var hints: Int
    public var playedAt: Date
    /// Every wrong answer, retried ones included.
    public var mistakes: Int
    /// Whether the attempt counted as passed.
    public var passed: Bool
    /// Whether it was played as an exam.
    public var exam: Bool
    /// Whether an exam's time ran out before its ending.
    public var timedOut: Bool

    /// The attempt a result describes.
    public init(_ result: TrainingResult) {
        scenario = result.scenario
        cause = result.cause
        difficulty = result.difficulty
        score = result.score
        maximum = result.maximum
        seconds = result.seconds
        wrongChoices = result.wrongChoices
        hints = result.hints
        playedAt = result.finishedAt
        mistakes = result.mistakes
        passed = result.passed
        exam = result.exam
        timedOut = result.timedOut
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scenario = try container.decode(String.self, forKey: .scenario)
        cause = try container.decode(String.self, forKey: .cause)
        difficulty = try container.decode(String.self, forKey: .difficulty)
        score = try container.decode(Int.self, forKey: .score)
        maximum = try container.decode(Int.self, forKey: .maximum)
        seconds = try container.decode(Double.self, forKey: .seconds)
        wrongChoices = try container.decode(Int.self, forKey: .wrongChoices)
        hints = try container.decode(Int.self, forKey: .hints)
        playedAt = try container.decode(Date.self, forKey: .playedAt)
        mistakes = try container.decodeIfPresent(Int.self, forKey: .mistakes) ?? wrongChoices
        passed = try container.decodeIfPresent(Bool.self, forKey: .passed) ?? true
        exam = try container.decodeIfPresent(Bool.self, forKey: .exam) ?? false
        timedOut = try container.decodeIfPresent(Bool.self, forKey: .timedOut) ?? false
    }
}

/// Every trainee's attempts, by trainee name: the content of `progress.json`.
public struct Progress: Codable, Sendable, Equatable {
    public var version = 1
    public var trainees: [String: [Attempt]] = [:]

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

    /// The progress in `file`, which must exist.
    static func read(_ file: URL) throws(TrainingError) -> Progress {
        do {
            let data = try Data(contentsOf: file)
            return try decoder.decode(Progress.self, from: data)
        } catch {
            throw .progressFile(path: file.path, reason: "cannot be read as Triage progress (\(error.localizedDescription)); move it aside to start afresh")
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

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
