/// A plain-text table: without a width every cell is shown whole; with one, columns get their
/// widest cell when there is room, the flexible ones are cut (with `…`) when there is not, and
/// the least important are left out when even their minimums do not fit.
public struct TextTable: Sendable {
    /// One column.
    public struct Column: Sendable {
        /// The header.
        public var title: String
        /// Never narrower than this (after the title, which may be cut too).
        public var minimum: Int
        /// When the table is too wide, columns give up space in this order (lowest first);
        /// nil for a column that never shrinks.
        public var shrinkOrder: Int?
        /// Numbers: padded on the left.
        public var alignRight: Bool
        /// Cut long cells in the middle, keeping the end (an image's tag), instead of at the end.
        public var keepsEnd: Bool
        /// Left out (lowest first) when the table does not fit even with every column at its
        /// minimum; nil for a column always shown.
        public var hideOrder: Int?

        /// A column titled `title`; see the properties for the rest.
        public init(title: String, minimum: Int, shrinkOrder: Int? = nil, alignRight: Bool = false, keepsEnd: Bool = false, hideOrder: Int? = nil) {
            self.title = title
            self.minimum = minimum
            self.shrinkOrder = shrinkOrder
            self.alignRight = alignRight
            self.keepsEnd = keepsEnd
            self.hideOrder = hideOrder
        }
    }

    /// The columns, in order.
    public var columns: [Column]
    /// The cells, one array per row, one cell per column.
    public var rows: [[String]] = []

    /// A table with `columns` and no rows yet.
    public init(columns: [Column]) {
        self.columns = columns
    }

    /// The header and rows: whole when `width` is nil, otherwise each line at most `width`
    /// columns (when the minimums allow it).
    public func render(width: Int?) -> [String] {
        var shown = Array(columns.indices)
        var widths = columns.indices.map { index in
            rows.reduce(columns[index].title.displayWidth) { max($0, $1[index].displayWidth) }
        }
        if let width {
            func total(_ widths: [Int]) -> Int { shown.map { widths[$0] }.reduce(0, +) + 2 * (shown.count - 1) }
            let tightest = columns.indices.map { columns[$0].shrinkOrder == nil ? widths[$0] : min(widths[$0], columns[$0].minimum) }
            let hideable = columns.indices.compactMap { index in columns[index].hideOrder.map { (index, $0) } }
            for (index, _) in hideable.sorted(by: { $0.1 < $1.1 }) where total(tightest) > width {
                shown.removeAll { $0 == index }
            }
            let shrinkable = shown.compactMap { index in columns[index].shrinkOrder.map { (index, $0) } }
            for (index, _) in shrinkable.sorted(by: { $0.1 < $1.1 }) {
                let excess = total(widths) - width
                guard excess > 0 else { break }
                widths[index] -= min(excess, max(0, widths[index] - columns[index].minimum))
            }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (position, index) in shown.enumerated() {
                let fitted = Self.fit(cells[index], widths[index], keepingEnd: columns[index].keepsEnd)
                let pad = String(repeating: " ", count: max(0, widths[index] - fitted.displayWidth))
                let isLast = position == shown.count - 1
                if columns[index].alignRight { text += pad + fitted } else { text += fitted + (isLast ? "" : pad) }
                if !isLast { text += "  " }
            }
            return text
        }
        return [line(columns.map(\.title))] + rows.map(line)
    }

    /// `text` cut to `width` columns with `…` where it was cut: at the end, or in the middle
    /// keeping the last two thirds when `keepingEnd`.
    public static func fit(_ text: String, _ width: Int, keepingEnd: Bool = false) -> String {
        guard text.displayWidth > width else { return text }
        guard width > 1 else { return String(TextLayout.prefix(of: Substring(text), fitting: width)) }
        guard keepingEnd, width > 6 else { return String(TextLayout.prefix(of: Substring(text), fitting: width - 1)) + "…" }
        let tail = (width - 1) * 2 / 3
        return String(TextLayout.prefix(of: Substring(text), fitting: width - 1 - tail)) + "…" + suffix(of: text, fitting: tail)
    }

    /// The longest end of `text` that takes at most `columns` columns.
    private static func suffix(of text: String, fitting columns: Int) -> String {
        var used = 0
        var start = text.endIndex
        while start > text.startIndex {
            let previous = text.index(before: start)
            let next = used + DisplayWidth.of(text[previous])
            if next > columns { break }
            used = next
            start = previous
        }
        return String(text[start...])
    }
}
