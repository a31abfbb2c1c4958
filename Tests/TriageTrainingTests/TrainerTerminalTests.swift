import Foundation
import Testing
import TriageTerminal
import TriageTestSupport
import TriageTraining

/// Set in the environment of the test binary when it runs a training attempt in tmux.
private let demoVariable = "TRIAGE_TRAINER_DEMO"
private let isDemo = ProcessInfo.processInfo.environment[demoVariable] == "1"

/// Trainee mode in a real terminal: the test binary runs itself in tmux with ``demoVariable``
/// set, which enables ``trainerDemo()`` (one attempt at nginx-tag-typo with libedit) and nothing else.
@Suite("Trainee mode in a real terminal", .serialized, .timeLimit(.minutes(2)))
struct TrainerTerminalTests {
    /// One attempt on the real terminal, saved to the progress file under `XDG_STATE_HOME`.
    @Test(.enabled(if: isDemo))
    func trainerDemo() async throws {
        let capabilities = TerminalCapabilities.detect()
        let reader = try LineReaderFactory.make(capabilities: capabilities, historyFile: nil)
        #expect(reader is EditLineReader)
        let (scenario, runbook) = TrainingFixtures.scenario("nginx-tag-typo")
        let trainer = Trainer(
            scenario: scenario, runbook: runbook, reader: reader, write: PlainLineReader.writeToStandardOutput,
            styler: Styler(capabilities: capabilities), clock: SystemTrainingClock(), seed: 3
        )
        let result = try await trainer.run()
        if let result {
            try ProgressStore(directory: try StateDirectory.prepare().url).record(result, for: "terminal-trainee")
            print("saved score \(result.score)")
        }
    }

    private var demoCommand: [String] {
        get throws {
            let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            return [executable, "--testing-library", "swift-testing", "--filter", "trainerDemo"]
        }
    }

    @Test(.disabled(if: isDemo))
    func aTraineeCompletesAScenarioInATerminalAndIsScored() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("triage-train-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let session = try TmuxSession(command: try demoCommand, environment: [demoVariable: "1", "XDG_STATE_HOME": state.path])
        defer { session.close() }

        try await session.waitFor("[nginx-tag-typo describe] where next?")
        // Tab completes the option's name: "check-i" → "check-image ".
        try session.type("check-i")
        try session.sendKeys("Tab")
        try await session.waitUntil("the completed option") { $0.split(separator: "\n").last?.hasSuffix("check-image") == true }
        try session.sendKeys("Enter")
        try await session.waitFor("Right: the runbook goes to Read the pod's own status beside the events [check-image].")

        try await session.waitFor("[nginx-tag-typo check-image] where next?")
        try session.type("hint")
        try session.sendKeys("Enter")
        try await session.waitFor("The line that decides:")
        try await session.waitFor("[nginx-tag-typo check-image] where next?", count: 2)
        try session.type("service-account")
        try session.sendKeys("Enter")
        try await session.waitFor("Not quite: the runbook goes to The image or tag does not exist [image-not-found]")

        let transcript = try await session.waitFor("saved score 80", timeout: .seconds(30))
        #expect(transcript.contains("Score: 80/100 (1 wrong choice −15, 1 hint −5)"))
        #expect(transcript.contains("✗ you chose service-account"))
        #expect(try await session.waitForExit() == 0)

        let progress = try ProgressStore(directory: state.appendingPathComponent("triage")).load()
        #expect(progress.trainees["terminal-trainee"]?.map(\.score) == [80])
    }
}
