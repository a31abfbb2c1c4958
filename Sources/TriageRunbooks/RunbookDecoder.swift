import TriageJSON
import TriageModel
import Yams

/// Turns the text of a runbook file into a `Runbook`, reporting every problem of shape (unknown
/// keys, wrong types, missing fields) at its line and column. The graph checks live in
/// `RunbookValidator`.
public enum RunbookDecoder {
    static let topKeys = ["id", "title", "summary", "intro", "selects", "inputs", "start", "nodes", SnippetExpander.topKey, "imports", "endings"]
    static let inputKeys = ["description", "required", "default", "format"]
    static let nodeKeys = [
        "title", "step", "explain", "run", "where", "mutates", "timeout", "parser", "facts", "ask",
        "branches", "next", "diagnosis", "hint", "checks",
    ]
    static let checkKeys = ["question", "choices", "answer", "wrong", "explain"]
    static let askKeys = ["question", "answer", "choices", "pattern", "fact"]
    static let diagnosisKeys = ["cause", "outcome", "summary", "remedy", "explain", "evidence", "fix", "verify"]
    static let stepKeys = ["text", "run", "where", "mutates", "timeout", "parser", "until", "every", "for", "when"]

    /// Seconds a command may run, live.
    static let timeoutBounds: ClosedRange<Double> = 0.001...86_400
    /// Seconds between two polls of a verification.
    static let pollBounds: ClosedRange<Double> = 0.1...3_600
    /// Seconds a verification may poll for.
    static let watchBounds: ClosedRange<Double> = 0.1...86_400

    static let aliasAdvice = "define the value once under 'snippets:' and write {use: NAME} where it goes"

    /// Decodes `text` read from `file`; the runbook is returned only when no problem was found.
    /// A problem inside a snippet is reported at the snippet's line, saying where it was used.
    public static func decode(_ text: String, file: String) -> Result<Runbook, RunbookLoadError> {
        let (runbook, diagnostics) = decodeWithSnippets(text, file: file)
        if let runbook, diagnostics.isEmpty { return .success(runbook) }
        return .failure(RunbookLoadError(diagnostics: diagnostics))
    }

    /// Decodes `text` and checks it with `validator`: every problem of shape and of graph, each
    /// inside a snippet told where the snippet was used. `shared` are the shared snippets files its
    /// `imports:` may name.
    public static func load(_ text: String, file: String, validator: RunbookValidator, shared: [SourceText] = []) -> Result<Runbook, RunbookLoadError> {
        let reader = YAMLReader(file: file)
        let (runbook, map) = decodeExpanded(text, reader, shared: shared)
        guard let runbook, reader.diagnostics.isEmpty else {
            return .failure(RunbookLoadError(diagnostics: map?.annotate(reader.diagnostics) ?? reader.diagnostics))
        }
        let problems = validator.validate(runbook)
        if problems.isEmpty { return .success(runbook) }
        return .failure(RunbookLoadError(diagnostics: map?.annotate(problems) ?? problems))
    }

    private static func decodeWithSnippets(_ text: String, file: String) -> (Runbook?, [RunbookDiagnostic]) {
        let reader = YAMLReader(file: file)
        let (runbook, map) = decodeExpanded(text, reader)
        return (runbook, map?.annotate(reader.diagnostics) ?? reader.diagnostics)
    }

    private static func decodeExpanded(_ text: String, _ reader: YAMLReader, shared: [SourceText] = []) -> (Runbook?, SnippetMap?) {
        guard let root = reader.compose(text, aliasAdvice: aliasAdvice) else { return (nil, nil) }
        let imports = SharedSnippets.imports(of: root, from: shared, reader)
        guard let (expanded, map) = SnippetExpander(reader: reader, valueBudget: YAMLReader.valueBudget, imports: imports).expand(root) else {
            return (nil, nil)
        }
        return (decodeRunbook(expanded, reader), map)
    }

