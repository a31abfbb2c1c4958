/// Removes paste noise from one line of input, working on UTF-8 bytes: CR, markdown quote
/// markers and backticks, ANSI escape sequences, tabs, box-drawing characters, curly quotes,
/// non-breaking spaces and escaped quotes (`\"`, YAML `''`).
enum TextCleaner {
    /// Cleans `line`, appending the result to `output`. When `origins` is given, appends for every
    /// output byte the offset of the input byte it came from (relative to `line.startIndex`).
    static func clean(_ line: ArraySlice<UInt8>, into output: inout [UInt8], origins: inout [Int]?) {
        var i = line.startIndex
        var end = line.endIndex
        while end > i, line[end - 1] == 0x0D || line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        i = skipQuoteMarkers(line, from: i, end: end)
        let base = line.startIndex
        if origins == nil, !line[i..<end].contains(where: { needsAttention[Int($0)] }) {
            output.append(contentsOf: line[i..<end])
            return
        }
        func emit(_ byte: UInt8, from position: Int) {
            output.append(byte)
            origins?.append(position - base)
        }
        while i < end {
            let byte = line[i]
            switch byte {
            case 0x1B: // ESC: skip a CSI/OSC sequence or a two-byte escape.
                i = skipEscape(line, from: i, end: end)
                continue
            case 0x60: // backtick
                i += 1
                continue
            case 0x09:
                emit(0x20, from: i)
            case 0x5C where i + 1 < end && line[i + 1] == 0x22: // \"
                emit(0x22, from: i)
                i += 2
                continue
            case 0x27 where i + 1 < end && line[i + 1] == 0x27: // YAML '' inside a single-quoted scalar
                emit(0x27, from: i)
                i += 2
                continue
            case 0xC2 where i + 1 < end && line[i + 1] == 0xA0: // NBSP
                emit(0x20, from: i)
                i += 2
                continue
            case 0xE2 where i + 2 < end:
                if let replacement = replacementForE2(line[i + 1], line[i + 2]) {
                    if replacement != 0 { emit(replacement, from: i) }
                    i += 3
                    continue
                }
                emit(byte, from: i)
            case 0x00..<0x20:
                i += 1
                continue
            default:
                emit(byte, from: i)
            }
            i += 1
        }
    }

    /// Bytes the cleaner may change: control characters, backslash, apostrophe, backtick, and the
    /// lead bytes of NBSP and of the three-byte punctuation and box-drawing characters.
    private static let needsAttention: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0x5C || byte == 0x27 || byte == 0x60 || byte == 0xC2 || byte == 0xE2
    }

    /// Skips leading whitespace-separated `>` markers from a markdown quote.
    private static func skipQuoteMarkers(_ line: ArraySlice<UInt8>, from start: Int, end: Int) -> Int {
        var i = start
        var cursor = start
        while cursor < end, line[cursor] == 0x20 || line[cursor] == 0x09 { cursor += 1 }
        while cursor < end, line[cursor] == 0x3E, cursor + 1 == end || line[cursor + 1] == 0x20 || line[cursor + 1] == 0x3E {
            cursor += 1
            if cursor < end, line[cursor] == 0x20 { cursor += 1 }
            i = cursor
        }
        return i
    }

    private static func skipEscape(_ line: ArraySlice<UInt8>, from start: Int, end: Int) -> Int {
        var i = start + 1
        guard i < end else { return end }
        if line[i] == 0x5B { // CSI: parameters then a final byte 0x40...0x7E
            i += 1
            while i < end, !(0x40...0x7E).contains(line[i]) { i += 1 }
            return min(i + 1, end)
        }
        if line[i] == 0x5D { // OSC: until BEL or ESC \
            while i < end, line[i] != 0x07, line[i] != 0x1B { i += 1 }
            return min(i + 1, end)
        }
        return i + 1
    }

    /// Maps a three-byte UTF-8 sequence starting with 0xE2 to ASCII (0 = drop), or `nil` to keep it.
    private static func replacementForE2(_ second: UInt8, _ third: UInt8) -> UInt8? {
        switch (second, third) {
        case (0x80, 0x98), (0x80, 0x99), (0x80, 0x9A), (0x80, 0xB2): return 0x27 // ‘ ’ ‚ ′
        case (0x80, 0x9C), (0x80, 0x9D), (0x80, 0x9E), (0x80, 0xB3): return 0x22 // “ ” „ ″
        case (0x80, 0x93), (0x80, 0x94): return 0x2D // – —
        case (0x80, 0xA6): return 0x2E // … (shortened to one dot)
        case (0x80, 0x8B), (0x80, 0x8C), (0x80, 0x8D): return 0 // zero-width characters
        case (0x94, _), (0x95, _), (0x96, _): return 0x20 // box drawing and block elements
        default: return nil
        }
    }
}
