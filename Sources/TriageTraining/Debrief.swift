import Foundation
import TriageModel
import TriageTerminal

/// The end of an attempt: the runbook's path against the trainee's choices, the score and the
/// time, and what the scenario teaches.
public struct Debrief: Sendable {
    public var result: TrainingResult
    public var runbook: Runbook
    public var scenario: Scenario
    public var rules: ScoringRules
    public var styler: Styler

    public init(result: TrainingResult, runbook: Runbook, scenario: Scenario, rules: ScoringRules, styler: Styler) {
        self.result = result
        self.runbook = runbook
        self.scenario = scenario
        self.rules = rules
        self.styler = styler
    }

    /// The debrief as text, one step of the path per line, with the answers given there.
    public var text: String {
        var text = "\n" + styler.apply(.heading, to: "Debrief") + "\n"
        let width = result.path.map(\.count).max() ?? 0
        for (index, node) in result.path.enumerated() {
            let name = node.padding(toLength: width, withPad: " ", startingAt: 0)
            let title = runbook.node(node)?.title ?? node
            text += "  \(index + 1). \(name)  \(title)\n"
            for step in result.steps where step.node == node {
                text += "     " + mark(step) + "\n"
            }
        }
        text += "Path: \(result.path.joined(separator: " → "))\n"
        text += styler.apply(.heading, to: "Score: \(result.score)/\(result.maximum)") + costs + "\n"
        text += "Time: \(Self.duration(result.seconds))\n"
        text += verdict
        if !scenario.teaches.isEmpty {
            text += "What this scenario teaches:\n" + scenario.teaches.trimmingCharacters(in: .newlines) + "\n"
        }
        return text
    }

    private func mark(_ step: TrainingStep) -> String {
        let what: String
        switch step.kind {
        case .route: what = "you chose \(step.chosen)"
        case .fix: what = "fix: " + (step.isCorrect ? "the right one" : "a wrong one")
        case .check: what = "check: you answered \(step.chosen)"
        }
        var line = step.isCorrect ? styler.apply(.success, to: "✓ \(what)") : styler.apply(.error, to: "✗ \(what)")
        var notes: [String] = []
        if step.isCorrect, step.tries.count > 1 { notes.append("on try \(step.tries.count)") }
        if step.usedHint { notes.append(step.hints == 1 ? "with a hint" : "with \(step.hints) hints") }
        if !notes.isEmpty { line += styler.apply(.dim, to: " (\(notes.joined(separator: ", ")))") }
        return line
    }

    private var costs: String {
        var costs: [String] = []
        let wrong = result.wrongChoices
        if wrong > 0 { costs.append("\(wrong) wrong answer\(wrong == 1 ? "" : "s") −\(wrong * rules.wrongChoice)") }
        let retried = result.steps.filter { $0.kind != .check && $0.isCorrect }.map(\.wrongTries).reduce(0, +)
        if retried > 0 { costs.append("\(retried) retr\(retried == 1 ? "y" : "ies") −\(retried * rules.retry)") }
        let checks = result.steps.filter { $0.kind == .check && !$0.isCorrect }.count
        if checks > 0 { costs.append("\(checks) check\(checks == 1 ? "" : "s") missed −\(checks * rules.wrongCheck)") }
        if result.hints > 0 { costs.append("\(result.hints) hint\(result.hints == 1 ? "" : "s") −\(result.hints * rules.hint)") }
        return costs.isEmpty ? "" : " (\(costs.joined(separator: ", ")))"
    }

    private var verdict: String {
        if result.timedOut { return styler.apply(.error, to: "Not passed:") + " time ran out.\n" }
        let missed = scenario.required.filter { node in result.steps.contains { $0.node == node && $0.kind != .check && !$0.isCorrect } }
        if !missed.isEmpty {
            return styler.apply(.error, to: "Not passed:") + " this scenario requires \(missed.map { "[\($0)]" }.joined(separator: ", ")) decided right.\n"
        }
        if result.passed { return styler.apply(.success, to: "Passed") + " (a pass needs \(rules.passMark) points).\n" }
        return styler.apply(.error, to: "Not passed:") + " a pass needs \(rules.passMark) points.\n"
    }

    /// `2m 05s`, or `42s` under a minute.
    public static func duration(_ seconds: Double) -> String {
        let whole = Seconds.whole(seconds.rounded())
        return whole < 60 ? "\(whole)s" : "\(whole / 60)m \(String(format: "%02d", whole % 60))s"
    }
}
