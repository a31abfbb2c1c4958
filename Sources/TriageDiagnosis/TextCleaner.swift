/// Removes paste noise from one line of input, working on UTF-8 bytes: CR, markdown quote
/// markers and backticks, ANSI escape sequences, tabs, box-drawing characters, curly quotes,
/// non-breaking spaces, escaped quotes (`\"`, YAML `''`) and the HTML entities of quotes and
/// brackets (`&quot;`, `&#39;`, `&amp;`, `&lt;`, `&gt;`) left by text copied from web pages.
enum TextCleaner {
    /// The indentation of `line` when cleaning would return it unchanged (no byte needing
    /// attention, no trailing whitespace, no markdown quote marker), else `nil`.
    static func indentIfClean(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = line.baseAddress, let last = line.last else { return 0 }
        if last == 0x20 { return nil }
        var indent = 0
        while indent + 8 <= line.count, UnsafeRawPointer(base + indent).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 { indent += 8 }
        while indent < line.count, line[indent] == 0x20 { indent += 1 }
        if indent < line.count, line[indent] == 0x3E { return nil }
        var i = indent
        while i + 8 <= line.count {
            if wordNeedsAttention(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { break }
            i += 8
        }
        let attention = needsAttention
        while i < line.count {
            if attention[Int(line[i])] { return nil }
            i += 1
        }
        return indent
    }

    /// Where a stretch of output bytes came from: output byte `output + k` is input byte `input + k`
    /// until the next origin.
    struct Origin: Sendable {
        let output: Int
        let input: Int
    }

    /// The input offset of output byte `offset`, given the origins recorded while cleaning.
    static func inputOffset(ofOutput offset: Int, in origins: [Origin]) -> Int {
        var low = 0, high = origins.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if origins[middle].output <= offset { low = middle } else { high = middle }
        }
        return origins[low].input + (offset - origins[low].output)
    }

