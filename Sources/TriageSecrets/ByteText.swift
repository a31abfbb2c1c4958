/// Small byte-level helpers over UTF-8 text.
enum ByteText {
    static let space: UInt8 = 0x20, tab: UInt8 = 0x09, quote: UInt8 = 0x22, apostrophe: UInt8 = 0x27
    static let backslash: UInt8 = 0x5C, colon: UInt8 = 0x3A, equals: UInt8 = 0x3D, comma: UInt8 = 0x2C

    /// Whether `bytes` is exactly `text`.
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        let other = text.utf8Start
        for index in 0..<bytes.count where bytes[index] != other[index] { return false }
        return true
    }

    /// Whether `bytes` at `index` starts with `text`, ignoring ASCII case (`text` is lower case).
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, caseInsensitive text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let other = text.utf8Start
        for offset in 0..<count where lower(bytes[index + offset]) != other[offset] { return false }
        return true
    }

    /// The first index at or after `from` where `text` starts, ignoring ASCII case; nil if none.
    static func find(_ text: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        let first = text.utf8Start[0]
        var index = from
        while index < bytes.count {
            if lower(bytes[index]) == first, hasPrefix(bytes, at: index, caseInsensitive: text) { return index }
            index += 1
        }
        return nil
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab || byte == 0x0D }

    /// A byte of a key, flag or variable name.
    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F: true
        default: false
        }
    }

    /// A byte of base64 (standard or URL alphabet), without padding.
    @inline(__always)
    static func isBase64Byte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2B, 0x2F, 0x2D, 0x5F: true
        default: false
        }
    }

    /// The value of a base64 digit (both alphabets), or nil.
    @inline(__always)
    static func base64Value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x41...0x5A: byte - 0x41
        case 0x61...0x7A: byte - 0x61 + 26
        case 0x30...0x39: byte - 0x30 + 52
        case 0x2B, 0x2D: 62
        case 0x2F, 0x5F: 63
        default: nil
        }
    }

    /// `bytes` decoded from base64 (padding, and `\/` as a JSON writer may escape `/`, allowed);
    /// nil when they are not base64.
    static func base64Decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0, bits = 0, padding = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == equals { padding = true; continue }
            if byte == backslash, index < bytes.count, bytes[index] == 0x2F { continue }
            guard !padding, let value = base64Value(byte) else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return bits >= 6 ? nil : output
    }

    private static let base64Digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// `bytes` encoded as standard, padded base64.
    static func base64Encode(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var word: UInt32 = 0
            for (offset, byte) in chunk.enumerated() { word |= UInt32(byte) << UInt32(16 - 8 * offset) }
            for digit in 0..<4 {
                output.append(digit <= chunk.count ? base64Digits[Int(word >> UInt32(18 - 6 * digit) & 0x3F)] : equals)
            }
            index += 3
        }
        return output
    }
}

/// Which byte values a line holds, found in one pass, so that a rule that needs a byte the line
/// lacks (`@` for URL user info, `=` or `:` for an assignment) is not run over it at all.
struct ByteSet {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0
        // Without a branch per byte: each word takes the bit only when the byte is in its quarter.
        for byte in bytes {
            let bit = UInt64(1) &<< UInt64(byte & 63), quarter = byte >> 6
            a |= quarter == 0 ? bit : 0
            b |= quarter == 1 ? bit : 0
            c |= quarter == 2 ? bit : 0
            d |= quarter == 3 ? bit : 0
        }
        words = (a, b, c, d)
    }

    /// Whether the line holds `byte`.
    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    /// Whether the line holds the ASCII letter `lower` in either case.
    @inline(__always)
    func containsLetter(_ lower: UInt8) -> Bool {
        contains(lower) || contains(lower & 0xDF)
    }
}
