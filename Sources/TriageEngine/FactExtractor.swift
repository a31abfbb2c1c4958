import TriageModel

/// Applies a runbook's `facts:` patterns to a command's output, line by line.
enum FactExtractor {
    /// The fact `extraction` finds in `output`, or nil when no line matches.
    static func extract(_ extraction: FactExtraction, from output: String, node: String) -> Fact? {
        guard let regex = try? Regex(extraction.pattern) else { return nil }
        var values: [String] = []
        var evidence: Evidence?
        for (index, line) in OutputLines(output).enumerated() {
            guard let match = try? regex.firstMatch(in: line) else { continue }
            let captured = match.output.count > 1 ? match.output[1].substring : match.output[0].substring
            let value = String(captured ?? match.output[0].substring ?? "")
            if value.isEmpty { continue }
            if evidence == nil { evidence = Evidence(line: index + 1, text: String(line), node: node) }
            values.append(value)
            if !extraction.all { break }
        }
        guard !values.isEmpty else { return nil }
        return Fact(values: values, evidence: evidence)
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
