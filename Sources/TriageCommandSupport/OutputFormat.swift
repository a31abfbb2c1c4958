import ArgumentParser
import Foundation
import TriageJSON
import TriageModel

/// How a command prints its results: for people, or for scripts.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// For people: fitted to the terminal's width, whole lines on a pipe.
    case text
    /// For people, with nothing cut: every column and every value whole, as kubectl's `-o wide`.
    case wide
    /// For scripts.
    case json
    /// For scripts and people who read YAML: the same document as `json`.
    case yaml

    /// `json` or `yaml`: a document for scripts rather than text for people.
    public var isStructured: Bool { self == .json || self == .yaml }

    /// The formats' names, for `--help` and shell completion. Written out because
    /// ArgumentParser's default describes each case through the runtime's reflection, which costs
    /// every command with `-o` a type lookup per case before it starts.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// The format's name, for `--help` (see ``allValueStrings``).
    public var defaultValueDescription: String { rawValue }

    /// None: a format's name says what it is (see ``allValueStrings``).
    public static var allValueDescriptions: [String: String] { [:] }
}

/// Prints values as JSON or YAML for scripts: sorted keys, stable across runs.
public enum StructuredOutput {
    /// `value` as `format` (`yaml`, or JSON for any other format), ending with a line end.
    public static func render<T: Encodable>(_ value: T, as format: OutputFormat) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let json = escapingC1Controls(String(decoding: try encoder.encode(value), as: UTF8.self))
        guard format == .yaml else { return json + "\n" }
        return YAMLRendering.render(try JSONValue.parse(json))
    }

    /// `json` with DEL, the C1 controls (U+007F–U+009F) and the invisible characters that make
    /// text read otherwise than it is (see `VisibleText`), which JSON allows raw in strings but a
    /// terminal obeys (U+009B starts a control sequence) or a reader is fooled by, written as
    /// `\u0080`-style escapes: the same strings to a JSON reader.
    static func escapingC1Controls(_ json: String) -> String {
        VisibleText.replacingHidden(in: json) { scalar in
            String(scalar).utf16.map { unit in
                let hex = String(unit, radix: 16)
                return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }.joined()
        }
    }

    /// Writes `value` to standard output as `format`.
    public static func print<T: Encodable>(_ value: T, as format: OutputFormat) throws {
        StandardStreams.write(try render(value, as: format))
    }

    /// `document` as `format` (`yaml`, or JSON for any other format), its members sorted by key,
    /// laid out and escaped as ``render(_:as:)-(T,_)`` writes a value, ending with a line end.
    public static func render(_ document: JSONValue, as format: OutputFormat) -> String {
        let sorted = document.sortedByKey
        return format == .yaml ? YAMLRendering.render(sorted) : escapingC1Controls(sorted.indented) + "\n"
    }

    /// Writes `document` to standard output as `format`.
    public static func print(_ document: JSONValue, as format: OutputFormat) {
        StandardStreams.write(render(document, as: format))
    }
}
