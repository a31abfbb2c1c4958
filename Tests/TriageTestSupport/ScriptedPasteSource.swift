import TriageExecution

/// A ``PasteSource`` that hands out a fixed list of lines, then reports end of input.
public actor ScriptedPasteSource: PasteSource {
    private var lines: [String]

    /// Serves `lines` in order.
    public init(_ lines: [String]) {
        self.lines = lines
    }

    /// The lines not read yet.
    public var remaining: [String] { lines }

    /// The next line, or `nil` once all lines were read.
    public func readPastedLine() -> String? {
        lines.isEmpty ? nil : lines.removeFirst()
    }
}
