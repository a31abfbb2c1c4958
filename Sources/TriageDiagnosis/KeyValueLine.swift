/// A `key: value` line of YAML, pretty-printed JSON or `kubectl describe`.
struct KeyValueLine: Sendable, Equatable {
    /// Column of the key (after a YAML `- ` list marker).
    let indent: Int
    /// Column of the YAML `- ` list marker, when the line starts a list item.
    let listItemIndent: Int?
    /// The key, lowercased, with spaces removed (`Init Containers` → `initcontainers`).
    let key: String
    /// The value with quotes and a trailing comma removed; empty for block openers.
    let value: String
    /// Whether the key was a JSON string key.
    let isJSON: Bool

    /// Whether the value opens a nested block (`key:`, `"key": {`, `"key": [`).
    var opensBlock: Bool { value.isEmpty || value == "{" || value == "[" }

    /// Parses a cleaned line; `nil` when it is not a key/value line.
    static func parse(_ line: [UInt8]) -> KeyValueLine? {
        var i = 0
        while i < line.count, line[i] == 0x20 { i += 1 }
        var listItemIndent: Int?
        if i + 1 < line.count, line[i] == 0x2D, line[i + 1] == 0x20 {
            listItemIndent = i
            i += 2
        }
        let keyStart = i
        let isJSON = i < line.count && line[i] == 0x22
        var key: [UInt8] = []
        if isJSON {
            i += 1
            while i < line.count, line[i] != 0x22 { key.append(line[i]); i += 1 }
            guard i < line.count, key.count <= 40 else { return nil }
            i += 1
        } else {
            var words = 1
            while i < line.count, line[i] != 0x3A {
                let byte = line[i]
                let isKeyByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == 0x5F || byte == 0x2D || byte == 0x2E || byte == 0x20
                guard isKeyByte, key.count < 40 else { return nil }
                if byte == 0x20 {
                    guard key.last != 0x20 else { return nil }
                    words += 1
                    guard words <= 4 else { return nil }
                } else {
                    key.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0))
                }
                i += 1
            }
            guard let first = key.first, (first >= 0x61 && first <= 0x7A) else { return nil }
        }
        guard i < line.count, line[i] == 0x3A else { return nil }
        i += 1
        guard i == line.count || line[i] == 0x20 else { return nil }
        var valueStart = i
        while valueStart < line.count, line[valueStart] == 0x20 { valueStart += 1 }
        var valueEnd = line.count
        if valueEnd > valueStart, line[valueEnd - 1] == 0x2C { valueEnd -= 1 }
        if valueEnd - valueStart >= 2, line[valueStart] == line[valueEnd - 1], line[valueStart] == 0x22 || line[valueStart] == 0x27 {
            valueStart += 1
            valueEnd -= 1
        }
        let loweredKey = isJSON ? key.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } : key
        return KeyValueLine(indent: keyStart, listItemIndent: listItemIndent,
                            key: String(decoding: loweredKey, as: UTF8.self),
                            value: valueStart < valueEnd ? String(decoding: line[valueStart..<valueEnd], as: UTF8.self) : "",
                            isJSON: isJSON)
    }
}
