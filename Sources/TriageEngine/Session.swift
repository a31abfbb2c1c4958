import Foundation
import TriageModel
import TriageSecrets

/// A walk through one runbook: the pure state machine at the heart of Triage.
///
/// It has no clock, no I/O and no logger. Given the current node and a command's result (or an
/// answer) it yields the new facts and the next node, with the reason. Drivers (the REPL, replay,
/// `--no-input`) run commands and feed results in.
public struct Session: Sendable {
    /// What the current node waits for.
    public enum Pending: Sendable, Equatable {
        /// Run this command and `record` its result.
        case command(CommandInvocation)
        /// Ask this and `answer` with the reply.
        case question(Question)
        /// Nothing to run or ask: `decide` picks the branch from the facts already known.
        case decision
        /// The session has ended with this diagnosis.
        case conclusion(Diagnosis)
    }

    /// One node the session has left, and how.
    public struct Step: Sendable, Codable, Equatable {
        /// The id of the node left.
        public var node: String
        /// The command it ran, with every placeholder filled in.
        public var invocation: CommandInvocation?
        /// What the command printed and how it ended.
        public var result: CommandResult?
        /// The answer given to its question.
        public var answer: String?
        /// The facts the step added, by name.
        public var newFacts: Facts
        /// Where the session went next, and why.
        public var transition: Transition
    }

    private struct Snapshot: Sendable {
        var current: String
        var facts: Facts
        var lastResult: CommandResult?
    }

    /// The runbook the session walks.
    public let runbook: Runbook
    /// The validated inputs, defaults filled in.
    public let inputs: [String: String]
    /// The id of the node the session is at.
    public private(set) var currentID: String
    /// Every fact known now, inputs included.
    public private(set) var facts: Facts
    /// The nodes left so far, in order.
    public private(set) var steps: [Step] = []
    /// The result of the last command run, for `show`.
    public private(set) var lastResult: CommandResult?
    /// The formats the parsers that produced facts declare for them (see ``ParserSignature/formats``).
    private var factFormats: [String: ValueFormat] = [:]
    private var undo: [Snapshot] = []

    /// How a session was started, which runbooks may branch on (see `SessionFacts`).
    public struct Settings: Sendable, Equatable {
        /// How the session runs: `live`, `propose` or `replay`.
        public var mode: String
        /// Whether Triage's own network access (the registry check) is off.
        public var offline: Bool

        /// Creates a `Settings` from its fields.
        public init(mode: String, offline: Bool) {
            self.mode = mode
            self.offline = offline
        }

        /// Replays: every output comes from a recording, and nothing reaches the network.
        public static let replay = Settings(mode: "replay", offline: true)

        /// The replay of `scenario`: online when it was recorded online, so the answers of
        /// Triage's own network checks come from its recordings.
        public static func replay(of scenario: Scenario) -> Settings {
            Settings(mode: "replay", offline: !scenario.online)
        }
    }

    /// Starts at the runbook's first node, after checking every input against its format.
    public init(runbook: Runbook, inputs given: [String: String], settings: Settings = .replay) throws(SessionError) {
        var problems: [String] = []
        var inputs: [String: String] = [:]
        for name in given.keys.sorted() where runbook.input(name) == nil {
            let known = runbook.inputs.map(\.name).joined(separator: ", ")
            problems.append("runbook '\(runbook.id)' has no input '\(name)' (its inputs: \(known))")
        }
        for spec in runbook.inputs {
            guard let value = given[spec.name] ?? spec.defaultValue else {
                if spec.required { problems.append("input '\(spec.name)' is required: \(spec.description)") }
                continue
            }
            if let problem = spec.format.problem(with: value) {
                problems.append("\(spec.name) '\(value)' \(problem); expected \(spec.format.expectation)")
                continue
            }
            inputs[spec.name] = value
        }
        guard problems.isEmpty else { throw .invalidInputs(problems) }
        guard runbook.node(runbook.start) != nil else { throw .unknownNode(runbook.start) }
        self.runbook = runbook
        self.inputs = inputs
        self.currentID = runbook.start
        self.facts = inputs.mapValues { Fact($0) }
        facts[SessionFacts.mode] = Fact(settings.mode)
        facts[SessionFacts.offline] = Fact(settings.offline ? "true" : "false")
    }

