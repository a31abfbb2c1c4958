extension JSONValue {
    /// `value` as a JSON number, written as Foundation's `JSONEncoder` writes a `Double`: the
    /// shortest text that reads back as `value`, without a trailing `.0`; `null` when it is not
    /// finite, which JSON cannot write.
    public init(_ value: Double) {
        guard value.isFinite else {
            self = .null
            return
        }
        let text = value.description
        self = .number(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }

    /// The value with the members of every object sorted by key, byte by byte: output that reads
    /// the same on every run.
    public var sortedByKey: JSONValue {
        switch self {
        case .object(let members):
            .object(members.map { ($0.key, $0.value.sortedByKey) }.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
        case .array(let elements): .array(elements.map(\.sortedByKey))
        default: self
        }
    }

    /// The value as indented JSON, written as Foundation's `JSONEncoder` writes with
    /// `.prettyPrinted` and `.withoutEscapingSlashes`: two spaces a level, `"key" : value`.
    public var indented: String {
        var writer = IndentedJSONWriter()
        writer.write(self, level: 0)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

private struct IndentedJSONWriter {
    var bytes: [UInt8] = []

    mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .string(let text): quote(text)
        case .number(let text): bytes += text.utf8
        case .bool(let flag): bytes += (flag ? "true" : "false").utf8
        case .null: bytes += "null".utf8
        case .array(let elements):
            open(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes += ",\n".utf8 }
                indent(level + 1)
                write(element, level: level + 1)
            }
            close(UInt8(ascii: "]"), level: level)
        case .object(let members):
            open(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { bytes += ",\n".utf8 }
                indent(level + 1)
                quote(member.key)
                bytes += " : ".utf8
                write(member.value, level: level + 1)
            }
            close(UInt8(ascii: "}"), level: level)
        }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func close(_ bracket: UInt8, level: Int) {
        bytes.append(UInt8(ascii: "\n"))
        indent(level)
        bytes.append(bracket)
    }

    private mutating func indent(_ level: Int) {
        bytes += repeatElement(UInt8(ascii: " "), count: 2 * level)
    }

    /// `text` in quotes, its runs of plain bytes copied whole.
    private mutating func quote(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var plainStart = 0, index = 0
            while index < utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                bytes += UnsafeBufferPointer(rebasing: utf8[plainStart..<index])
                switch byte {
                case UInt8(ascii: "\""): bytes += "\\\"".utf8
                case UInt8(ascii: "\\"): bytes += "\\\\".utf8
                case 0x08: bytes += "\\b".utf8
                case 0x0C: bytes += "\\f".utf8
                case UInt8(ascii: "\n"): bytes += "\\n".utf8
                case UInt8(ascii: "\r"): bytes += "\\r".utf8
                case UInt8(ascii: "\t"): bytes += "\\t".utf8
                default: escape(byte)
                }
                index += 1
                plainStart = index
            }
            bytes += UnsafeBufferPointer(rebasing: utf8[plainStart..<utf8.count])
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `\u00XX` for a control character, in lowercase hex.
    private mutating func escape(_ codePoint: UInt8) {
        bytes += "\\u00".utf8
        bytes.append(Self.hexDigits[Int(codePoint >> 4)])
        bytes.append(Self.hexDigits[Int(codePoint & 0xF)])
    }
}