    private static func decodeRunbook(_ root: Yams.Node, _ reader: YAMLReader) -> Runbook? {
        guard let top = reader.fields(root, "the runbook") else { return nil }
        top.rejectUnknown(topKeys, in: reader)
        let id = top.require("id", in: reader).flatMap { reader.word($0, "'id'") }
        if let id, let node = top["id"], ValueFormat.dns1123Label.problem(with: id) != nil {
            reader.report(node, "'id' is '\(id)'; expected lower-case words joined by '-', like crash-loop-backoff")
        }
        let title = top.require("title", in: reader).flatMap { reader.word($0, "'title'") }
        let summary = top["summary"].flatMap { reader.string($0, "'summary'") } ?? ""
        let intro = top["intro"].flatMap { reader.paragraphs($0, "'intro'") } ?? ""
        let selection = top["selects"].flatMap { node in
            decodeCondition(node, "'selects'", reader).map { Runbook.Selection(condition: $0, location: reader.location(node)) }
        }
        let inputs = top["inputs"].flatMap { decodeInputs($0, reader) } ?? []
        let start = top.require("start", in: reader).flatMap { reader.word($0, "'start'") }
        var nodes = top.require("nodes", in: reader).flatMap { decodeNodes($0, reader) } ?? []
        if let defaults = top["endings"] { applyEndingDefaults(defaults, to: &nodes, reader) }
        guard let id, let title, let start else { return nil }
        return Runbook(
            id: id, title: title, summary: summary, inputs: inputs, start: start, nodes: nodes, location: reader.location(root),
            selection: selection, intro: intro)
    }

    /// `endings: {step, verify}`: the step and the verification of every ending that gives none
    /// of its own.
    private static func applyEndingDefaults(_ node: Yams.Node, to nodes: inout [TriageModel.Node], _ reader: YAMLReader) {
        guard let fields = reader.fields(node, "'endings'") else { return }
        fields.rejectUnknown(["step", "verify"], in: reader)
        let step = fields["step"].flatMap { reader.int($0, "'step' of 'endings'") }
        if let step, step < 1, let value = fields["step"] {
            reader.report(value, "'step' of 'endings' is \(step); steps are numbered from 1")
        }
        let verify = fields["verify"].flatMap { decodeStep($0, "'verify' of 'endings'", reader) }
        if verify?.when != nil, let value = fields["verify"] {
            reader.report(value, "'when' applies to fix steps; a verification always applies")
        }
        for index in nodes.indices where nodes[index].isTerminal {
            if nodes[index].step == nil { nodes[index].step = step }
            if nodes[index].diagnosis?.verify == nil { nodes[index].diagnosis?.verify = verify }
        }
    }

    private static func decodeInputs(_ node: Yams.Node, _ reader: YAMLReader) -> [InputSpec]? {
        guard let entries = reader.fields(node, "'inputs'") else { return nil }
        return entries.pairs.compactMap { pair in
            let what = "input '\(pair.key)'"
            guard Template.isIdentifier(pair.key) else {
                reader.report(pair.keyNode, "\(what): an input name is letters, digits, '_', '-' and '.', starting with a letter")
                return nil
            }
            guard let fields = reader.fields(pair.value, what) else { return nil }
            fields.rejectUnknown(inputKeys, in: reader)
            let description = fields["description"].flatMap { reader.string($0, "'description' of \(what)") } ?? ""
            let defaultValue = fields["default"].flatMap { reader.string($0, "'default' of \(what)") }
            let required = fields["required"].flatMap { reader.bool($0, "'required' of \(what)") } ?? (defaultValue == nil)
            let format = fields["format"].flatMap { reader.choice($0, "'format' of \(what)", as: ValueFormat.self) } ?? .text
            if let defaultValue, let node = fields["default"], let problem = format.problem(with: defaultValue) {
                reader.report(node, "the default of \(what) \(problem); expected \(format.expectation)")
            }
            return InputSpec(
                name: pair.key, description: description, required: required, defaultValue: defaultValue,
                format: format, location: reader.location(pair.keyNode)
            )
        }
    }

    private static func decodeNodes(_ node: Yams.Node, _ reader: YAMLReader) -> [TriageModel.Node]? {
        guard let entries = reader.fields(node, "'nodes'") else { return nil }
        if entries.pairs.isEmpty { reader.report(node, "'nodes' is empty; a runbook needs at least one node") }
        return entries.pairs.compactMap { pair in
            guard ValueFormat.dns1123Label.problem(with: pair.key) == nil else {
                reader.report(pair.keyNode, "node id '\(pair.key)' must be lower-case words joined by '-', like check-image")
                return nil
            }
            return decodeNode(id: pair.key, pair.value, at: reader.location(pair.keyNode), reader)
        }
    }

