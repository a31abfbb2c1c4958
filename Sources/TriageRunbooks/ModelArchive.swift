import TriageArchive
import TriageJSON
import TriageModel

// How a decoded runbook or scenario is written into the archive built into Triage and read back,
// field by field in the order of the type's initializer, the writer of each type beside its reader. A field added to
// a model type is added to both: `BuiltInArchiveTests` compares every shipped file read through
// this archive with the same file decoded from YAML. Written by hand rather than through Codable,
// whose generic containers cost a start-up more than the whole rest of the load.

extension ArchiveWriter {
    mutating func write(_ runbook: Runbook) {
        write(runbook.id)
        write(runbook.title)
        write(runbook.summary)
        write(runbook.inputs) { $0.write($1) }
        write(runbook.start)
        write(runbook.nodes) { $0.write($1) }
        write(runbook.location) { $0.write($1) }
        write(runbook.selection) { $0.write($1) }
        write(runbook.intro)
    }

    mutating func write(_ selection: Runbook.Selection) {
        write(selection.condition)
        write(selection.location) { $0.write($1) }
    }

    mutating func write(_ input: InputSpec) {
        write(input.name)
        write(input.description)
        write(input.required)
        write(input.defaultValue) { $0.write($1) }
        write(input.format.rawValue)
        write(input.location) { $0.write($1) }
    }

    mutating func write(_ node: Node) {
        write(node.id)
        write(node.title)
        write(node.step) { $0.write($1) }
        write(node.explanation)
        write(node.command) { $0.write($1) }
        write(node.parser) { $0.write($1) }
        write(node.extractions) { $0.write($1) }
        write(node.question) { $0.write($1) }
        write(node.branches) { $0.write($1) }
        write(node.otherwise) { $0.write($1) }
        write(node.diagnosis) { $0.write($1) }
        write(node.location) { $0.write($1) }
        write(node.teaching)
    }

    mutating func write(_ command: CommandTemplate) {
        write(command.arguments) { $0.write($1) }
        write(command.location.rawValue)
        write(command.mutates)
        write(command.timeout) { $0.write($1) }
        write(command.sourceLocation) { $0.write($1) }
    }

    mutating func write(_ extraction: FactExtraction) {
        write(extraction.fact)
        write(extraction.pattern) { $0.write($1) }
        write(extraction.all)
        write(extraction.jsonPath) { $0.write($1.source) }
        write(extraction.location) { $0.write($1) }
        write(extraction.format) { $0.write($1.rawValue) }
    }

    mutating func write(_ question: Question) {
        write(question.prompt)
        switch question.kind {
        case .yesNo:
            write("yes-no")
        case .choice(let choices):
            write("choice")
            write(choices) { $0.write($1) }
        case .text(let pattern):
            write("text")
            write(pattern) { $0.write($1) }
        }
        write(question.fact)
    }

    mutating func write(_ branch: Branch) {
        write(branch.condition)
        write(branch.target)
        write(branch.label) { $0.write($1) }
        write(branch.location) { $0.write($1) }
        write(branch.hint) { $0.write($1) }
    }

    mutating func write(_ condition: Condition) {
        switch condition {
        case .equals(let fact, let value):
            write("equals")
            write(fact)
            write(value)
        case .oneOf(let fact, let values):
            write("in")
            write(fact)
            write(values) { $0.write($1) }
        case .present(let fact, let present):
            write("present")
            write(fact)
            write(present)
        case .matches(let fact, let pattern):
            write("matches")
            write(fact)
            write(pattern)
        case .inFact(let fact, let other):
            write("in_fact")
            write(fact)
            write(other)
        case .all(let conditions):
            write("all")
            write(conditions) { $0.write($1) }
        case .any(let conditions):
            write("any")
            write(conditions) { $0.write($1) }
        case .not(let inner):
            write("not")
            write(inner)
        }
    }

    mutating func write(_ diagnosis: Diagnosis) {
        write(diagnosis.cause)
        write(diagnosis.outcome.rawValue)
        write(diagnosis.summary)
        write(diagnosis.explanation)
        write(diagnosis.evidence) { $0.write($1) }
        write(diagnosis.fix) { $0.write($1) }
        write(diagnosis.verify) { $0.write($1) }
        write(diagnosis.remedy) { $0.write($1) }
    }

    mutating func write(_ step: FixStep) {
        write(step.text)
        write(step.command) { $0.write($1) }
        write(step.watch) { $0.write($1) }
        write(step.when) { $0.write($1) }
    }

    mutating func write(_ watch: Watch) {
        write(watch.parser) { $0.write($1) }
        write(watch.until)
        write(watch.every)
        write(watch.within)
    }

    mutating func write(_ teaching: Teaching) {
        write(teaching.hint) { $0.write($1) }
        write(teaching.otherwiseHint) { $0.write($1) }
        write(teaching.checks) { $0.write($1) }
    }

