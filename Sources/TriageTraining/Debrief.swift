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

    /// The debrief as text, one step of the path per line.
    public var text: String {
        var text = "\n" + styler.apply(.heading, to: "Debrief") + "\n"
        let choices = Dictionary(result.steps.map { ($0.node, $0) }, uniquingKeysWith: { first, _ in first })
        let width = result.path.map(\.count).max() ?? 0
        for (index, node) in result.path.enumerated() {
            let name = node.padding(toLength: width, withPad: " ", startingAt: 0)
            let title = runbook.node(node)?.title ?? node
            var line = "  \(index + 1). \(name)  \(title)"
            if let step = choices[node] {
                let mark = step.isCorrect ? styler.apply(.success, to: "✓ you chose \(step.chosen)") : styler.apply(.error, to: "✗ you chose \(step.chosen)")
                line += "\n     \(mark)" + (step.usedHint ? styler.apply(.dim, to: " (with a hint)") : "")
            }
            text += line + "\n"
        }
        text += "Path: \(result.path.joined(separator: " → "))\n"
        var costs: [String] = []
        if result.wrongChoices > 0 { costs.append("\(result.wrongChoices) wrong choice\(result.wrongChoices == 1 ? "" : "s") −\(result.wrongChoices * rules.wrongChoice)") }
        if result.hints > 0 { costs.append("\(result.hints) hint\(result.hints == 1 ? "" : "s") −\(result.hints * rules.hint)") }
        text += styler.apply(.heading, to: "Score: \(result.score)/\(result.maximum)") + (costs.isEmpty ? "" : " (\(costs.joined(separator: ", ")))") + "\n"
        text += "Time: \(Self.duration(result.seconds))\n"
        if !scenario.teaches.isEmpty {
            text += "What this scenario teaches:\n" + scenario.teaches.trimmingCharacters(in: .newlines) + "\n"
        }
        return text
    }

    /// `2m 05s`, or `42s` under a minute.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole < 60 ? "\(whole)s" : "\(whole / 60)m \(String(format: "%02d", whole % 60))s"
    }
}