    private static func decodeNode(id: String, _ node: Yams.Node, at location: SourceLocation, _ reader: YAMLReader) -> TriageModel.Node? {
        let what = "node '\(id)'"
        guard let fields = reader.fields(node, what) else { return nil }
        fields.rejectUnknown(nodeKeys, in: reader)
        let title = fields.require("title", in: reader).flatMap { reader.word($0, "'title' of \(what)") } ?? id
        let step = fields["step"].flatMap { reader.int($0, "'step' of \(what)") }
        let explanation = fields["explain"].flatMap { reader.paragraphs($0, "'explain' of \(what)") } ?? ""
        let command = decodeCommand(fields, what, reader)
        let parser = fields["parser"].flatMap { reader.word($0, "'parser' of \(what)") }
        let extractions = fields["facts"].flatMap { decodeExtractions($0, what, reader) } ?? []
        let question = fields["ask"].flatMap { decodeQuestion($0, what, reader) }
        var (branches, otherwise) = fields["branches"].map { decodeBranches($0, what, reader) } ?? ([], nil)
        if let next = fields["next"] {
            if otherwise != nil {
                reader.report(next, "\(what) has both 'next' and an 'otherwise' branch; keep one")
            }
            otherwise = reader.word(next, "'next' of \(what)")
        }
        let diagnosis = fields["diagnosis"].flatMap { decodeDiagnosis($0, what, reader) }
        var teaching = Teaching(
            hint: fields["hint"].flatMap { reader.paragraphs($0, "'hint' of \(what)") },
            otherwiseHint: fields["branches"].flatMap { otherwiseHint($0, what, reader) },
            checks: fields["checks"].flatMap { decodeChecks($0, what, reader) } ?? []
        )
        if diagnosis != nil, let checks = fields["checks"], !teaching.checks.isEmpty {
            reader.report(checks, "\(what) is an ending; ask its concept checks at the step where the output shows them")
            teaching.checks = []
        }

        if command == nil {
            for key in ["where", "mutates", "timeout", "parser", "facts"] {
                if let value = fields[key] { reader.report(value, "'\(key)' of \(what) needs a 'run' command to apply to") }
            }
        }
        if command != nil, question != nil, let ask = fields["ask"] {
            reader.report(ask, "\(what) both runs a command and asks a question; split it into two nodes")
        }
        if diagnosis != nil, command != nil || question != nil || !branches.isEmpty || otherwise != nil, let value = fields["diagnosis"] {
            reader.report(
                value, "\(what) has a diagnosis, which ends the session, so it cannot also run, ask or branch; put the verification under 'diagnosis.verify'")
        }
        if diagnosis == nil, otherwise == nil, fields["diagnosis"] == nil {
            if branches.isEmpty {
                reader.report(at: location, "\(what) leads nowhere: give it 'branches', 'next', or a 'diagnosis'")
            } else if let branchesNode = fields["branches"] {
                reader.report(branchesNode, "the branches of \(what) end without '- otherwise: NODE'; add one so the session can always go on")
            }
        }
        return TriageModel.Node(
            id: id, title: title, step: step, explanation: explanation, command: command, parser: parser,
            extractions: extractions, question: question, branches: branches, otherwise: otherwise,
            diagnosis: diagnosis, location: location, teaching: teaching
        )
    }

    /// The concept checks of a node: `[{question, choices, answer, explain}]`, the answer one of the
    /// choices, or `[{question, answer, wrong, explain}]`, the choices the answer and the wrong ones.
    private static func decodeChecks(_ node: Yams.Node, _ what: String, _ reader: YAMLReader) -> [ConceptCheck]? {
        guard let items = reader.sequence(node, "'checks' of \(what)") else { return nil }
        return items.enumerated().compactMap { index, item in
            let checkWhat = "check \(index + 1) of \(what)"
            guard let fields = reader.fields(item, checkWhat) else { return nil }
            fields.rejectUnknown(checkKeys, in: reader)
            let question = fields.require("question", in: reader).flatMap { reader.paragraphs($0, "'question' of \(checkWhat)") }
            let answer = fields.require("answer", in: reader).flatMap { reader.string($0, "'answer' of \(checkWhat)") }
            let choices: [String]?
            let listKey = fields.has("wrong") ? "wrong" : "choices"
            if fields.has("wrong") {
                if let node = fields["choices"] {
                    reader.report(
                        node, "\(checkWhat) gives 'choices' and 'wrong'; give the answer and the wrong ones, or the choices with the answer among them")
                }
                choices = fields["wrong"].flatMap { reader.strings($0, "'wrong' of \(checkWhat)") }.flatMap { wrong in answer.map { [$0] + wrong } }
            } else {
                choices = fields.require("choices", in: reader).flatMap { reader.strings($0, "'choices' of \(checkWhat)") }
            }
            let explanation = fields["explain"].flatMap { reader.paragraphs($0, "'explain' of \(checkWhat)") } ?? ""
            if let choices, choices.count < 2, let node = fields[listKey] {
                reader.report(node, "'\(listKey)' of \(checkWhat) needs at least \(listKey == "wrong" ? "one wrong answer" : "two answers") to choose between")
            }
            if let choices, Set(choices).count != choices.count, let node = fields[listKey] {
                reader.report(node, "'\(listKey)' of \(checkWhat) has the same answer twice")
            }
            if let choices, let answer, !choices.contains(answer), let node = fields["answer"] {
                reader.report(node, "'answer' of \(checkWhat) is '\(answer)', which is not one of its choices (\(choices.joined(separator: ", ")))")
            }
            guard let question, let choices, let answer, choices.contains(answer) else { return nil }
            return ConceptCheck(question: question, choices: choices, answer: answer, explanation: explanation, location: reader.location(item))
        }
    }