    /// The node the session is at.
    public var current: Node { runbook.node(currentID)! }

    /// Whether the session has reached a diagnosis.
    public var isFinished: Bool { current.isTerminal }

    /// Every node visited, the current one last.
    public var path: [String] { steps.map(\.node) + [currentID] }

    /// The answers given to questions on the way here, by node id (what a recording keeps).
    public var answers: [String: String] {
        Dictionary(steps.compactMap { step in step.answer.map { (step.node, $0) } }, uniquingKeysWith: { _, last in last })
    }

    /// What the current node waits for. Throws when its command needs a value that is unknown or
    /// unsafe to put in a command.
    public func pending() throws(SessionError) -> Pending {
        let node = current
        if let diagnosis = node.diagnosis { return .conclusion(diagnosis) }
        if let command = node.command { return .command(try invocation(for: command)) }
        if let question = node.question { return .question(question) }
        return .decision
    }

    /// `template` with every placeholder filled in and checked.
    public func invocation(for template: CommandTemplate) throws(SessionError) -> CommandInvocation {
        var arguments: [String] = []
        for argument in template.arguments {
            if let name = argument.spreadPlaceholder {
                guard let values = facts[name]?.values else { throw .missingValue(name, node: currentID) }
                for value in values {
                    if let problem = format(of: name).problem(with: value) {
                        throw .unsafeValue(name, value, problem, node: currentID)
                    }
                }
                arguments += values
                continue
            }
            var failure: SessionError?
            let text = argument.render { name in
                guard failure == nil else { return nil }
                guard let value = facts[name]?.value else {
                    failure = .missingValue(name, node: currentID)
                    return nil
                }
                if let problem = format(of: name).problem(with: value) {
                    failure = .unsafeValue(name, value, problem, node: currentID)
                    return nil
                }
                return value
            }
            if let failure { throw failure }
            arguments.append(text)
        }
        let mutates = template.mutates || CommandSafety(arguments).changes
        return CommandInvocation(arguments: arguments, location: template.location, mutates: mutates, timeout: template.timeout)
    }

    /// What a value of fact `name` must look like before it enters a command: an input's format,
    /// the format its parser or its `facts:` entry declares, and otherwise one plain word, since it
    /// was read from output or typed at a question.
    private func format(of name: String) -> ValueFormat {
        runbook.input(name)?.format ?? factFormats[name] ?? .word
    }

    /// Text from the runbook with placeholders filled from the facts (a fact with several values
    /// gives one per line where its placeholder stands alone on a line, and a list joined with
    /// ", " inside a sentence); a fact that is not known reads `(not known)`, never its internal name.
    public func render(_ template: Template) -> String {
        renderIfKnown(template) ?? template.renderPlaced { name, alone in facts[name].map { Self.join($0.values, alone) } ?? "(not known)" }
    }

    /// The diagnosis's `remedy:`, the fix in one line and the headline of its steps, filled in by
    /// ``renderNamingUnknown(_:)``; nil when it has none.
    public func remedy(of diagnosis: Diagnosis) -> String? {
        diagnosis.remedy.map(renderNamingUnknown)
    }