    /// Cleans `line`, appending the result to `output`. When `origins` is given, appends an
    /// ``Origin`` for every stretch of output bytes copied or replaced from the input.
    static func clean(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], origins: inout [Origin]?) {
        var end = line.count
        while end > 0, line[end - 1] == 0x0D || line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        var i = skipQuoteMarkers(line, end: end)
        func emit(_ byte: UInt8, from position: Int) {
            origins?.append(Origin(output: output.count, input: position))
            output.append(byte)
        }
        let attention = needsAttention
        while i < end {
            var runEnd = i
            if let base = line.baseAddress {
                while runEnd + 8 <= end, !wordNeedsAttention(UnsafeRawPointer(base + runEnd).loadUnaligned(as: UInt64.self)) { runEnd += 8 }
            }
            while runEnd < end, !attention[Int(line[runEnd])] { runEnd += 1 }
            if runEnd > i {
                origins?.append(Origin(output: output.count, input: i))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: line[i..<runEnd]))
                i = runEnd
                if i == end { break }
            }
            let byte = line[i]
            switch byte {
            case 0x1B:  // ESC: skip a CSI/OSC sequence or a two-byte escape.
                i = skipEscape(line, from: i, end: end)
                continue
            case 0x60:  // backtick
                i += 1
                continue
            case 0x09:
                emit(0x20, from: i)
            case 0x5C where i + 1 < end && line[i + 1] == 0x22:  // \"
                emit(0x22, from: i)
                i += 2
                continue
            case 0x27 where i + 1 < end && line[i + 1] == 0x27:  // YAML '' inside a single-quoted scalar
                emit(0x27, from: i)
                i += 2
                continue
            case 0x26:  // &: an HTML entity copied from a web page
                if let (replacement, length) = htmlEntity(line, at: i, end: end) {
                    emit(replacement, from: i)
                    i += length
                    continue
                }
                emit(byte, from: i)
            case 0xC2 where i + 1 < end && line[i + 1] == 0xA0:  // NBSP
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

    /// Bytes the cleaner may change: control characters, backslash, apostrophe, backtick, ampersand,
    /// and the lead bytes of NBSP and of the three-byte punctuation and box-drawing characters.
    private static let needsAttention: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0x5C || byte == 0x27 || byte == 0x60 || byte == 0x26 || byte == 0xC2 || byte == 0xE2
    }

    /// The HTML entities that web pages put in place of quotes and brackets, and their bytes.
    private static let htmlEntities: [(name: [UInt8], byte: UInt8)] = [
        ("&quot;", 0x22), ("&#34;", 0x22), ("&#x22;", 0x22), ("&#39;", 0x27), ("&#x27;", 0x27), ("&apos;", 0x27),
        ("&amp;", 0x26), ("&lt;", 0x3C), ("&gt;", 0x3E),
    ].map { (Array($0.0.utf8), $0.1) }

    /// The byte an HTML entity at `start` stands for, and the entity's length.
    private static func htmlEntity(_ line: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (UInt8, Int)? {
        for entity in htmlEntities where start + entity.name.count <= end {
            var matches = true
            for k in 1..<entity.name.count where line[start + k].asciiLowercased != entity.name[k] {
                matches = false
                break
            }
            if matches { return (entity.byte, entity.name.count) }
        }
        return nil
    }

    /// Whether any of eight bytes may be one ``needsAttention`` marks: a control byte, any
    /// non-ASCII byte (a superset of the NBSP and punctuation lead bytes), a backslash, `'`, a backtick or `&`.
    /// False positives only send the caller to its byte-by-byte check.
    private static func wordNeedsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        return ((word &- ones &* 0x20) | word) & highs != 0
            || hasZero(word ^ (ones &* 0x5C)) || hasZero(word ^ (ones &* 0x27)) || hasZero(word ^ (ones &* 0x60))
            || hasZero(word ^ (ones &* 0x26))
    }

    /// Skips leading whitespace-separated `>` markers from a markdown quote.
    private static func skipQuoteMarkers(_ line: UnsafeBufferPointer<UInt8>, end: Int) -> Int {
        var i = 0
        var cursor = 0
        while cursor < end, line[cursor] == 0x20 || line[cursor] == 0x09 { cursor += 1 }
        while cursor < end, line[cursor] == 0x3E, cursor + 1 == end || line[cursor + 1] == 0x20 || line[cursor + 1] == 0x3E {
            cursor += 1
            if cursor < end, line[cursor] == 0x20 { cursor += 1 }
            i = cursor
        }
        return i
    }

    private static func skipEscape(_ line: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var i = start + 1
        guard i < end else { return end }
        if line[i] == 0x5B {  // CSI: parameters then a final byte 0x40...0x7E
            i += 1
            while i < end, !(0x40...0x7E).contains(line[i]) { i += 1 }
            return min(i + 1, end)
        }
        if line[i] == 0x5D {  // OSC: until BEL or ESC \
            while i < end, line[i] != 0x07, line[i] != 0x1B { i += 1 }
            return min(i + 1, end)
        }
        return i + 1
    }

    /// Maps a three-byte UTF-8 sequence starting with 0xE2 to ASCII (0 = drop), or `nil` to keep it.
    private static func replacementForE2(_ second: UInt8, _ third: UInt8) -> UInt8? {
        switch (second, third) {
        case (0x80, 0x98), (0x80, 0x99), (0x80, 0x9A), (0x80, 0xB2): return 0x27  // ‘ ’ ‚ ′
        case (0x80, 0x9C), (0x80, 0x9D), (0x80, 0x9E), (0x80, 0xB3): return 0x22  // “ ” „ ″
        case (0x80, 0x93), (0x80, 0x94): return 0x2D  // – —
        case (0x80, 0xA6): return 0x2E  // … (shortened to one dot)
        case (0x80, 0x8B), (0x80, 0x8C), (0x80, 0x8D): return 0  // zero-width characters
        case (0x94, _), (0x95, _), (0x96, _): return 0x20  // box drawing and block elements
        default: return nil
        }
    }
}
