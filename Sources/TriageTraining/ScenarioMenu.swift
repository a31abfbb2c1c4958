import TriageModel
import TriageTerminal

/// A scenario offered for training, with the cause it teaches (for filters and progress, never
/// shown before the attempt) and what it practises (shown).
public struct TrainingEntry: Sendable, Equatable {
    public var scenario: Scenario
    /// The cause of the scenario's expected ending.
    public var cause: String
    /// What a trainee practises: the scenario's `practises:`, else the runbook and how many
    /// steps its path takes (which steps would hint at the cause).
    public var practises: String

    /// The entry for `scenario`: its expected cause, else the cause of its ending in `runbooks`.
    public init(_ scenario: Scenario, runbooks: [Runbook]) {
        self.scenario = scenario
        let runbook = runbooks.first { $0.id == scenario.runbook }
        let ending = runbook?.node(scenario.expectation.ending)
        cause = scenario.expectation.cause ?? ending?.diagnosis?.cause ?? "other"
        if !scenario.practises.isEmpty {
            practises = scenario.practises
        } else if let runbook, let path = scenario.expectation.path, path.count > 1 {
            practises = "\(runbook.title), \(path.count - 1) step\(path.count == 2 ? "" : "s") to the cause"
        } else {
            practises = runbook?.title ?? scenario.runbook
        }
    }
}

/// The menu shown by `triage train` without a scenario: the scenarios that pass the filters, by
/// difficulty and then id, chosen by number (or id). It shows each title,
/// difficulty and what it practises, never the cause.
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

    /// The menu as text: number, title, difficulty and what each practises. Ids are left out
    /// too, as most name the cause.
    public func text(styler: Styler) -> String {
        var text = styler.apply(.heading, to: "Scenarios") + "\n"
        for (index, entry) in entries.enumerated() {
            let number = String(index + 1).count < 2 ? " \(index + 1)" : "\(index + 1)"
            text += "  \(number)) \(entry.scenario.title)\n"
            text += "      " + styler.apply(.dim, to: "\(entry.scenario.difficulty.rawValue) · practises: \(entry.practises)") + "\n"
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
        let prompt = styler.apply(.prompt, to: "scenario (number)> ")
        while let line = reader.readLine(prompt: prompt, completion: { _ in ["quit"] }) {
            let word = line.trimmingCharacters(in: .whitespaces)
            if word == "quit" || word == "q" { return nil }
            if let entry = entry(for: word) { return entry }
            write(styler.apply(.error, to: "no scenario '\(word)' in this list") + "; answer 1-\(entries.count)\n")
        }
        return nil
    }
}
