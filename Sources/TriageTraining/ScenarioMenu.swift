import TriageModel
import TriageTerminal

/// A scenario offered for training, with the cause it teaches.
public struct TrainingEntry: Sendable, Equatable {
    public var scenario: Scenario
    /// The cause of the scenario's expected ending.
    public var cause: String

    /// The entry for `scenario`: its expected cause, else the cause of its ending in `runbooks`.
    public init(_ scenario: Scenario, runbooks: [Runbook]) {
        self.scenario = scenario
        let ending = runbooks.first { $0.id == scenario.runbook }?.node(scenario.expectation.ending)
        cause = scenario.expectation.cause ?? ending?.diagnosis?.cause ?? "other"
    }
}

/// The menu shown by `triage train` without a scenario: the scenarios that pass the filters, by
/// difficulty and then id, chosen by number or id (Tab completes ids).
public struct ScenarioMenu {
    /// The scenarios offered, in the order shown.
    public let entries: [TrainingEntry]

    /// The entries of `scenarios` whose cause and difficulty match (nil matches everything).
    public init(scenarios: [Scenario], runbooks: [Runbook], cause: String?, difficulty: Scenario.Difficulty?) {
        let order = Scenario.Difficulty.allCases
        entries = scenarios.map { TrainingEntry($0, runbooks: runbooks) }
            .filter { cause == nil || $0.cause == cause }
            .filter { difficulty == nil || $0.scenario.difficulty == difficulty }
            .sorted {
                let left = order.firstIndex(of: $0.scenario.difficulty)!, right = order.firstIndex(of: $1.scenario.difficulty)!
                return left != right ? left < right : $0.scenario.id < $1.scenario.id
            }
    }

    /// The menu as text.
    public func text(styler: Styler) -> String {
        let width = entries.map(\.scenario.id.count).max() ?? 0
        var text = styler.apply(.heading, to: "Scenarios") + "\n"
        for (index, entry) in entries.enumerated() {
            let number = String(index + 1).count < 2 ? " \(index + 1)" : "\(index + 1)"
            let id = entry.scenario.id.padding(toLength: width, withPad: " ", startingAt: 0)
            text += "  \(number)) \(id)  " + styler.apply(.dim, to: "\(entry.scenario.difficulty.rawValue), \(entry.cause)") + "\n"
            text += "      \(entry.scenario.title)\n"
        }
        return text
    }

    /// The entry a reply names (number or id), if any.
    public func entry(for reply: String) -> TrainingEntry? {
        let word = reply.trimmingCharacters(in: .whitespaces)
        if let number = Int(word), entries.indices.contains(number - 1) { return entries[number - 1] }
        return entries.first { $0.scenario.id == word }
    }

    /// Shows the menu and asks until a scenario is chosen; nil when the user quits or input ends.
    public func choose(reader: inout any LineReader, write: (String) -> Void, styler: Styler) -> TrainingEntry? {
        write(text(styler: styler))
        let ids = entries.map(\.scenario.id) + ["quit"]
        let prompt = styler.apply(.prompt, to: "scenario (number or id)> ")
        while let line = reader.readLine(prompt: prompt, completion: { _ in ids }) {
            let word = line.trimmingCharacters(in: .whitespaces)
            if word == "quit" || word == "q" { return nil }
            if let entry = entry(for: word) { return entry }
            write(styler.apply(.error, to: "no scenario '\(word)' in this list") + "; answer 1-\(entries.count) or an id (Tab completes)\n")
        }
        return nil
    }
}