    /// The `hint:` written beside `otherwise:` in a node's branches, if any.
    private static func otherwiseHint(_ node: Yams.Node, _ what: String, _ reader: YAMLReader) -> String? {
        guard case .sequence(let items) = node, let last = items.last, case .mapping(let mapping) = last,
            mapping["otherwise"] != nil, let hint = mapping["hint"]
        else { return nil }
        return reader.paragraphs(hint, "'hint' of the otherwise branch of \(what)")
    }

    /// The `run`/`where`/`mutates`/`timeout` keys of a node or a fix step.
    private static func decodeCommand(_ fields: Fields, _ what: String, _ reader: YAMLReader) -> CommandTemplate? {
        guard let run = fields["run"], let items = reader.arguments(run, "'run' of \(what)") else { return nil }
        if items.isEmpty {
            reader.report(run, "'run' of \(what) is empty; give the program and its arguments, like [kubectl, get, pods]")
            return nil
        }
        let arguments = items.compactMap { reader.template($0, "an argument of 'run' in \(what)") }
        if items.count == 1, let only = arguments.first, only.source.contains(" ") {
            reader.report(
                items[0],
                "'run' of \(what) is one string with spaces; write it as a list of arguments, like [kubectl, get, pods], because Triage never runs commands through a shell"
            )
        } else if let first = arguments.first, !first.placeholders.isEmpty {
            reader.report(items[0], "the program in 'run' of \(what) must be a fixed name, not a placeholder")
        }
        let location = fields["where"].flatMap { reader.choice($0, "'where' of \(what)", as: CommandLocation.self) } ?? .cluster
        let mutates = fields["mutates"].flatMap { reader.bool($0, "'mutates' of \(what)") } ?? false
        let timeout = fields["timeout"].flatMap { reader.number($0, "'timeout' of \(what)", within: timeoutBounds, unit: "seconds") }
        guard arguments.count == items.count else { return nil }
        return CommandTemplate(arguments: arguments, location: location, mutates: mutates, timeout: timeout, sourceLocation: reader.location(run))
    }

    /// A JSONPath expression, parsed here once: a bad one is reported at the character where it goes wrong.
    private static func jsonPath(_ node: Yams.Node, _ what: String, _ reader: YAMLReader) -> JSONPath? {
        guard let text = reader.string(node, what) else { return nil }
        do throws(JSONPathError) {
            return try JSONPath(text)
        } catch {
            var location = reader.location(node)
            let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
            location.column += error.offset + (quoted ? 1 : 0)
            reader.report(at: location, "\(what) is not a valid JSONPath expression: \(error.problem)")
            return nil
        }
    }

