/// A plain-text table that fits a width: columns get their widest cell when there is room, and
/// the flexible ones are cut (with `…`) when there is not.
struct TextTable {
    /// One column.
    struct Column {
        var title: String
        /// Never narrower than this (after the title, which may be cut too).
        var minimum: Int
        /// When the table is too wide, columns give up space in this order (lowest first);
        /// nil for a column that never shrinks.
        var shrinkOrder: Int?
        var alignRight = false
        /// Cut long cells in the middle, keeping the end (an image's tag), instead of at the end.
        var keepsEnd = false
        /// Left out (lowest first) when the table does not fit even with every column at its
        /// minimum; nil for a column always shown.
        var hideOrder: Int?
    }

    var columns: [Column]
    var rows: [[String]] = []

    /// The header and rows, each line at most `width` characters (when the minimums allow it).
    func render(width: Int) -> [String] {
        var shown = Array(columns.indices)
        var widths = columns.indices.map { index in
            rows.reduce(columns[index].title.count) { max($0, $1[index].count) }
        }
        func excess() -> Int { shown.map { widths[$0] }.reduce(0, +) + 2 * (shown.count - 1) - width }
        let tightest = columns.indices.map { columns[$0].shrinkOrder == nil ? widths[$0] : min(widths[$0], columns[$0].minimum) }
        for index in columns.indices.filter({ columns[$0].hideOrder != nil }).sorted(by: { columns[$0].hideOrder! < columns[$1].hideOrder! }) {
            let total = shown.map { tightest[$0] }.reduce(0, +) + 2 * (shown.count - 1)
            if total > width { shown.removeAll { $0 == index } }
        }
        for index in shown.filter({ columns[$0].shrinkOrder != nil }).sorted(by: { columns[$0].shrinkOrder! < columns[$1].shrinkOrder! }) {
            widths[index] -= min(max(0, excess()), max(0, widths[index] - columns[index].minimum))
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (position, index) in shown.enumerated() {
                let fitted = Self.fit(cells[index], widths[index], keepingEnd: columns[index].keepsEnd)
                let pad = String(repeating: " ", count: widths[index] - fitted.count)
                let isLast = position == shown.count - 1
                if columns[index].alignRight { text += pad + fitted } else { text += fitted + (isLast ? "" : pad) }
                if !isLast { text += "  " }
            }
            return text
        }
        return [line(columns.map(\.title))] + rows.map(line)
    }

    /// `text` cut to `width` characters with `…` where it was cut: at the end, or in the middle
    /// keeping the last two thirds when `keepingEnd`.
    static func fit(_ text: String, _ width: Int, keepingEnd: Bool = false) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        guard keepingEnd, width > 6 else { return String(text.prefix(width - 1)) + "…" }
        let tail = (width - 1) * 2 / 3
        return String(text.prefix(width - 1 - tail)) + "…" + String(text.suffix(tail))
    }

    /// `text` broken into lines of at most `width` characters at spaces, the first prefixed
    /// by `lead` and the rest indented to match.
    static func wrap(_ text: String, width: Int, lead: String) -> [String] {
        let room = max(10, width - lead.count)
        var lines: [String] = []
        var current = ""
        var words = text.split(separator: " ", omittingEmptySubsequences: true)[...]
        while var word = words.popFirst() {
            if word.count > room {
                // A word longer than a line (a URL, a command) is cut across lines.
                if !current.isEmpty { lines.append(current); current = "" }
                while word.count > room { lines.append(String(word.prefix(room))); word = word.dropFirst(room) }
            }
            if !current.isEmpty && current.count + 1 + word.count > room {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        let indent = String(repeating: " ", count: lead.count)
        return lines.enumerated().map { ($0.offset == 0 ? lead : indent) + $0.element }
    }
}
