/// What a failed command said about why, in a form fit for one line of a message: the tool's own
/// closing lines rather than client-go's repeated log lines (`E1122 20:19:28.694148 …`), at most
/// three, each at most 300 characters, with control characters shown as visible escapes.
public enum FailureMessage {
    /// The summary of `stderr`; empty when it says nothing.
    public static func summary(ofStandardError stderr: String) -> String {
        let lines = stderr.split(whereSeparator: \.isNewline).map(trimmed).filter { !$0.isEmpty }
        let plain = lines.filter { !isLogLine($0) }
        var kept: [String] = []
        for line in (plain.isEmpty ? lines : plain).reversed() where !kept.contains(line) && kept.count < 3 {
            kept.insert(line, at: 0)
        }
        return kept.map { line in
            let visible = VisibleText.escapingControls(line)
            return visible.count > 300 ? String(visible.prefix(299)) + "…" : visible
        }.joined(separator: " / ")
    }

    private static func trimmed(_ line: Substring) -> String {
        String(line.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// A klog line: severity letter, month and day, then a space.
    private static func isLogLine(_ line: String) -> Bool {
        let characters = Array(line.prefix(6))
        return characters.count == 6 && "EWI".contains(characters[0])
            && characters[1...4].allSatisfy(\.isASCIIDigit) && characters[5] == " "
    }
}

extension CommandResult {
    /// Why the command failed, in its own words (see ``FailureMessage``), or that it timed out
    /// and after how long.
    public var failureSummary: String {
        let said = FailureMessage.summary(ofStandardError: stderr)
        if timedOut { return "timed out after \(Seconds.spoken(timeLimit ?? duration))" + (said.isEmpty ? " with no answer" : ": \(said)") }
        return said.isEmpty ? "exit status \(exitStatus)" : said
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