    private static func decodeExtractions(_ node: Yams.Node, _ what: String, _ reader: YAMLReader) -> [FactExtraction]? {
        guard let entries = reader.fields(node, "'facts' of \(what)") else { return nil }
        return entries.pairs.compactMap { pair in
            let factWhat = "fact '\(pair.key)' of \(what)"
            guard Template.isIdentifier(pair.key) else {
                reader.report(pair.keyNode, "\(factWhat): a fact name is letters, digits, '_', '-' and '.', starting with a letter")
                return nil
            }
            switch pair.value {
            case .scalar:
                return reader.pattern(pair.value, factWhat).map {
                    FactExtraction(fact: pair.key, pattern: $0, location: reader.location(pair.keyNode))
                }
            default:
                guard let fields = reader.fields(pair.value, factWhat) else { return nil }
                fields.rejectUnknown(["pattern", "all", "jsonpath", "format"], in: reader)
                let format = fields["format"].flatMap { reader.choice($0, "'format' of \(factWhat)", as: ValueFormat.self) }
                var extraction: FactExtraction?
                if let expression = fields["jsonpath"] {
                    for other in ["pattern", "all"] where fields[other] != nil {
                        reader.report(fields[other]!, "'\(other)' of \(factWhat) does not apply to 'jsonpath', which gives every value it selects")
                    }
                    extraction = jsonPath(expression, "'jsonpath' of \(factWhat)", reader).map {
                        FactExtraction(fact: pair.key, pattern: nil, jsonPath: $0, location: reader.location(pair.keyNode))
                    }
                } else {
                    let pattern = fields.require("pattern", in: reader).flatMap { reader.pattern($0, "'pattern' of \(factWhat)") }
                    let all = fields["all"].flatMap { reader.bool($0, "'all' of \(factWhat)") } ?? false
                    extraction = pattern.map { FactExtraction(fact: pair.key, pattern: $0, all: all, location: reader.location(pair.keyNode)) }
                }
                extraction?.format = format
                return extraction
            }
        }
    }

    private enum AnswerKind: String, CaseIterable {
        case yesNo = "yes-no", choice, text
    }

    private static func decodeQuestion(_ node: Yams.Node, _ what: String, _ reader: YAMLReader) -> Question? {
        let askWhat = "'ask' of \(what)"
        guard let fields = reader.fields(node, askWhat) else { return nil }
        fields.rejectUnknown(askKeys, in: reader)
        let prompt = fields.require("question", in: reader).flatMap { reader.string($0, "'question' of \(askWhat)") }
        let fact = fields.require("fact", in: reader).flatMap { reader.word($0, "'fact' of \(askWhat)") }
        let answer = fields["answer"].flatMap { reader.choice($0, "'answer' of \(askWhat)", as: AnswerKind.self) } ?? .yesNo
        let kind: Question.Kind
        switch answer {
        case .yesNo:
            kind = .yesNo
        case .choice:
            guard let choicesNode = fields.require("choices", in: reader),
                let choices = reader.strings(choicesNode, "'choices' of \(askWhat)")
            else { return nil }
            if choices.count < 2 { reader.report(choicesNode, "'choices' of \(askWhat) needs at least two choices") }
            kind = .choice(choices)
        case .text:
            kind = .text(pattern: fields["pattern"].flatMap { reader.pattern($0, "'pattern' of \(askWhat)") })
        }
        if answer != .choice, let choices = fields["choices"] {
            reader.report(choices, "'choices' of \(askWhat) only applies to 'answer: choice'")
        }
        if answer != .text, let pattern = fields["pattern"] {
            reader.report(pattern, "'pattern' of \(askWhat) only applies to 'answer: text'")
        }
        if let fact, !Template.isIdentifier(fact), let node = fields["fact"] {
            reader.report(node, "'fact' of \(askWhat): a fact name is letters, digits, '_', '-' and '.', starting with a letter")
        }
        guard let prompt, let fact else { return nil }
        return Question(prompt: prompt, kind: kind, fact: fact)
    }

    private static func decodeBranches(_ node: Yams.Node, _ what: String, _ reader: YAMLReader) -> ([Branch], String?) {
        guard let items = reader.sequence(node, "'branches' of \(what)") else { return ([], nil) }
        var branches: [Branch] = []
        var otherwise: String?
        for (index, item) in items.enumerated() {
            let branchWhat = "branch \(index + 1) of \(what)"
            guard let fields = reader.fields(item, branchWhat) else { continue }
            if fields.has("by") {
                branches += decodeCaseBranches(fields, branchWhat, reader)
                continue
            }
            if let target = fields["otherwise"] {
                fields.rejectUnknown(["otherwise", "hint"], in: reader)
                if index != items.count - 1 {
                    reader.report(item, "'otherwise' in \(branchWhat) must be the last branch: the branches after it could never be taken")
                }
                otherwise = reader.word(target, "'otherwise' of \(what)")
                continue
            }
            fields.rejectUnknown(["when", "goto", "label", "hint"], in: reader)
            let condition = fields.require("when", in: reader).flatMap { decodeCondition($0, branchWhat, reader) }
            let target = fields.require("goto", in: reader).flatMap { reader.word($0, "'goto' of \(branchWhat)") }
            let label = fields["label"].flatMap { reader.string($0, "'label' of \(branchWhat)") }
            let hint = fields["hint"].flatMap { reader.paragraphs($0, "'hint' of \(branchWhat)") }
            if let condition, let target {
                branches.append(Branch(condition: condition, target: target, label: label, location: reader.location(item), hint: hint))
            }
        }
        return (branches, otherwise)
    }

