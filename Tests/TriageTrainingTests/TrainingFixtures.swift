import Foundation
import Synchronization
import TriageEngine
import TriageModel
import TriageRunbooks
import TriageTerminal
import TriageTraining

/// The repository's own runbooks and scenarios, and helpers to play them with scripted replies.
enum TrainingFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let library: Library = {
        LibraryLoader(validator: RunbookValidator(parsers: ParserCatalog.standard.signatures)).load(
            runbookPaths: [root.appendingPathComponent("Runbooks").path],
            scenarioPaths: [root.appendingPathComponent("Scenarios").path]
        ).0
    }()

    static func scenario(_ id: String) -> (Scenario, Runbook) {
        let scenario = library.scenario(id)!
        return (scenario, library.runbook(scenario.runbook)!)
    }

    /// Plays `id` with `replies`, returning the result and everything shown.
    static func play(_ id: String, replies: [String], seed: UInt64 = 7, clock: any TrainingClock = SteppingClock(step: 1)) async throws -> (TrainingResult?, String) {
        let (scenario, runbook) = self.scenario(id)
        let shown = Mutex("")
        let trainer = Trainer(
            scenario: scenario, runbook: runbook, reader: PlainLineReader(source: .lines(replies)),
            write: { text in shown.withLock { $0 += text } }, styler: Styler(enabled: false), clock: clock, seed: seed
        )
        let result = try await trainer.run()
        return (result, shown.withLock { $0 })
    }

    /// The replies that follow the scenario's expected path: the next node at every choice.
    static func perfectReplies(_ id: String) throws -> [String] {
        let (scenario, runbook) = self.scenario(id)
        let facts = try Session(runbook: runbook, inputs: scenario.inputs).facts
        let path = scenario.expectation.path ?? []
        return zip(path, path.dropFirst()).compactMap { node, next in
            StepChoices(node: runbook.node(node)!, runbook: runbook, seed: 7, facts: facts).isChoice ? next : nil
        }
    }
}

/// A clock that moves forward by `step` seconds every time it is read.
final class SteppingClock: TrainingClock {
    private let time: Mutex<Date>
    private let step: TimeInterval

    init(step: TimeInterval, start: Date = Date(timeIntervalSince1970: 1_795_000_000)) {
        self.step = step
        time = Mutex(start)
    }

    func now() -> Date {
        time.withLock { now in
            defer { now += step }
            return now
        }
    }
}
