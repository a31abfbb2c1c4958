import Foundation
import Testing
import Synchronization
import TriageEngine
import TriageModel
import TriageRunbooks
import TriageTerminal
@testable import TriageTraining

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
    static func play(
        _ id: String, replies: [String], seed: UInt64 = 7, clock: any TrainingClock = SteppingClock(step: 1),
        settings: TrainingSettings = .practice, deadline: Date? = nil, change: (inout Scenario) -> Void = { _ in }
    ) async throws -> (TrainingResult?, String) {
        var (scenario, runbook) = self.scenario(id)
        change(&scenario)
        let shown = Mutex("")
        let trainer = Trainer(
            scenario: scenario, runbook: runbook, reader: PlainLineReader(source: .lines(replies)),
            write: { text in shown.withLock { $0 += text } }, styler: Styler(enabled: false), clock: clock, seed: seed,
            settings: settings, deadline: deadline
        )
        let result = try await trainer.run()
        return (result, shown.withLock { $0 })
    }

    /// The right replies along the scenario's expected path: the next node at every choice, the
    /// answer to every concept check, and the right answer to the fix question (the command
    /// typed out, or the right fix's number).
    static func perfectReplies(_ id: String, seed: UInt64 = 7) async throws -> [String] {
        let (scenario, runbook) = self.scenario(id)
        let facts = try Session(runbook: runbook, inputs: scenario.inputs).facts
        let path = scenario.expectation.path ?? []
        var replies: [String] = []
        for (node, next) in zip(path, path.dropFirst()) {
            let step = runbook.node(node)!
            if StepChoices(node: step, runbook: runbook, seed: seed, facts: facts).isChoice { replies.append(next) }
            if step.command != nil { replies += step.teaching.checks.map(\.answer) }
        }
        return replies + (try await rightFix(id, seed: seed))
    }

    /// The reply that answers the scenario's fix question right; none when it asks none.
    static func rightFix(_ id: String, seed: UInt64 = 7) async throws -> [String] {
        switch try await fixPrompt(id, seed: seed) {
        case let fix as FixQuestion: [fix.right.description]
        case let fix as RemedyQuestion: [String(fix.options.firstIndex(of: fix.right)! + 1)]
        default: []
        }
    }

    /// A reply that answers the scenario's fix question wrong.
    static func wrongFix(_ id: String, seed: UInt64 = 7) async throws -> String {
        switch try await fixPrompt(id, seed: seed) {
        case let fix as FixQuestion: String(fix.options.firstIndex { $0.whyWrong != nil }! + 1)
        case let fix as RemedyQuestion: String(fix.options.firstIndex { $0.whyWrong != nil }! + 1)
        default: ""
        }
    }

    /// The fix question the scenario's ending asks, if any.
    static func fixPrompt(_ id: String, seed: UInt64 = 7) async throws -> (any FixPrompt)? {
        let (scenario, runbook) = self.scenario(id)
        let report = await ScenarioReplay(parsers: .standard).replay(scenario, runbook: runbook)
        let session = try #require(report.session)
        guard let diagnosis = session.current.diagnosis else { return nil }
        return FixQuestions.question(for: diagnosis, at: session.currentID, session: session, runbook: runbook, seed: seed)
    }

    /// The command question the scenario's ending asks, if it asks one.
    static func fixQuestion(_ id: String, seed: UInt64 = 7) async throws -> FixQuestion? {
        try await fixPrompt(id, seed: seed) as? FixQuestion
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
