extension DiagnosisReport {
    /// The report as plain text for people: one block per finding with cause, evidence,
    /// image, where it happened, explanation, alternatives and numbered next steps.
    public func renderText() -> String {
        guard !findings.isEmpty else {
            return "No image pull failure found in the input (read as \(inputKind.rawValue)).\n"
        }
        var lines = [
            "Image pull diagnosis: \(cause.rawValue) (\(findings.count) finding\(findings.count == 1 ? "" : "s"), input read as \(inputKind.rawValue))"
        ]
        for (index, finding) in findings.enumerated() {
            lines.append("")
            lines.append(contentsOf: finding.renderText(number: index + 1))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Finding {
    /// The finding as plain-text lines, headed by its number.
    public func renderText(number: Int) -> [String] {
        var lines = ["\(number). \(cause.rawValue): \(cause.title)"]
        let place = [pod.map { "pod \($0)" }, container.map { "container \($0)" }, namespace.map { "namespace \($0)" }, node.map { "node \($0)" }]
            .compactMap { $0 }
        if let image {
            let registryText = registry.map { " from \($0.host) (\($0.family.rawValue))" } ?? ""
            lines.append("   image: \(image.normalized ?? image.original)\(registryText)")
            if let problem = image.problem { lines.append("   problem: \(problem)") }
            if let suggestion = image.suggestion { lines.append("   did you mean: \(suggestion)") }
        }
        if !place.isEmpty { lines.append("   where: " + place.joined(separator: ", ")) }
        if runtime != .unknown { lines.append("   runtime: \(runtime.rawValue)") }
        let quoted = evidence.quote.map { Substring($0) } ?? evidence.text.trimmingLeadingSpaces
        lines.append("   evidence (line \(evidence.line)\(occurrences > 1 ? ", \(occurrences) messages" : "")): \(quoted)")
        lines.append("   why: \(explanation)")
        for alternative in alternatives {
            lines.append("   could also be \(alternative.cause.rawValue): \(alternative.howToTell)")
        }
        lines.append("   next steps:")
        for (index, step) in fix.enumerated() { lines.append("     \(index + 1). \(step)") }
        return lines
    }
}

extension String {
    fileprivate var trimmingLeadingSpaces: Substring { drop { $0 == " " || $0 == "\t" } }
}
