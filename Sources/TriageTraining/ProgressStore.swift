import Foundation

/// One finished attempt, as kept in the progress file.
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
        do {
            let data = try Data(contentsOf: file)
            return try Self.decoder.decode(Progress.self, from: data)
        } catch {
            throw .progressFile(path: file.path, reason: "cannot be read as Triage progress (\(error.localizedDescription)); move it aside to start afresh")
        }
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