    static let conditionForms =
        "{fact: NAME, equals: VALUE}, {fact: NAME, in: [VALUES]}, {fact: NAME, in_fact: OTHER}, {fact: NAME, present: true|false}, {fact: NAME, matches: REGEX}, {all: [...]}, {any: [...]} or {not: {...}}"

    private static func decodeCondition(_ node: Yams.Node, _ what: String, _ reader: YAMLReader) -> Condition? {
        let condWhat = "the condition of \(what)"
        guard let fields = reader.fields(node, condWhat) else { return nil }
        for combinator in ["all", "any"] {
            guard let list = fields[combinator] else { continue }
            fields.rejectUnknown([combinator], in: reader)
            guard let items = reader.sequence(list, "'\(combinator)' in \(condWhat)") else { return nil }
            if items.isEmpty { reader.report(list, "'\(combinator)' in \(condWhat) is empty") }
            let conditions = items.compactMap { decodeCondition($0, what, reader) }
            guard conditions.count == items.count else { return nil }
            return combinator == "all" ? .all(conditions) : .any(conditions)
        }
        if let inner = fields["not"] {
            fields.rejectUnknown(["not"], in: reader)
            return decodeCondition(inner, what, reader).map { .not($0) }
        }
        guard fields.has("fact") else {
            reader.report(node, "\(condWhat) must be one of \(conditionForms)")
            return nil
        }
        let tests = ["equals", "in", "in_fact", "present", "matches"]
        fields.rejectUnknown(["fact"] + tests, in: reader)
        guard let fact = fields["fact"].flatMap({ reader.word($0, "'fact' in \(condWhat)") }) else { return nil }
        let used = tests.filter(fields.has)
        guard used.count == 1 else {
            reader.report(
                node,
                "\(condWhat) must test the fact exactly one way (equals, in, in_fact, present or matches); it has \(used.isEmpty ? "none" : used.joined(separator: ", "))"
            )
            return nil
        }
        switch used[0] {
        case "in_fact":
            return fields["in_fact"].flatMap { reader.word($0, "'in_fact' in \(condWhat)") }.map { .inFact(fact: fact, other: $0) }
        case "equals":
            return fields["equals"].flatMap { reader.string($0, "'equals' in \(condWhat)") }.map { .equals(fact: fact, value: $0) }
        case "in":
            return fields["in"].flatMap { reader.strings($0, "'in' in \(condWhat)") }.map { .oneOf(fact: fact, values: $0) }
        case "present":
            return fields["present"].flatMap { reader.bool($0, "'present' in \(condWhat)") }.map { .present(fact: fact, $0) }
        default:
            return fields["matches"].flatMap { reader.pattern($0, "'matches' in \(condWhat)") }.map { .matches(fact: fact, pattern: $0) }
        }
    }

