import TriageJSON
import TriageModel

/// Applies a runbook's `facts:` entries to a command's output. When standard output is a JSON
/// document it is read with the JSON reader: a JSONPath selects values, and a pattern is matched
/// against the document's values as the reader decodes them (a message reads `exec: "/app"`, not
/// `exec: \"/app\"`), then against standard error line by line. Any other output is matched line
/// by line as printed.
enum FactExtractor {
    /// The fact `extraction` finds in `output`, or nil when nothing matches.
    static func extract(_ extraction: FactExtraction, from output: FactSource, node: String) -> Fact? {
        if let expression = extraction.jsonPath { return output.json.flatMap { extract(jsonPath: expression, from: $0, node: node) } }
        guard let pattern = extraction.pattern else { return nil }
        var values: [String] = []
        var evidence: Evidence?
        for line in output.lines {
            guard let captured = pattern.firstCapture(in: line.text), !captured.isEmpty else { continue }
            if evidence == nil { evidence = line.evidence(in: output.combined, node: node) }
            values.append(String(captured))
            if !extraction.all { break }
        }
        guard !values.isEmpty else { return nil }
        return Fact(values: values, evidence: evidence)
    }

    /// Every value `path` selects in the output's JSON, as kubectl's `-o jsonpath` prints each
    /// (strings as they are, objects and arrays as JSON); the evidence is the first line that
    /// shows the first value. Nil when nothing is selected.
    static func extract(jsonPath path: JSONPath, from output: JSONOutput, node: String) -> Fact? {
        let selected = path.values(in: output.document)
        guard let first = selected.first else { return nil }
        let marker = if case .string = first { first.json } else { first.text }
        return JSONFacts(output.combined, node: node).fact(selected.map(\.text), seenAt: marker)
    }
}

/// A command's output as `facts:` entries read it: the JSON document its standard output holds,
/// if any, and the lines a pattern reads.
struct FactSource {
    /// Standard output and standard error, as evidence lines are numbered.
    let combined: String
    /// The JSON document of standard output, when it is one.
    let json: JSONOutput?
    /// The lines a pattern reads: the JSON document's values, decoded, then standard error; or
    /// every line as printed.
    let lines: [ReadLine]

    /// The output of `result`.
    init(_ result: CommandResult) {
        combined = result.combinedOutput
        json = JSONOutput(result)
        lines = json?.readLines ?? OutputLines(combined).enumerated().map { ReadLine(text: $1, line: $0) }
    }
}

/// A command's output whose standard output is one JSON document.
struct JSONOutput {
    /// The document.
    let document: JSONValue
    /// Standard output and standard error, as evidence lines are numbered.
    let combined: String
    private let result: CommandResult

    /// Nil when standard output is not one JSON document.
    init?(_ result: CommandResult) {
        guard result.stdout.contains(where: { $0 == "{" || $0 == "[" }), let document = try? JSONValue.parse(result.stdout) else { return nil }
        self.document = document
        self.combined = result.combinedOutput
        self.result = result
    }

    /// The lines a pattern reads: every string, number and boolean of the document in order,
    /// strings decoded and split at their line ends, then standard error's lines.
    var readLines: [ReadLine] {
        var lines: [ReadLine] = []
        func visit(_ value: JSONValue) {
            switch value {
            case .object(let members): members.forEach { visit($0.value) }
            case .array(let elements): elements.forEach(visit)
            case .string(let text):
                for line in OutputLines(text) { lines.append(ReadLine(text: line, marker: Self.marker(of: line))) }
            case .number, .bool: lines.append(ReadLine(text: Substring(value.text)))
            case .null: break
            }
        }
        visit(document)
        // Standard error follows standard output's last line in the combined output.
        let first = OutputLines(result.stdout).reduce(0) { count, _ in count + 1 } - (result.stdout.hasSuffix("\n") ? 1 : 0)
        return lines + OutputLines(result.stderr).enumerated().map { ReadLine(text: $1, line: first + $0) }
    }

    /// How a decoded line of a string appears in the JSON text: escaped as JSON escapes it, or,
    /// when the printer may have escaped more (Go escapes `<`, `>` and `&`), its longest plain run.
    private static func marker(of line: Substring) -> String? {
        let escaped = String(JSONValue.string(String(line)).json.dropFirst().dropLast())
        guard line.unicodeScalars.contains(where: { $0 == "<" || $0 == ">" || $0 == "&" || $0.value > 0x7E }) else { return escaped }
        let runs = line.split { $0 == "<" || $0 == ">" || $0 == "&" || $0 == "\"" || $0 == "\\" || ($0.asciiValue.map { $0 < 0x20 } ?? true) }
        return runs.max { $0.count < $1.count }.flatMap { $0.count >= 8 ? String($0) : nil }
    }
}

/// A line a pattern reads, and how to find the output line that shows it.
struct ReadLine {
    /// The text matched.
    var text: Substring
    /// Its 0-based line in the combined output, when it is a line as printed.
    var line: Int?
    /// Text of the output line it was printed on, when it is a decoded value.
    var marker: String?

    /// The output line that shows it, as evidence.
    func evidence(in output: String, node: String) -> Evidence? {
        let lines = output.lines()
        let needle = marker.map { Array($0.utf8) }
        let index = line ?? needle.flatMap { needle in lines.firstIndex { JSONFacts.line($0, contains: needle) } }
        guard let index, lines.indices.contains(index) else { return nil }
        return Evidence(line: index + 1, text: String(lines[index]), node: node)
    }
}

/// The lines of command output, without their line ends (LF or CRLF).
struct OutputLines: Sequence {
    let text: Substring

    init(_ text: some StringProtocol) {
        self.text = Substring(text)
    }

    func makeIterator() -> some IteratorProtocol<Substring> {
        text.lines().makeIterator()
    }
}
