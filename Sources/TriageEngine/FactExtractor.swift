import TriageJSON
import TriageModel

/// Applies a runbook's `facts:` patterns to a command's output, line by line.
enum FactExtractor {
    /// The fact `extraction` finds in `output`, or nil when no line matches.
    static func extract(_ extraction: FactExtraction, from output: String, node: String) -> Fact? {
        if let expression = extraction.jsonPath { return extract(jsonPath: expression, from: output, node: node) }
        guard let pattern = extraction.pattern else { return nil }
        var values: [String] = []
        var evidence: Evidence?
        for (index, line) in OutputLines(output).enumerated() {
            guard let captured = pattern.firstCapture(in: line), !captured.isEmpty else { continue }
            let value = String(captured)
            if evidence == nil { evidence = Evidence(line: index + 1, text: String(line), node: node) }
            values.append(value)
            if !extraction.all { break }
        }
        guard !values.isEmpty else { return nil }
        return Fact(values: values, evidence: evidence)
    }
}

extension FactExtractor {
    /// Every value `expression` selects in the output's JSON, as kubectl's `-o jsonpath` prints
    /// each (strings as they are, objects and arrays as JSON); the evidence is the first line
    /// that shows the first value. Nil when the output is not JSON or nothing is selected.
    static func extract(jsonPath path: JSONPath, from output: String, node: String) -> Fact? {
        guard let document = try? JSONValue.parse(output) else { return nil }
        let selected = path.values(in: document)
        guard let first = selected.first else { return nil }
        let marker = if case .string = first { first.json } else { first.text }
        return JSONFacts(output, node: node).fact(selected.map(\.text), seenAt: marker)
    }
}

/// The lines of command output, without their line ends (LF or CRLF).
struct OutputLines: Sequence {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    func makeIterator() -> some IteratorProtocol<Substring> {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.last == "\r" ? $0.dropLast() : $0 }
            .makeIterator()
    }
}
