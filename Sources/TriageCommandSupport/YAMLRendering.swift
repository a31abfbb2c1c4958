import TriageJSON
import TriageModel

/// A JSON document written as block-style YAML: the same keys in the same order, strings plain
/// when YAML would read them back as the same string, double-quoted (with JSON's escapes, which
/// YAML shares) otherwise.
enum YAMLRendering {
    /// The YAML text of `value`, ending with a line end.
    static func render(_ value: JSONValue) -> String {
        lines(value, indent: "").joined(separator: "\n") + "\n"
    }

    private static func lines(_ value: JSONValue, indent: String) -> [String] {
        switch value {
        case .object(let members) where !members.isEmpty:
            return members.flatMap { key, member -> [String] in
                let name = scalar(key)
                if isBlock(member) { return [indent + name + ":"] + lines(member, indent: indent + "  ") }
                return [indent + name + ": " + inline(member)]
            }
        case .array(let elements) where !elements.isEmpty:
            return elements.flatMap { element -> [String] in
                guard isBlock(element) else { return [indent + "- " + inline(element)] }
                let nested = lines(element, indent: indent + "  ")
                guard let first = nested.first else { return [] }
                if case .array = element { return [indent + "-"] + nested }
                return [indent + "- " + first.dropFirst(indent.count + 2)] + nested.dropFirst()
            }
        default:
            return [indent + inline(value)]
        }
    }

    private static func isBlock(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let members): !members.isEmpty
        case .array(let elements): !elements.isEmpty
        default: false
        }
    }

    private static func inline(_ value: JSONValue) -> String {
        switch value {
        case .object: "{}"
        case .array: "[]"
        case .string(let text): scalar(text)
        default: value.json
        }
    }

    /// `text` plain when YAML reads it back as this string, otherwise double-quoted.
    private static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"]
        let plainCharacters = text.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", "(", ")", "+", "=", "@", " ": true
            default: scalar.value >= 0xA0 && !VisibleText.isHidden(scalar)
            }
        }
        let looksNumeric = text.first.map { $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." } ?? false
        let plain =
            plainCharacters && !reserved.contains(text.lowercased()) && !looksNumeric
            && text.first != " " && text.last != " " && !text.hasPrefix("-")
        return plain ? text : visible(JSONValue.string(text).json)
    }

    /// A double-quoted scalar with its controls and invisible characters (see `VisibleText`)
    /// written as YAML's `\u` and `\U` escapes, which read back as the same string.
    private static func visible(_ quoted: String) -> String {
        VisibleText.replacingHidden(in: quoted) { scalar in
            let hex = String(scalar.value, radix: 16)
            let width = scalar.value > 0xFFFF ? 8 : 4
            return (width == 8 ? "\\U" : "\\u") + String(repeating: "0", count: width - hex.count) + hex
        }
    }
}