    mutating func write(_ check: ConceptCheck) {
        write(check.question)
        write(check.choices) { $0.write($1) }
        write(check.answer)
        write(check.explanation)
        write(check.location) { $0.write($1) }
    }

    mutating func write(_ template: Template) {
        write(template.source)
    }

    mutating func write(_ pattern: Pattern) {
        write(pattern.source)
    }

    mutating func write(_ location: SourceLocation) {
        write(location.file)
        write(location.line)
        write(location.column)
    }

    mutating func write(_ scenario: Scenario) {
        write(scenario.id)
        write(scenario.runbook)
        write(scenario.title)
        write(scenario.difficulty.rawValue)
        write(scenario.teaches)
        write(scenario.inputs)
        write(scenario.recordings) { $0.write($1) }
        write(scenario.answers)
        write(scenario.expectation.ending)
        write(scenario.expectation.cause) { $0.write($1) }
        write(scenario.expectation.path) { $0.write($1) { $0.write($1) } }
        write(scenario.online)
        write(scenario.location) { $0.write($1) }
        write(scenario.practises)
        write(scenario.required) { $0.write($1) }
    }

    mutating func write(_ recording: Scenario.Recording) {
        write(recording.arguments) { $0.write($1) }
        write(recording.result.stdout)
        write(recording.result.stderr)
        write(recording.result.exitStatus)
        write(recording.result.duration)
        write(recording.result.timedOut)
    }

    /// A map of strings, in the order of its keys.
    mutating func write(_ map: [String: String]) {
        write(map.sorted { $0.key < $1.key }) {
            $0.write($1.key)
            $0.write($1.value)
        }
    }
}

extension ArchiveReader {
    mutating func runbook() throws(ArchiveError) -> Runbook {
        Runbook(
            id: try string(), title: try string(), summary: try string(), inputs: try list { r throws(ArchiveError) in try r.input() },
            start: try string(), nodes: try list { r throws(ArchiveError) in try r.node() },
            location: try optional { r throws(ArchiveError) in try r.location() },
            selection: try optional { r throws(ArchiveError) in try r.selection() }, intro: try string())
    }

    mutating func selection() throws(ArchiveError) -> Runbook.Selection {
        Runbook.Selection(condition: try condition(), location: try optional { r throws(ArchiveError) in try r.location() })
    }

    mutating func input() throws(ArchiveError) -> InputSpec {
        InputSpec(
            name: try string(), description: try string(), required: try bool(),
            defaultValue: try optional { r throws(ArchiveError) in try r.string() }, format: try choice(ValueFormat.self),
            location: try optional { r throws(ArchiveError) in try r.location() })
    }

    mutating func node() throws(ArchiveError) -> Node {
        Node(
            id: try string(), title: try string(), step: try optional { r throws(ArchiveError) in try r.integer() },
            explanation: try string(), command: try optional { r throws(ArchiveError) in try r.command() },
            parser: try optional { r throws(ArchiveError) in try r.string() },
            extractions: try list { r throws(ArchiveError) in try r.extraction() },
            question: try optional { r throws(ArchiveError) in try r.question() },
            branches: try list { r throws(ArchiveError) in try r.branch() },
            otherwise: try optional { r throws(ArchiveError) in try r.string() },
            diagnosis: try optional { r throws(ArchiveError) in try r.diagnosis() },
            location: try optional { r throws(ArchiveError) in try r.location() }, teaching: try teaching())
    }

    mutating func command() throws(ArchiveError) -> CommandTemplate {
        CommandTemplate(
            arguments: try list { r throws(ArchiveError) in try r.template() }, location: try choice(CommandLocation.self), mutates: try bool(),
            timeout: try optional { r throws(ArchiveError) in try r.double() },
            sourceLocation: try optional { r throws(ArchiveError) in try r.location() })
    }

    mutating func extraction() throws(ArchiveError) -> FactExtraction {
        var extraction = FactExtraction(
            fact: try string(), pattern: try optional { r throws(ArchiveError) in try r.pattern() }, all: try bool(),
            jsonPath: try optional { r throws(ArchiveError) in try r.jsonPath() },
            location: try optional { r throws(ArchiveError) in try r.location() })
        extraction.format = try optional { r throws(ArchiveError) in try r.choice(ValueFormat.self) }
        return extraction
    }

    mutating func question() throws(ArchiveError) -> Question {
        let prompt = try string()
        let kind: Question.Kind
        switch try string() {
        case "yes-no": kind = .yesNo
        case "choice": kind = .choice(try list { r throws(ArchiveError) in try r.string() })
        case "text": kind = .text(pattern: try optional { r throws(ArchiveError) in try r.pattern() })
        case let other: throw fail("'\(other)' is not a kind of answer")
        }
        return Question(prompt: prompt, kind: kind, fact: try string())
    }

    mutating func branch() throws(ArchiveError) -> Branch {
        Branch(
            condition: try condition(), target: try string(), label: try optional { r throws(ArchiveError) in try r.string() },
            location: try optional { r throws(ArchiveError) in try r.location() }, hint: try optional { r throws(ArchiveError) in try r.string() })
    }

