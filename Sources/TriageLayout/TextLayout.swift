/// Lays text out in lines that fit a width: a terminal's columns, or no limit at all for a pipe
/// or a file, which get whole lines. Pure: it only measures and breaks text it is given.
public struct TextLayout: Sendable, Equatable {
    /// Columns a line may take; nil for no limit.
    public var width: Int?

    /// A layout for `width` columns (nil: lines are never broken).
    public init(width: Int?) {
        self.width = width.map { max(1, $0) }
    }

    /// No limit: every paragraph on one line, nothing cut.
    public static let unbounded = TextLayout(width: nil)

    /// Marks a line that continues the one above it where a verbatim line had to be broken.
    public static let continuationMark = "↪ "

    /// Pre-wrapped prose (see ``Prose``) reflowed to the width: each paragraph and list item
    /// wrapped at spaces, verbatim lines kept whole where they fit; every line starts with `indent`.
    public func reflow(_ text: String, indent: String = "") -> [String] {
        Prose.blocks(text).flatMap { block -> [String] in
            switch block {
            case .paragraph(let text): wrap(text, lead: indent)
            case .item(let marker, let text):
                wrap(text, lead: indent + marker, indent: indent + String(repeating: " ", count: marker.displayWidth))
            case .verbatim(let line): verbatim(line, lead: indent)
            case .blank: [""]
            }
        }
    }

    /// One paragraph broken at spaces so that every line fits: `lead` starts the first line and
    /// `indent` (by default spaces as wide as `lead`) the others. A word is broken only when it
    /// is longer than a whole line; a `code span` stays on one line when it fits in one.
    public func wrap(_ text: String, lead: String = "", indent: String? = nil) -> [String] {
        let words = Self.tokens(text)
        let indent = indent ?? String(repeating: " ", count: lead.displayWidth)
        guard let width else { return [lead + words.map { $0.joined(separator: " ") }.joined(separator: " ")] }
        var lines: [String] = []
        var line = lead
        var used = lead.displayWidth
        var empty = true
        func newLine() {
            lines.append(line)
            line = indent
            used = indent.displayWidth
            empty = true
        }
        func place(_ word: String) {
            let wordWidth = word.displayWidth
            if !empty && used + 1 + wordWidth > width { newLine() }
            if wordWidth > width - used {
                // Longer than a whole line: cut it across lines.
                for piece in Self.pieces(of: word, first: width - used - (empty ? 0 : 1), rest: width - indent.displayWidth) {
                    if !empty && used + 1 + piece.displayWidth > width { newLine() }
                    line += (empty ? "" : " ") + piece
                    used += (empty ? 0 : 1) + piece.displayWidth
                    empty = false
                }
                return
            }
            line += (empty ? "" : " ") + word
            used += (empty ? 0 : 1) + wordWidth
            empty = false
        }
        for group in words {
            let joined = group.joined(separator: " ")
            if group.count > 1, joined.displayWidth > width - indent.displayWidth {
                group.forEach(place)
            } else {
                place(joined)
            }
        }
        if !empty || lines.isEmpty || line != indent { lines.append(line) }
        return lines
    }

    /// A line that is not prose (a quoted output line, a code line): whole when it fits,
    /// otherwise broken at its last space that fits (inside a word only when it has none), and each continuation line starts with
    /// spaces as wide as `lead` and ``continuationMark``.
    public func verbatim(_ text: String, lead: String = "") -> [String] {
        guard let width, (lead + text).displayWidth > width else { return [lead + text] }
        let indent = String(repeating: " ", count: lead.displayWidth) + Self.continuationMark
        var lines: [String] = []
        var rest = Substring(text)
        var prefix = lead
        while !rest.isEmpty {
            let room = max(1, width - prefix.displayWidth)
            if rest.displayWidth <= room { lines.append(prefix + rest); break }
            let head = Self.prefix(of: rest, fitting: room)
            var cut = head.endIndex
            if let space = head.lastIndex(where: { $0 == " " }), head[..<space].contains(where: { $0 != " " }) {
                cut = rest.index(after: space)
            }
            lines.append(prefix + String(rest[..<cut]).trimmingTrailingSpaces())
            rest = rest[cut...]
            prefix = indent
        }
        return lines
    }

    /// A shell command broken between its (already quoted) words, with ` \\` ending every line
    /// that continues, as a shell reads it; continuation lines are indented by four spaces. A
    /// word longer than a whole line is cut, its continuation marked with ``continuationMark``.
    public func command(_ words: [String], lead: String = "") -> [String] {
        guard let width, (lead + words.joined(separator: " ")).displayWidth > width else {
            return [lead + words.joined(separator: " ")]
        }
        let indent = "    "
        var lines: [String] = []
        var line = lead
        var empty = true
        for word in words {
            if !empty && (line + " " + word + " \\").displayWidth > width {
                lines.append(line + " \\")
                line = indent
                empty = true
            }
            let room = width - line.displayWidth - (empty ? 0 : 1) - 2
            if word.displayWidth > room {
                let pieces = Self.pieces(of: word, first: room, rest: width - indent.displayWidth - Self.continuationMark.displayWidth - 2)
                line += (empty ? "" : " ") + pieces[0]
                for piece in pieces.dropFirst() {
                    lines.append(line)
                    line = indent + Self.continuationMark + piece
                }
            } else {
                line += (empty ? "" : " ") + word
            }
            empty = false
        }
        lines.append(line)
        return lines
    }

    /// Words of `text`, split at spaces; a backquoted span with spaces in it is one group.
    static func tokens(_ text: String) -> [[String]] {
        var groups: [[String]] = []
        var open: [String]?
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init) {
            let ticks = word.count { $0 == "`" }
            if var span = open {
                span.append(word)
                if ticks % 2 == 1 { groups.append(span); open = nil } else { open = span }
            } else if ticks % 2 == 1 && word.hasPrefix("`") {
                open = [word]
            } else {
                groups.append([word])
            }
        }
        if let open { groups += open.map { [$0] } }
        return groups
    }

    /// `word` cut into pieces: the first at most `first` columns (when that is at least 1), the
    /// others at most `rest`; never inside a character.
    static func pieces(of word: String, first: Int, rest: Int) -> [String] {
        var pieces: [String] = []
        var remaining = Substring(word)
        var room = first >= 4 ? first : rest
        while !remaining.isEmpty {
            let head = prefix(of: remaining, fitting: max(1, room))
            let taken = head.isEmpty ? remaining.prefix(1) : head
            pieces.append(String(taken))
            remaining = remaining.dropFirst(taken.count)
            room = rest
        }
        return pieces
    }

    /// The longest start of `text` that takes at most `columns` columns.
    static func prefix(of text: Substring, fitting columns: Int) -> Substring {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let next = used + DisplayWidth.of(text[index])
            if next > columns { break }
            used = next
            end = text.index(after: index)
        }
        return text[..<end]
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
