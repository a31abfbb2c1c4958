import Foundation
import Synchronization
import Testing
import TriageModel
import TriageTestSupport
import TriageRunbooks
import TriageTerminal
import TriageTraining

/// Training is driven by the runbook and the scenario alone: a runbook about something else
/// entirely gets the same hints, retries, checks, fix question and required steps.
struct SecondRunbookTests {
    static let book = DiskRunbook.text

    static let scenario = """
        id: full-var
        runbook: disk
        title: A full /var
        difficulty: beginner
        required: [df]
        inputs: {node: worker-1, namespace: batch}
        commands:
          - run: [kubectl, describe, node, worker-1]
            stdout: |
              Filesystem  Size  Used Avail Use% Mounted on
              /dev/sda1    40G   40G     0 100% /var
        expect: {ending: full, path: [df, full]}
        """

    func play(_ replies: [String], settings: TrainingSettings = .practice) async throws -> (TrainingResult?, String) {
        let runbook = try RunbookDecoder.decode(Self.book, file: "disk.yaml").get()
        let scenario = try ScenarioDecoder.decode(Self.scenario, file: "full-var.yaml").get()
        let shown = Mutex("")
        let trainer = Trainer(
            scenario: scenario, runbook: runbook, reader: PlainLineReader(source: .lines(replies)),
            write: { text in shown.withLock { $0 += text } }, styler: Styler(enabled: false), clock: SteppingClock(step: 1), seed: 1,
            settings: settings
        )
        return (try await trainer.run(), shown.withLock { $0 })
    }

    @Test func anotherRunbookTeachesWithItsOwnHintsChecksAndFix() async throws {
        let (result, shown) = try await play(["hint", "fine", "full", "nothing", "kubectl drain worker-1", "kubectl drain worker-1 -n batch"])
        let finished = try #require(result)
        #expect(shown.contains("Which filesystem is at 100%?"))
        #expect(shown.contains("Not [fine]. That way is taken when: No filesystem is full. This output does not show that."))
        #expect(shown.contains("Why: A line ends at 100%, from line 2: /dev/sda1    40G   40G     0 100% /var"))
        #expect(shown.contains("Not quite: the answer is They cannot start. Images and logs live there."))
        #expect(shown.contains("Not that command: it must name this cluster's namespace, batch."))
        #expect(shown.contains("Right: on try 2. Drain the node"))
        #expect(finished.score == 100 - 5 - 7 - 5 - 7)
        #expect(finished.passed)
        #expect(finished.cause == "disk")
    }

    @Test func aRequiredStepMissedFailsTheAttemptWhateverTheScore() async throws {
        let (result, shown) = try await play(["fine", "They cannot start", "kubectl drain worker-1 --namespace batch"], settings: .exam)
        #expect(result?.score == 85)
        #expect(result?.passed == false)
        #expect(shown.contains("Not passed: this scenario requires [df] decided right."))
    }
}