    mutating func condition() throws(ArchiveError) -> Condition {
        switch try string() {
        case "equals": return .equals(fact: try string(), value: try string())
        case "in": return .oneOf(fact: try string(), values: try list { r throws(ArchiveError) in try r.string() })
        case "present": return .present(fact: try string(), try bool())
        case "matches": return .matches(fact: try string(), pattern: try pattern())
        case "in_fact": return .inFact(fact: try string(), other: try string())
        case "all": return .all(try list { r throws(ArchiveError) in try r.condition() })
        case "any": return .any(try list { r throws(ArchiveError) in try r.condition() })
        case "not": return .not(try condition())
        case let other: throw fail("'\(other)' is not a kind of condition")
        }
    }

    mutating func diagnosis() throws(ArchiveError) -> Diagnosis {
        Diagnosis(
            cause: try string(), outcome: try choice(DiagnosisOutcome.self), summary: try template(), explanation: try template(),
            evidence: try optional { r throws(ArchiveError) in try r.template() }, fix: try list { r throws(ArchiveError) in try r.step() },
            verify: try optional { r throws(ArchiveError) in try r.step() }, remedy: try optional { r throws(ArchiveError) in try r.template() })
    }

    mutating func step() throws(ArchiveError) -> FixStep {
        FixStep(
            text: try template(), command: try optional { r throws(ArchiveError) in try r.command() },
            watch: try optional { r throws(ArchiveError) in try r.watch() }, when: try optional { r throws(ArchiveError) in try r.condition() })
    }

    mutating func watch() throws(ArchiveError) -> Watch {
        Watch(parser: try optional { r throws(ArchiveError) in try r.string() }, until: try condition(), every: try double(), within: try double())
    }

    mutating func teaching() throws(ArchiveError) -> Teaching {
        Teaching(
            hint: try optional { r throws(ArchiveError) in try r.string() }, otherwiseHint: try optional { r throws(ArchiveError) in try r.string() },
            checks: try list { r throws(ArchiveError) in try r.check() })
    }

    mutating func check() throws(ArchiveError) -> ConceptCheck {
        ConceptCheck(
            question: try string(), choices: try list { r throws(ArchiveError) in try r.string() }, answer: try string(), explanation: try string(),
            location: try optional { r throws(ArchiveError) in try r.location() })
    }

    mutating func template() throws(ArchiveError) -> Template {
        let source = try string()
        do throws(TemplateError) {
            return try Template(parsing: source)
        } catch {
            throw fail("a template \(error)")
        }
    }

    /// A pattern checked when the archive was written, compiled when first used.
    mutating func pattern() throws(ArchiveError) -> Pattern {
        Pattern(compilingOnFirstUse: try string())
    }

    mutating func jsonPath() throws(ArchiveError) -> JSONPath {
        let source = try string()
        do throws(JSONPathError) {
            return try JSONPath(source)
        } catch {
            throw fail("'\(source)' is not a JSONPath expression: \(error)")
        }
    }

    mutating func location() throws(ArchiveError) -> SourceLocation {
        SourceLocation(file: try string(), line: try integer(), column: try integer())
    }

    /// One of the cases of `T`, by its raw value.
    mutating func choice<T: RawRepresentable<String>>(_ type: T.Type) throws(ArchiveError) -> T {
        let raw = try string()
        guard let value = T(rawValue: raw) else { throw fail("'\(raw)' is not a \(T.self)") }
        return value
    }

    mutating func scenario() throws(ArchiveError) -> Scenario {
        let (id, runbook, title) = (try string(), try string(), try string())
        let difficulty = try choice(Scenario.Difficulty.self)
        let teaches = try string()
        let inputs = try map()
        let recordings = try list { r throws(ArchiveError) in try r.recording() }
        let answers = try map()
        let expectation = Scenario.Expectation(
            ending: try string(), cause: try optional { r throws(ArchiveError) in try r.string() },
            path: try optional { r throws(ArchiveError) in try r.list { r throws(ArchiveError) in try r.string() } })
        return Scenario(
            id: id, runbook: runbook, title: title, difficulty: difficulty, teaches: teaches, inputs: inputs, recordings: recordings,
            answers: answers, expectation: expectation, online: try bool(), location: try optional { r throws(ArchiveError) in try r.location() },
            practises: try string(), required: try list { r throws(ArchiveError) in try r.string() })
    }

    mutating func recording() throws(ArchiveError) -> Scenario.Recording {
        Scenario.Recording(
            arguments: try list { r throws(ArchiveError) in try r.string() },
            result: CommandResult(stdout: try string(), stderr: try string(), exitStatus: try integer(Int32.self), duration: try double(), timedOut: try bool())
        )
    }

    mutating func map() throws(ArchiveError) -> [String: String] {
        let pairs = try list { r throws(ArchiveError) in (try r.string(), try r.string()) }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }
}
