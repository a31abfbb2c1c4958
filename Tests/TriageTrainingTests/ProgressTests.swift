import Foundation
import Testing
import TriageTraining

struct ProgressTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("triage-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func result(_ scenario: String, cause: String, score: Int, at seconds: TimeInterval) -> TrainingResult {
        TrainingResult(
            scenario: scenario, cause: cause, difficulty: "beginner", path: ["describe"], ending: "x", steps: [],
            score: score, maximum: 100, seconds: 30, finishedAt: Date(timeIntervalSince1970: seconds)
        )
    }

    @Test func attemptsAreKeptPerTraineeInAPrivateFileAndSummarisedPerCause() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = ProgressStore(directory: directory)
        try store.record(result("nginx-tag-typo", cause: "image-not-found", score: 70, at: 1_795_000_000), for: "alice")
        try store.record(result("ghcr-tag-deleted", cause: "image-not-found", score: 95, at: 1_795_000_600), for: "alice")
        try store.record(result("harbor-self-signed", cause: "tls", score: 100, at: 1_795_000_900), for: "bob")

        let attributes = try FileManager.default.attributesOfItem(atPath: store.file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "progress.json" }
        #expect(leftovers.isEmpty, "temporary files left behind: \(leftovers)")

        let progress = try store.load()
        let report = ProgressReport(trainee: "alice", attempts: progress.trainees["alice"] ?? [], causes: ["auth", "image-not-found", "tls"])
        #expect(report.lines.count == 1)
        #expect(report.lines[0].attempts == 2)
        #expect(report.lines[0].bestScore == 95)
        #expect(report.lines[0].lastPlayed == Date(timeIntervalSince1970: 1_795_000_600))
        #expect(report.neverPractised == ["auth", "tls"])
        #expect(report.text.contains("Never practised: auth, tls"))
    }

    @Test func aDamagedProgressFileIsReportedWithItsPath() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = ProgressStore(directory: directory)
        try Data("{not json".utf8).write(to: store.file)
        #expect(throws: TrainingError.self) { try store.load() }
        do {
            _ = try store.load()
        } catch {
            #expect(error.localizedDescription.contains(store.file.path))
        }
    }
}
