import Foundation
import Testing
import TriageEngine
import TriageExecution
import TriageModel
import TriageRunbooks
@testable import TriageTraining

/// `--record FILE`: written to a temporary file and renamed, private, and never over something
/// that is not a regular file.
struct RecordingTargetTests {
    func recorded() async throws -> RecordedSession {
        let (scenario, _) = TrainingFixtures.scenario("nginx-tag-typo")
        let runbook = try #require(TrainingFixtures.library.runbook(scenario.runbook))
        let recorder = RecordingRunner(base: ReplayRunner(recordings: scenario.recordings))
        var session = try Session(runbook: runbook, inputs: scenario.inputs)
        let outcome = try await SessionDriver(runner: recorder, parsers: .standard, answers: RecordedAnswers(scenario.answers), policy: .replay).drive(&session)
        guard case .concluded(let diagnosis) = outcome else { throw RecordingError.unfinished(session.currentID) }
        return RecordedSession(
            runbook: runbook, inputs: session.inputs, recordings: recorder.recordings, answers: scenario.answers, path: session.path, cause: diagnosis.cause)
    }

    @Test func aDeviceIsNotReplaced() async throws {
        let session = try await recorded()
        await #expect(throws: RecordingError.self) { try await ScenarioRecorder(anonymize: false, date: Date()).record(session, to: "/dev/full") }
        var status = stat()
        #expect(lstat("/dev/full", &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFCHR, "/dev/full is still a character device")
    }

    @Test func aLinkIsNotReplacedAndAWorldReadableFileBecomesPrivate() async throws {
        let session = try await recorded()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("target.yaml").path
        let link = directory.appendingPathComponent("link.yaml").path
        try "keep".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        await #expect(throws: RecordingError.self) { try await ScenarioRecorder(anonymize: false, date: Date()).record(session, to: link) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")

        chmod(target, 0o644)
        try await ScenarioRecorder(anonymize: false, date: Date()).record(session, to: target)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("runbook: image-pull-backoff"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["link.yaml", "target.yaml"], "no temporary file left behind")
    }
}
