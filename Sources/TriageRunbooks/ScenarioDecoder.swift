import TriageModel
import Yams

/// Turns the text of a scenario file into a `Scenario`, reporting every problem at its line.
public enum ScenarioDecoder {
    static let topKeys = ["id", "runbook", "title", "difficulty", "teaches", "practises", "required", "online", "inputs", "commands", "answers", "expect"]
    static let commandKeys = ["run", "stdout", "stderr", "exit", "duration", "timed_out"]
    static let expectKeys = ["ending", "cause", "path"]

    /// Decodes `text` read from `file`; the scenario is returned only when no problem was found.
    public static func decode(_ text: String, file: String) -> Result<Scenario, RunbookLoadError> {
        let reader = YAMLReader(file: file)
        let scenario = reader.compose(text, aliasAdvice: "write each value out where it goes").flatMap { decodeScenario($0, reader) }
        if let scenario, reader.diagnostics.isEmpty { return .success(scenario) }
        return .failure(RunbookLoadError(diagnostics: reader.diagnostics))
    }

    private static func decodeScenario(_ root: Yams.Node, _ reader: YAMLReader) -> Scenario? {
        guard let top = reader.fields(root, "the scenario") else { return nil }
        top.rejectUnknown(topKeys, in: reader)
        let id = top.require("id", in: reader).flatMap { reader.word($0, "'id'") }
        if let id, let node = top["id"], ValueFormat.dns1123Label.problem(with: id) != nil {
            reader.report(node, "'id' is '\(id)'; expected lower-case words joined by '-', like nginx-typo")
        }
        let runbook = top.require("runbook", in: reader).flatMap { reader.word($0, "'runbook'") }
        let title = top.require("title", in: reader).flatMap { reader.word($0, "'title'") }
        let difficulty = top.require("difficulty", in: reader).flatMap { reader.choice($0, "'difficulty'", as: Scenario.Difficulty.self) }
        let teaches = top["teaches"].flatMap { reader.string($0, "'teaches'") } ?? ""
        let online = top["online"].flatMap { reader.bool($0, "'online'") } ?? false
        let practises = top["practises"].flatMap { reader.paragraphs($0, "'practises'") } ?? ""
        let required = top["required"].flatMap { reader.strings($0, "'required'") } ?? []
        let inputs = top["inputs"].flatMap { stringMap($0, "'inputs'", reader) } ?? [:]
        let answers = top["answers"].flatMap { stringMap($0, "'answers'", reader) } ?? [:]
        let recordings =
            top["commands"].flatMap { node in
                reader.sequence(node, "'commands'")?.enumerated().compactMap { index, item in
                    decodeRecording(item, "command \(index + 1)", reader)
                }
            } ?? []
        let expectation = top.require("expect", in: reader).flatMap { decodeExpectation($0, reader) }
        guard let id, let runbook, let title, let difficulty, let expectation else { return nil }
        return Scenario(
            id: id, runbook: runbook, title: title, difficulty: difficulty, teaches: teaches, inputs: inputs,
            recordings: recordings, answers: answers, expectation: expectation, online: online, location: reader.location(root),
            practises: practises, required: required
        )
    }

    private static func stringMap(_ node: Yams.Node, _ what: String, _ reader: YAMLReader) -> [String: String]? {
        guard let fields = reader.fields(node, what) else { return nil }
        var result: [String: String] = [:]
        for pair in fields.pairs {
            if let value = reader.string(pair.value, "'\(pair.key)' in \(what)") { result[pair.key] = value }
        }
        return result
    }

    private static func decodeRecording(_ node: Yams.Node, _ what: String, _ reader: YAMLReader) -> Scenario.Recording? {
        guard let fields = reader.fields(node, what) else { return nil }
        fields.rejectUnknown(commandKeys, in: reader)
        let arguments = fields.require("run", in: reader).flatMap { reader.argumentStrings($0, "'run' of \(what)") }
        if let arguments, arguments.isEmpty, let run = fields["run"] {
            reader.report(run, "'run' of \(what) is empty")
        }
        let stdout = fields["stdout"].flatMap { reader.output($0, "'stdout' of \(what)") } ?? ""
        let stderr = fields["stderr"].flatMap { reader.output($0, "'stderr' of \(what)") } ?? ""
        let exit = fields["exit"].flatMap { reader.int($0, "'exit' of \(what)") } ?? 0
        if !(0...255).contains(exit), let node = fields["exit"] {
            reader.report(node, "'exit' of \(what) must be an exit status from 0 to 255")
        }
        let duration = fields["duration"].flatMap { reader.number($0, "'duration' of \(what)", within: 0...86_400, unit: "seconds") } ?? 0
        let timedOut = fields["timed_out"].flatMap { reader.bool($0, "'timed_out' of \(what)") } ?? false
        guard let arguments, !arguments.isEmpty else { return nil }
        let result = CommandResult(stdout: stdout, stderr: stderr, exitStatus: Int32(clamping: exit), duration: duration, timedOut: timedOut)
        return Scenario.Recording(arguments: arguments, result: result)
    }

    private static func decodeExpectation(_ node: Yams.Node, _ reader: YAMLReader) -> Scenario.Expectation? {
        guard let fields = reader.fields(node, "'expect'") else { return nil }
        fields.rejectUnknown(expectKeys, in: reader)
        let ending = fields.require("ending", in: reader).flatMap { reader.word($0, "'ending' of 'expect'") }
        let cause = fields["cause"].flatMap { reader.word($0, "'cause' of 'expect'") }
        let path = fields["path"].flatMap { reader.strings($0, "'path' of 'expect'") }
        return ending.map { Scenario.Expectation(ending: $0, cause: cause, path: path) }
    }
}