    /// One line from the runbook with placeholders filled from the facts; a fact that is not known
    /// here is named in words ("the workload"), so that the line still reads as a sentence.
    public func renderNamingUnknown(_ template: Template) -> String {
        template.render { name in facts[name]?.values.joined(separator: ", ") ?? "the " + Self.words(fact: name) }
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A fact's name read as words: `secret_for_registry` → `secret for registry`.
    public static func words(fact name: String) -> String {
        String(name.map { $0 == "_" || $0 == "-" || $0 == "." ? " " : $0 })
    }

    private static func join(_ values: [String], _ standsAlone: Bool) -> String {
        values.joined(separator: standsAlone ? "\n" : ", ")
    }

    /// The line of output that proves `diagnosis`: its `evidence:` when every fact it names is
    /// known, else what the last command said about why it failed (kubectl's own message), else
    /// nothing.
    public func evidence(of diagnosis: Diagnosis) -> String? {
        if let evidence = diagnosis.evidence, let rendered = renderIfKnown(evidence) { return rendered }
        guard let lastResult, !lastResult.succeeded else { return nil }
        let said = FailureMessage.summary(ofStandardError: lastResult.stderr)
        return said.isEmpty && !lastResult.timedOut ? nil : lastResult.failureSummary
    }

    private func renderIfKnown(_ template: Template) -> String? {
        var complete = true
        let text = template.renderPlaced { name, alone in
            guard let fact = facts[name] else {
                complete = false
                return nil
            }
            return Self.join(fact.values, alone)
        }
        return complete ? text : nil
    }

    /// Reads the current node's command result into facts and follows the first branch that holds.
    ///
    /// Secrets are masked first (see `SecretMasker`): parsers, fact patterns and the evidence they
    /// quote only ever see masked output, which keeps every line where it was. What they read
    /// keeps a pull secret's registry host names (all a parser reads from its docker config);
    /// what the session keeps, to show and write, and the evidence it quotes, say those hosts in
    /// words and mask the config's credentials.
    @discardableResult
    public mutating func record(_ raw: CommandResult, for invocation: CommandInvocation, parsers: ParserCatalog) -> Transition {
        let readable = SecretMasker.keepingRegistryHosts.mask(raw, of: invocation.arguments)
        let node = current
        var found: Facts = [
            CommandFacts.exitStatus: Fact(String(raw.exitStatus)),
            CommandFacts.timedOut: Fact(raw.timedOut ? "true" : "false"),
        ]
        if let name = node.parser, let parser = parsers.parser(name) {
            factFormats.merge(parser.signature.formats) { _, declared in declared }
            found.merge(parser.facts(from: readable, context: ParserContext(node: node.id, facts: facts))) { _, new in new }
        }
        let output = FactSource(readable)
        for extraction in node.extractions {
            if let format = extraction.format { factFormats[extraction.fact] = format }
            if let fact = FactExtractor.extract(extraction, from: output, node: node.id) { found[extraction.fact] = fact }
        }
        // Facts are shown and written as they are: their control characters are made visible.
        let shown = found.mapValues { fact in
            Fact(
                values: fact.values.map(VisibleText.escapingControls),
                evidence: fact.evidence.map {
                    Evidence(line: $0.line, text: VisibleText.escapingControls(SecretMasker.standard.mask($0.text)), node: $0.node)
                })
        }
        return advance(newFacts: shown, invocation: invocation, result: SecretMasker.standard.shown(raw, of: invocation.arguments), answer: nil)
    }

    /// Stores the user's answer to the current question and follows the first branch that holds.
    @discardableResult
    public mutating func answer(_ reply: String) throws(SessionError) -> Transition {
        guard let question = current.question else { throw .notAQuestion(currentID) }
        let value = try Self.normalise(reply, for: question)
        return advance(newFacts: [question.fact: Fact(value)], invocation: nil, result: nil, answer: value)
    }

    /// Follows the first branch that holds over the facts already known, running nothing. Used for
    /// decision nodes and for `skip`.
    @discardableResult
    public mutating func decide() -> Transition {
        advance(newFacts: [:], invocation: nil, result: nil, answer: nil)
    }

    /// Returns to the previous node with the facts it had. False at the start.
    @discardableResult
    public mutating func back() -> Bool {
        guard let snapshot = undo.popLast() else { return false }
        currentID = snapshot.current
        facts = snapshot.facts
        lastResult = snapshot.lastResult
        steps.removeLast()
        return true
    }

    /// The branch the current node would take over `facts`.
    public func choose(over facts: Facts) -> Transition {
        let node = current
        for (index, branch) in node.branches.enumerated() {
            let outcome = branch.condition.evaluate(facts)
            if outcome.holds {
                let reason = Transition.Reason.branch(
                    index: index + 1, condition: branch.condition.description, label: branch.label, witnesses: outcome.witnesses)
                return Transition(from: node.id, to: branch.target, reason: reason)
            }
        }
        return Transition(from: node.id, to: node.otherwise ?? node.id, reason: .otherwise)
    }

    /// A fix or verification step with its text and command filled in.
    public struct ResolvedStep: Sendable, Equatable {
        /// The words of the step, placeholders filled in.
        public var text: String
        /// The command, when the step has one and every value in it is known and safe.
        public var invocation: CommandInvocation?
    }

    /// The diagnosis's fix steps that apply (those whose `when:` holds), filled in.
    public func fixSteps(of diagnosis: Diagnosis) -> [ResolvedStep] {
        diagnosis.fix.filter { $0.when?.evaluate(facts).holds ?? true }.map(resolve)
    }

    /// `step` with its text and command filled in.
    public func resolve(_ step: FixStep) -> ResolvedStep {
        ResolvedStep(text: render(step.text), invocation: step.command.flatMap { try? invocation(for: $0) })
    }

    private mutating func advance(newFacts found: Facts, invocation: CommandInvocation?, result: CommandResult?, answer: String?) -> Transition {
        guard !isFinished else {
            return Transition(from: currentID, to: currentID, reason: .otherwise)
        }
        // What the user gave is never overwritten by what a command printed.
        let newFacts = found.filter { inputs[$0.key] == nil && !SessionFacts.all.contains($0.key) }
        undo.append(Snapshot(current: currentID, facts: facts, lastResult: lastResult))
        facts.merge(newFacts) { _, new in new }
        if let result { lastResult = result }
        let transition = choose(over: facts)
        steps.append(Step(node: currentID, invocation: invocation, result: result, answer: answer, newFacts: newFacts, transition: transition))
        currentID = transition.to
        return transition
    }

    /// The canonical form of a reply (`y` → `yes`), or why it is not acceptable.
    public static func normalise(_ reply: String, for question: Question) throws(SessionError) -> String {
        let trimmed = reply.trimmingCharacters(in: .whitespaces)
        switch question.kind {
        case .yesNo:
            switch trimmed.lowercased() {
            case "y", "yes": return "yes"
            case "n", "no": return "no"
            default: throw .badAnswer("answer yes or no")
            }
        case .choice(let choices):
            if let exact = choices.first(where: { $0 == trimmed }) { return exact }
            if let number = Int(trimmed), choices.indices.contains(number - 1) { return choices[number - 1] }
            let matches = choices.filter { $0.lowercased().hasPrefix(trimmed.lowercased()) }
            if !trimmed.isEmpty, matches.count == 1 { return matches[0] }
            throw .badAnswer("choose one of: \(choices.joined(separator: ", ")) (or its number)")
        case .text(let pattern):
            if trimmed.isEmpty { throw .badAnswer("the answer is empty") }
            if let problem = ValueFormat.text.problem(with: trimmed) { throw .badAnswer("the answer \(problem)") }
            if let pattern, !pattern.matchesWhole(trimmed) {
                throw .badAnswer("the answer must match /\(pattern)/")
            }
            return trimmed
        }
    }
}

/// A move from one node to the next, and why it was taken.
public struct Transition: Sendable, Codable, Equatable {
    /// Why a branch was taken.
    public enum Reason: Sendable, Codable, Equatable {
        /// The numbered branch's condition held, thanks to these fact values.
        case branch(index: Int, condition: String, label: String?, witnesses: [Witness])
        /// No branch held.
        case otherwise
    }

    /// The node left.
    public var from: String
    /// The node entered.
    public var to: String
    /// Which branch was taken, or that none held.
    public var reason: Reason
}

/// Why the session cannot do what was asked.
public enum SessionError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidInputs([String])
    case unknownNode(String)
    case missingValue(String, node: String)
    case unsafeValue(String, String, String, node: String)
    case notAQuestion(String)
    case badAnswer(String)

    /// What went wrong, in words a user can act on.
    public var description: String {
        switch self {
        case .invalidInputs(let problems): problems.joined(separator: "\n")
        case .unknownNode(let id): "the runbook has no node '\(id)'"
        case .missingValue(let name, let node):
            "step '\(node)' needs {{\(name)}}, which is not known yet; give it as an input (e.g. --\(name) VALUE) or skip the step"
        case .unsafeValue(let name, let value, let problem, let node):
            "step '\(node)' would put \(name) \(ShellQuoting.quote(value)) into a command, but it \(problem); refusing to run it"
        case .notAQuestion(let node): "step '\(node)' asks no question"
        case .badAnswer(let problem): problem
        }
    }
}
