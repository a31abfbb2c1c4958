/// A string with `{{name}}` placeholders, filled from inputs and facts.
public struct Template: Hashable, Codable, Sendable, CustomStringConvertible {
    /// A run of literal text or a placeholder.
    public enum Segment: Hashable, Codable, Sendable {
        case literal(String)
        case placeholder(String)
    }

    /// The parsed pieces, in order.
    public let segments: [Segment]
    /// The text as written.
    public let source: String

    /// Parses `source`, failing on an unclosed `{{` or a placeholder name that is not an identifier.
    public init(parsing source: String) throws(TemplateError) {
        self.source = source
        var segments: [Segment] = []
        var rest = Substring(source)
        while let open = Self.firstPair(of: UInt8(ascii: "{"), in: rest) {
            if open.lowerBound > rest.startIndex {
                segments.append(.literal(String(rest[..<open.lowerBound])))
            }
            let afterOpen = rest[open.upperBound...]
            guard let close = Self.firstPair(of: UInt8(ascii: "}"), in: afterOpen) else {
                throw .unclosed(source)
            }
            let name = afterOpen[..<close.lowerBound].trimmingSpaces()
            let base = name.hasSuffix("*") ? name.dropLast() : name
            guard Self.isIdentifier(base) else { throw .badName(String(name), source) }
            segments.append(.placeholder(String(name)))
            rest = afterOpen[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        self.segments = segments
    }

    /// Where `byte` first appears twice in a row in `text` (`{{` or `}}`). A byte-wise scan: the
    /// generic `firstRange(of:)` cost a seventh of a runbook's load.
    private static func firstPair(of byte: UInt8, in text: Substring) -> Range<Substring.Index>? {
        let bytes = text.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == byte, next != bytes.endIndex, bytes[next] == byte { return index..<bytes.index(after: next) }
            index = next
        }
        return nil
    }

    /// The template with no text.
    public static let empty = Template(segments: [], source: "")

    private init(segments: [Segment], source: String) {
        self.segments = segments
        self.source = source
    }

    /// The names of every placeholder, in order of appearance (without a spread's `*`).
    public var placeholders: [String] {
        segments.compactMap { if case .placeholder(let name) = $0 { Self.baseName(name) } else { nil } }
    }

    /// For an argument that is exactly `{{name*}}`, `name`: the argument becomes one argument per
    /// value of the fact.
    public var spreadPlaceholder: String? {
        guard segments.count == 1, case .placeholder(let name) = segments[0], name.hasSuffix("*") else { return nil }
        return Self.baseName(name)
    }

    /// The text with each placeholder replaced by `lookup(name)`; `nil` from `lookup` leaves the
    /// placeholder as written.
    public func render(_ lookup: (String) -> String?) -> String {
        renderPlaced { name, _ in lookup(name) }
    }

    /// Like ``render(_:)``, telling `lookup` whether the placeholder stands alone on its line
    /// (only blanks beside it up to the line's ends), where a list of values can take a line
    /// each, or sits inside a sentence.
    public func renderPlaced(_ lookup: (_ name: String, _ standsAlone: Bool) -> String?) -> String {
        segments.indices.map { index in
            switch segments[index] {
            case .literal(let text): text
            case .placeholder(let name): lookup(Self.baseName(name), standsAlone(index)) ?? "{{\(name)}}"
            }
        }.joined()
    }

    private func standsAlone(_ index: Int) -> Bool {
        func blank(_ text: Substring) -> Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }
        let before: Bool =
            switch index > 0 ? segments[index - 1] : nil {
            case nil: true
            case .literal(let text)?: blank(text.split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
            case .placeholder?: false
            }
        let after: Bool =
            switch index + 1 < segments.count ? segments[index + 1] : nil {
            case nil: true
            case .literal(let text)?: blank(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
            case .placeholder?: false
            }
        return before && after
    }

    private static func baseName(_ name: String) -> String {
        name.hasSuffix("*") ? String(name.dropLast()) : name
    }

    /// The text as written.
    public var description: String { source }

    /// Whether `name` can name a placeholder, input or fact: letters, digits, `_`, `-` and `.`, starting with a letter.
    public static func isIdentifier(_ name: some StringProtocol) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".": true
            default: false
            }
        }
    }

    /// Decodes the text as written, compiling it again.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try Template(parsing: text)
    }

    /// Encodes the text as written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(source)
    }
}

/// What is wrong with a template's text.
public enum TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    case unclosed(String)
    case badName(String, String)

    /// What is wrong with the template, in words.
    public var description: String {
        switch self {
        case .unclosed(let text): "'{{' is never closed with '}}' in \"\(text)\""
        case .badName(let name, let text):
            "'\(name)' in \"\(text)\" is not a placeholder name (letters, digits, '_', '-', '.', starting with a letter; a trailing '*' spreads a list into arguments)"
        }
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var result = self
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        return result
    }
}
