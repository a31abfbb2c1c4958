import TriageModel

/// Commands whose output is a Secret's values without the structure the masker finds them by:
/// `kubectl get secret NAME` with a template output (`-o jsonpath=…`, `go-template`,
/// `custom-columns` …) prints the bare (base64 or decoded) values, which no wording marks as
/// secret. Their whole standard output is secret.
enum SecretReads {
    /// Output formats that print what a template picks, without keys around it.
    static let templates = [
        "jsonpath", "jsonpath-file", "jsonpath-as-json", "go-template", "go-template-file", "template", "templatefile", "custom-columns",
        "custom-columns-file",
    ]

    /// Whether `arguments` print a Secret's values bare.
    static func printsBareValues(_ arguments: [String]) -> Bool {
        guard let index = CommandSafety(arguments).kubectlIndex else { return false }
        let words = Array(arguments[(index + 1)...].prefix { $0 != "--" })
        guard let get = words.firstIndex(of: "get") else { return false }
        let after = words[(get + 1)...]
        let namesSecrets = after.contains { word in
            !word.hasPrefix("-")
                && word.split(separator: ",").contains { part in
                    let resource = part.split(separator: "/").first.map { $0.lowercased() } ?? ""
                    return resource == "secret" || resource == "secrets" || resource.hasPrefix("secrets.") || resource.hasPrefix("secret.")
                }
        }
        guard namesSecrets, let format = outputFormat(Array(after)) else { return false }
        return templates.contains(format)
    }

    /// The last `-o`/`--output` format among `words`, without its template (`jsonpath={.data}` →
    /// `jsonpath`); `go-template` for a `--template` with no `-o`.
    static func outputFormat(_ words: [String]) -> String? {
        var found: String?
        for (offset, word) in words.enumerated() {
            let value: String?
            if word == "-o" || word == "--output" {
                value = offset + 1 < words.count ? words[offset + 1] : nil
            } else if word.hasPrefix("--output=") {
                value = String(word.dropFirst("--output=".count))
            } else if word.hasPrefix("-o"), !word.hasPrefix("--") {
                value = String(word.dropFirst(2).drop { $0 == "=" })
            } else {
                value = nil
            }
            if let value { found = String(value.prefix { $0 != "=" }).lowercased() }
        }
        // kubectl prints with a go-template when --template is given without an -o.
        if found == nil, words.contains(where: { $0 == "--template" || $0.hasPrefix("--template=") }) { return "go-template" }
        return found
    }
}
