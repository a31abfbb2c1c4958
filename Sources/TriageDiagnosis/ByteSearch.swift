#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte and substring search over UTF-8 buffers, without going through `String`/Foundation.
enum ByteSearch {
    /// The first index of `byte` at or after `start`, using the C library's vectorised `memchr`.
    static func index(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < buffer.count, let base = buffer.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// Whether `text` contains `needle`.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var haystack = text, pattern = needle
        return haystack.withUTF8 { bytes in pattern.withUTF8 { firstIndex(of: $0, in: bytes, from: 0) != nil } }
    }

    /// Whether `text` contains `needle`.
    static func contains(_ text: ArraySlice<UInt8>, _ needle: String) -> Bool {
        var pattern = needle
        return text.withUnsafeBufferPointer { bytes in pattern.withUTF8 { firstIndex(of: $0, in: bytes, from: 0) != nil } }
    }

    /// The first offset of `pattern` in `text` at or after `start`.
    static func firstIndex(of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first else { return start <= text.count ? start : nil }
        var i = start
        while i + pattern.count <= text.count, let candidate = index(of: first, in: text, from: i) {
            guard candidate + pattern.count <= text.count else { return nil }
            var k = 1
            while k < pattern.count, text[candidate + k] == pattern[k] { k += 1 }
            if k == pattern.count { return candidate }
            i = candidate + 1
        }
        return nil
    }
}

extension UInt8 {
    /// The byte with an ASCII capital letter turned into its small letter; any other byte as is.
    @inline(__always)
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
}