    private static func decodeDiagnosis(_ node: Yams.Node, _ what: String, _ reader: YAMLReader) -> Diagnosis? {
        let diagWhat = "the diagnosis of \(what)"
        guard let fields = reader.fields(node, diagWhat) else { return nil }
        fields.rejectUnknown(diagnosisKeys, in: reader)
        let cause = fields.require("cause", in: reader).flatMap { reader.word($0, "'cause' of \(diagWhat)") }
        let outcome = fields["outcome"].flatMap { reader.choice($0, "'outcome' of \(diagWhat)", as: DiagnosisOutcome.self) }
        let summary = fields.require("summary", in: reader).flatMap { reader.template($0, "'summary' of \(diagWhat)") }
        let remedy = fields["remedy"].flatMap { decodeRemedy($0, outcome: outcome ?? .causeFound, diagWhat, reader) }
        let explanation = fields["explain"].flatMap { reader.templateParagraphs($0, "'explain' of \(diagWhat)") } ?? Template.empty
        let evidence = fields["evidence"].flatMap { reader.template($0, "'evidence' of \(diagWhat)") }
        // The remedy heads the fix; an ending whose remedy says all there is to do needs no steps.
        let fixField = fields.has("remedy") ? fields["fix"] : fields.require("fix", in: reader)
        let fix =
            fixField.flatMap { fixNode in
                reader.sequence(fixNode, "'fix' of \(diagWhat)")?.enumerated().flatMap { index, item in
                    decodeSteps(item, "fix step \(index + 1) of \(what)", reader)
                }
            } ?? []
        let verify = fields["verify"].flatMap { decodeStep($0, "'verify' of \(what)", reader) }
        if verify?.when != nil, let node = fields["verify"], let fields = reader.fields(node, "'verify' of \(what)"), let when = fields["when"] {
            reader.report(when, "'when' applies to fix steps; a verification always applies")
        }
        guard let cause, let summary else { return nil }
        return Diagnosis(
            cause: cause, outcome: outcome ?? .causeFound, summary: summary, explanation: explanation, evidence: evidence, fix: fix, verify: verify,
            remedy: remedy)
    }

    /// The longest `remedy:` as written: one line a trainee compares with the others at a glance.
    static let remedyLimit = 120

    /// `remedy:`, one short line, only where there is a cause to fix.
    private static func decodeRemedy(_ node: Yams.Node, outcome: DiagnosisOutcome, _ what: String, _ reader: YAMLReader) -> Template? {
        guard let remedy = reader.template(node, "'remedy' of \(what)") else { return nil }
        if outcome != .causeFound {
            reader.report(node, "'remedy' of \(what) is offered as the fix of a cause, and an ending whose outcome is \(outcome.rawValue) has none to fix")
        } else if remedy.source.split(whereSeparator: \.isNewline).count > 1 {
            reader.report(node, "'remedy' of \(what) must be one line: a trainee chooses it from a list of fixes")
        } else if remedy.source.count > remedyLimit {
            reader.report(
                node, "'remedy' of \(what) is \(remedy.source.count) characters; keep it to \(remedyLimit), so that it reads as one line beside the other fixes"
            )
        }
        return remedy
    }

    /// The fix steps one item of a `fix:` list stands for: one step, or those of a `by` choice.
    static func decodeSteps(_ node: Yams.Node, _ what: String, _ reader: YAMLReader) -> [FixStep] {
        if case .mapping(let mapping) = node, mapping["by"] != nil, let fields = reader.fields(node, what) {
            return decodeCaseSteps(fields, what, reader)
        }
        return decodeStep(node, what, reader).map { [$0] } ?? []
    }

    /// A fix or verify step: plain text, or `{text, run, where, mutates, timeout, when}`.
    private static func decodeStep(_ node: Yams.Node, _ what: String, _ reader: YAMLReader) -> FixStep? {
        if case .scalar = node {
            return reader.template(node, what).map { FixStep(text: $0) }
        }
        guard let fields = reader.fields(node, what) else { return nil }
        fields.rejectUnknown(stepKeys, in: reader)
        let text = fields.require("text", in: reader).flatMap { reader.templatePieces($0, "'text' of \(what)") }
        let command = decodeCommand(fields, what, reader)
        var watch: Watch?
        if let until = fields["until"] {
            let parser = fields["parser"].flatMap { reader.word($0, "'parser' of \(what)") }
            let every = fields["every"].flatMap { reader.number($0, "'every' of \(what)", within: pollBounds, unit: "seconds") } ?? 5
            let within = fields["for"].flatMap { reader.number($0, "'for' of \(what)", within: watchBounds, unit: "seconds") } ?? 300
            if command == nil { reader.report(until, "'until' of \(what) needs a 'run' command to watch") }
            if within < every, let node = fields["for"] ?? fields["every"] {
                reader.report(node, "\(what) must poll for at least as long as it waits between polls ('for' \(within) < 'every' \(every))")
            }
            watch = decodeCondition(until, what, reader).map { Watch(parser: parser, until: $0, every: every, within: within) }
        } else {
            for key in ["parser", "every", "for"] {
                if let value = fields[key] { reader.report(value, "'\(key)' of \(what) only applies with 'until'") }
            }
        }
        let when = fields["when"].flatMap { decodeCondition($0, what, reader) }
        return text.map { FixStep(text: $0, command: command, watch: watch, when: when) }
    }
}
