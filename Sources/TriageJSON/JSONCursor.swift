/// Why the cursor stopped: it needs more bytes than the buffer holds, or the bytes are not JSON.
package enum JSONStop: Error {
    /// The value continues past the end of the buffer and more input may follow.
    case underflow
    /// The input ends (no more will follow) in the middle of a value; the offset is the end.
    case truncated(offset: Int)
    /// The bytes break the JSON grammar at `offset` (counted from the start of the input).
    case malformed(offset: Int, problem: String)
}

/// A span of a JSON string in the buffer: the bytes between the quotes, and whether any of them
/// is an escape that must be decoded.
package struct StringSpan {
    package var start: Int
    package var end: Int
    package var hasEscapes: Bool
}

/// A strict, allocation-free reader over a window of JSON bytes.
///
/// Reading stops with ``JSONStop/underflow`` when a token reaches the end of the window and
/// more input may follow (``isFinal`` is false); the caller then adds bytes and reads the whole
/// unit again from where it began. Offsets in errors are absolute: ``baseOffset`` plus the index.
package struct JSONCursor {
    package let bytes: UnsafeBufferPointer<UInt8>
    package var position: Int
    /// No input follows the window: reaching its end is the end of the document.
    package let isFinal: Bool
    /// Offset in the whole input of `bytes[0]`.
    package let baseOffset: Int

    /// Deepest nesting accepted, so hostile input cannot exhaust the stack.
    package static let maximumDepth = 512

    package init(bytes: UnsafeBufferPointer<UInt8>, position: Int = 0, isFinal: Bool, baseOffset: Int) {
        self.bytes = bytes
        self.position = position
        self.isFinal = isFinal
        self.baseOffset = baseOffset
    }

    // MARK: Errors

    package func endOfWindow() -> JSONStop {
        isFinal ? .truncated(offset: baseOffset + bytes.count) : .underflow
    }

    package func malformed(_ problem: String, at index: Int? = nil) -> JSONStop {
        .malformed(offset: baseOffset + (index ?? position), problem: problem)
    }

    package func unexpected(_ expectation: String) -> JSONStop {
        malformed("expected \(expectation), found \(Self.describe(bytes[position]))")
    }

    package static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    // MARK: Tokens

    /// Skips whitespace and returns the next byte without consuming it.
    @inline(__always)
    package mutating func peek() throws(JSONStop) -> UInt8 {
        var index = position
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                index &+= 1
                // Indentation follows a line feed in runs of spaces: skip eight at a time.
                if byte == 0x0A, let base = bytes.baseAddress {
                    while index &+ 8 <= count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                        index &+= 8
                    }
                }
                continue
            }
            position = index
            return byte
        }
        position = index
        throw endOfWindow()
    }

    /// Consumes `byte` after optional whitespace.
    @inline(__always)
    package mutating func expect(_ byte: UInt8, _ expectation: String) throws(JSONStop) {
        guard try peek() == byte else { throw unexpected(expectation) }
        position &+= 1
    }

    /// Reads a string starting at its opening quote, validating escapes and control characters.
    package mutating func string() throws(JSONStop) -> StringSpan {
        guard try peek() == 0x22 else { throw unexpected("a string") }
        let start = position &+ 1
        var index = start
        var escapes = false
        let count = bytes.count
        let base = bytes.baseAddress
        while true {
            // Jump to the next quote, backslash or control byte, eight bytes at a time.
            if let base, index &+ 8 <= count {
                let special = Self.specialBytes(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                guard special != 0 else { index &+= 8; continue }
                index &+= special.trailingZeroBitCount &>> 3
            } else {
                guard index < count else { throw endOfWindow() }
                let byte = bytes[index]
                if byte != 0x22 && byte != 0x5C && byte >= 0x20 { index &+= 1; continue }
            }
            let byte = bytes[index]
            if byte == 0x22 { break }
            if byte == 0x5C {
                escapes = true
                guard index &+ 1 < count else { throw endOfWindow() }
                switch bytes[index &+ 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
                    index &+= 2
                case 0x75:
                    for digit in 2...5 {
                        guard index &+ digit < count else { throw endOfWindow() }
                        guard Self.hexValue(bytes[index &+ digit]) != nil else {
                            throw malformed("invalid \\u escape: expected four hexadecimal digits", at: index)
                        }
                    }
                    index &+= 6
                default:
                    throw malformed("invalid escape \\\(Self.describe(bytes[index &+ 1]))", at: index)
                }
                continue
            }
            throw malformed("control character \(Self.describe(byte)) inside a string", at: index)
        }
        position = index &+ 1
        return StringSpan(start: start, end: index, hasEscapes: escapes)
    }

    /// The high bit of each of eight string bytes (little-endian) that is a quote, a backslash or
    /// a control character. Borrows can also mark bytes above a marked one, so only the lowest
    /// mark is exact; it is the only one used.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C)
        return ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes | (word &- ones &* 0x20) & ~word) & highs
    }

    /// Skips any value, checking its grammar.
    package mutating func skipValue(depth: Int = 0) throws(JSONStop) {
        switch try peek() {
        case 0x22:
            _ = try string()
        case 0x7B:
            guard depth < Self.maximumDepth else { throw malformed("nesting deeper than \(Self.maximumDepth) levels") }
            position &+= 1
            var first = true
            while try nextKey(first: &first) != nil { try skipValue(depth: depth + 1) }
        case 0x5B:
            guard depth < Self.maximumDepth else { throw malformed("nesting deeper than \(Self.maximumDepth) levels") }
            position &+= 1
            var first = true
            while try nextElement(first: &first) { try skipValue(depth: depth + 1) }
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        case 0x2D, 0x30...0x39: try number()
        default: throw unexpected("a value")
        }
    }

    /// Inside an object (after `{`): the next member's key, after which the value follows; nil
    /// after the closing `}`.
    @inline(__always)
    package mutating func nextKey(first: inout Bool) throws(JSONStop) -> StringSpan? {
        let byte = try peek()
        if byte == 0x7D { position &+= 1; return nil }
        if first {
            first = false
        } else {
            guard byte == 0x2C else { throw unexpected("',' or '}' after an object member") }
            position &+= 1
        }
        guard try peek() == 0x22 else { throw unexpected("a member name in quotes") }
        let key = try string()
        try expect(0x3A, "':' after a member name")
        return key
    }

    /// Inside an array (after `[`): true when another element follows, false after the closing `]`.
    @inline(__always)
    package mutating func nextElement(first: inout Bool) throws(JSONStop) -> Bool {
        let byte = try peek()
        if byte == 0x5D { position &+= 1; return false }
        if first {
            first = false
        } else {
            guard byte == 0x2C else { throw unexpected("',' or ']' after an array element") }
            position &+= 1
        }
        return true
    }

    /// Consumes `{` when the next value is an object; false (consuming nothing) for any other value.
    package mutating func enterObject() throws(JSONStop) -> Bool {
        guard try peek() == 0x7B else { return false }
        position &+= 1
        return true
    }

    /// Consumes `[` when the next value is an array; false (consuming nothing) for any other value.
    package mutating func enterArray() throws(JSONStop) -> Bool {
        guard try peek() == 0x5B else { return false }
        position &+= 1
        return true
    }

    /// The next value as a string span, or nil (after skipping it) when it is not a string.
    package mutating func optionalString() throws(JSONStop) -> StringSpan? {
        if try peek() == 0x22 { return try string() }
        try skipValue()
        return nil
    }

    /// The next value as a boolean, or nil (after skipping it) when it is not one.
    package mutating func optionalBool() throws(JSONStop) -> Bool? {
        switch try peek() {
        case 0x74: try literal("true"); return true
        case 0x66: try literal("false"); return false
        default: try skipValue(); return nil
        }
    }

    /// The next value as an integer, or nil (after skipping it) when it is not a number written
    /// as an integer that fits an `Int`.
    package mutating func optionalInt() throws(JSONStop) -> Int? {
        let lead = try peek()
        guard lead == 0x2D || (lead >= 0x30 && lead <= 0x39) else {
            try skipValue()
            return nil
        }
        let start = position
        try number()
        var value = 0
        var index = start
        let negative = bytes[index] == 0x2D
        if negative { index &+= 1 }
        while index < position {
            let digit = bytes[index]
            guard digit >= 0x30 && digit <= 0x39 else { return nil }
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(Int(digit &- 0x30))
            guard !overflowA, !overflowB else { return nil }
            value = sum
            index &+= 1
        }
        return negative ? -value : value
    }

    private mutating func literal(_ word: StaticString) throws(JSONStop) {
        let count = word.utf8CodeUnitCount
        let text = word.utf8Start
        for offset in 0..<count {
            guard position &+ offset < bytes.count else { throw endOfWindow() }
            guard bytes[position &+ offset] == text[offset] else {
                throw malformed("invalid literal: expected \(word)", at: position)
            }
        }
        position &+= count
        try requireDelimiter()
    }

    /// Numbers follow RFC 8259: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws(JSONStop) {
        let start = position
        var index = position
        let count = bytes.count
        @inline(__always) func byte(_ at: Int) throws(JSONStop) -> UInt8? {
            if at < count { return bytes[at] }
            if isFinal { return nil }
            throw JSONStop.underflow
        }
        @inline(__always) func digits(_ at: inout Int) throws(JSONStop) -> Int {
            var seen = 0
            while let next = try byte(at), next >= 0x30 && next <= 0x39 { at &+= 1; seen &+= 1 }
            return seen
        }
        if bytes[index] == 0x2D { index &+= 1 }
        guard let lead = try byte(index), lead >= 0x30 && lead <= 0x39 else {
            throw malformed("invalid number: expected a digit", at: start)
        }
        if lead == 0x30 { index &+= 1 } else { _ = try digits(&index) }
        if try byte(index) == 0x2E {
            index &+= 1
            guard try digits(&index) > 0 else { throw malformed("invalid number: expected a digit after '.'", at: start) }
        }
        if let exponent = try byte(index), exponent == 0x65 || exponent == 0x45 {
            index &+= 1
            if let sign = try byte(index), sign == 0x2B || sign == 0x2D { index &+= 1 }
            guard try digits(&index) > 0 else { throw malformed("invalid number: expected a digit in the exponent", at: start) }
        }
        position = index
        try requireDelimiter()
    }

    /// After a number or literal the next byte must end it.
    private func requireDelimiter() throws(JSONStop) {
        guard position < bytes.count else {
            if isFinal { return }
            throw JSONStop.underflow
        }
        switch bytes[position] {
        case 0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09: return
        default: throw unexpected("',', '}' or ']' after a value")
        }
    }

    // MARK: Decoding

    /// Whether the string at `span` is exactly `text` (decoding escapes when there are any).
    @inline(__always)
    package func equals(_ span: StringSpan, _ text: StaticString) -> Bool {
        if span.hasEscapes { return decode(span) == text.description }
        let length = span.end &- span.start
        guard length == text.utf8CodeUnitCount else { return false }
        let other = text.utf8Start
        for offset in 0..<length where bytes[span.start &+ offset] != other[offset] { return false }
        return true
    }

    /// The string at `span`, with escapes decoded; lone surrogates become U+FFFD.
    package func decode(_ span: StringSpan) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
        guard span.hasEscapes else { return String(decoding: raw, as: UTF8.self) }
        var output: [UInt8] = []
        Self.decode(raw, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes the escapes of the string bytes `raw` (found valid by ``string()``), appending
    /// the UTF-8 result to `output`.
    package static func decode(_ raw: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + raw.count)
        var index = 0
        while index < raw.count {
            var runEnd = index
            while runEnd < raw.count, raw[runEnd] != 0x5C { runEnd &+= 1 }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: raw[index..<runEnd]))
            guard runEnd < raw.count else { return }
            let escape = Escape(at: runEnd, in: raw)
            escape.appendDecoded(to: &output)
            index = runEnd + escape.rawLength
        }
    }

    /// The bytes of the string bytes `raw` whose characters and escapes decode to the `decoded`
    /// bytes of the decoded string; `nil` when the range goes past its end.
    package static func rawRange(ofDecoded decoded: Range<Int>, in raw: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var index = 0, decodedOffset = 0
        var start: Int?
        while index < raw.count {
            if raw[index] != 0x5C {
                // A run of plain bytes, each its own decoded byte.
                var runEnd = index &+ 1
                while runEnd < raw.count, raw[runEnd] != 0x5C { runEnd &+= 1 }
                let decodedEnd = decodedOffset + (runEnd - index)
                if start == nil, decodedEnd > decoded.lowerBound { start = index + (decoded.lowerBound - decodedOffset) }
                if let start, decodedEnd >= decoded.upperBound { return start..<(index + (decoded.upperBound - decodedOffset)) }
                (index, decodedOffset) = (runEnd, decodedEnd)
                continue
            }
            let escape = Escape(at: index, in: raw)
            decodedOffset += escape.decodedLength
            if start == nil, decodedOffset > decoded.lowerBound { start = index }
            index += escape.rawLength
            if let start, decodedOffset >= decoded.upperBound { return start..<index }
        }
        return nil
    }

    /// One escape sequence of a valid JSON string: `\n`, `\u00e9`, or a surrogate pair.
    private struct Escape {
        /// The Unicode scalar value, or the byte for a one-letter escape.
        let value: UInt32
        let isScalar: Bool
        let rawLength: Int

        init(at index: Int, in raw: UnsafeBufferPointer<UInt8>) {
            func hex4(_ at: Int) -> UInt32 {
                (0..<4).reduce(UInt32(0)) { $0 << 4 | UInt32(hexValue(raw[at + $1]) ?? 0) }
            }
            let kind = raw[index + 1]
            guard kind == 0x75 else {
                let byte: UInt8 =
                    switch kind {
                    case 0x62: 0x08
                    case 0x66: 0x0C
                    case 0x6E: 0x0A
                    case 0x72: 0x0D
                    case 0x74: 0x09
                    default: kind
                    }
                (value, isScalar, rawLength) = (UInt32(byte), false, 2)
                return
            }
            let unit = hex4(index + 2)
            if unit >= 0xD800 && unit < 0xDC00, index + 12 <= raw.count, raw[index + 6] == 0x5C, raw[index + 7] == 0x75 {
                let low = hex4(index + 8)
                if low >= 0xDC00 && low < 0xE000 {
                    (value, isScalar, rawLength) = (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), true, 12)
                    return
                }
            }
            (value, isScalar, rawLength) = (unit, true, 6)
        }

        /// The scalar, with lone surrogates replaced by U+FFFD.
        private var scalar: Unicode.Scalar { Unicode.Scalar(value) ?? "\u{FFFD}" }

        var decodedLength: Int { isScalar ? UTF8.width(scalar) : 1 }

        func appendDecoded(to output: inout [UInt8]) {
            guard isScalar else { output.append(UInt8(value)); return }
            UTF8.encode(scalar) { output.append($0) }
        }
    }

    @inline(__always)
    package static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x37
        case 0x61...0x66: byte - 0x57
        default: nil
        }
    }
}
