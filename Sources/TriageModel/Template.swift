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
        var contiguous = source
        segments = try contiguous.withUTF8 { bytes in Result { () throws(TemplateError) in try Self.segments(of: bytes, source: source) } }.get()
    }

    /// The literal runs and placeholders of `bytes`, the UTF-8 of `source`, read byte by byte:
    /// a runbook holds about a thousand templates, most of them prose without a placeholder.
    private static func segments(of bytes: UnsafeBufferPointer<UInt8>, source: String) throws(TemplateError) -> [Segment] {
        let space = UInt8(ascii: " ")
        guard var opening = firstPair(of: UInt8(ascii: "{"), in: bytes, from: 0) else { return source.isEmpty ? [] : [.literal(source)] }
        var segments: [Segment] = []
        var literalStart = 0
        while true {
            if opening > literalStart { segments.append(.literal(text(bytes, literalStart..<opening))) }
            guard let close = firstPair(of: UInt8(ascii: "}"), in: bytes, from: opening + 2) else { throw .unclosed(source) }
            var start = opening + 2, end = close
            while start < end, bytes[start] == space { start += 1 }
            while end > start, bytes[end - 1] == space { end -= 1 }
            let name = text(bytes, start..<end)
            guard isIdentifier(name.hasSuffix("*") ? name.dropLast() : Substring(name)) else { throw .badName(name, source) }
            segments.append(.placeholder(name))
            literalStart = close + 2
            guard let next = firstPair(of: UInt8(ascii: "{"), in: bytes, from: literalStart) else { break }
            opening = next
        }
        if literalStart < bytes.count { segments.append(.literal(text(bytes, literalStart..<bytes.count))) }
        return segments
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Where `byte` first appears twice in a row (`{{` or `}}`) in `bytes` from `start`. Each
    /// step reads the second byte of a possible pair first: when it is not `byte`, no pair starts
    /// at either position.
    private static func firstPair(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index + 1] != byte {
                index += 2
            } else if bytes[index] == byte {
                return index
            } else {
                index += 1
            }
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
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        guard let first = name.utf8.first, isLetter(first) else { return false }
        return name.utf8.allSatisfy { byte in
            isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
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
