/// Text written pre-wrapped (a runbook's `explain:`), read back as the blocks it means:
/// paragraphs are separated by blank lines and a single line end inside one is a space; list
/// items, indented lines, fenced code and `$ command` lines keep their own lines.
public enum Prose {
    /// One block of prose.
    public enum Block: Equatable, Sendable {
        /// Running text, its lines joined with spaces.
        case paragraph(String)
        /// A list item: its marker (`- `, `* `, `1. `) and its text, continuation lines joined.
        case item(marker: String, text: String)
        /// A line shown as it is written (code, an indented line, a command).
        case verbatim(String)
        /// A blank line between blocks.
        case blank
    }

    /// The blocks of `text`, in order, with runs of blank lines collapsed to one.
    public static func blocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var inFence = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("```") {
                inFence.toggle()
                blocks.append(.verbatim(String(line)))
                continue
            }
            if inFence { blocks.append(.verbatim(String(line))); continue }
            if trimmed.isEmpty {
                if let last = blocks.last, last != .blank { blocks.append(.blank) }
                continue
            }
            let indented = trimmed.count < line.count
            if let marker = listMarker(trimmed) {
                blocks.append(.item(marker: String(line.prefix(line.count - trimmed.count)) + marker, text: String(trimmed.dropFirst(marker.count))))
                continue
            }
            switch blocks.last {
            case .paragraph(let text)? where !indented && !trimmed.hasPrefix("$ "):
                blocks[blocks.count - 1] = .paragraph(text + " " + trimmed)
            case .item(let marker, let text)? where !trimmed.hasPrefix("$ "):
                blocks[blocks.count - 1] = .item(marker: marker, text: text + " " + trimmed)
            default:
                blocks.append(indented || trimmed.hasPrefix("$ ") ? .verbatim(String(line)) : .paragraph(String(trimmed)))
            }
        }
        while blocks.last == .blank { blocks.removeLast() }
        return blocks
    }

    /// `- `, `* `, `• ` or a number followed by `.` or `)` and a space, when `line` starts with one.
    static func listMarker(_ line: Substring) -> String? {
        for bullet in ["- ", "* ", "• "] where line.hasPrefix(bullet) { return bullet }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.count >= 2, rest.first == "." || rest.first == ")", rest.dropFirst().first == " " else { return nil }
        return String(line.prefix(digits.count + 2))
    }
}
