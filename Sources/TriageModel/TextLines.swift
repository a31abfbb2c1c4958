extension StringProtocol {
    /// Its lines without their line ends, LF or CRLF: how to split text from outside (command
    /// output, a paste, a saved file). Swift reads `"\r\n"` as one character, so a split at `"\n"`
    /// alone leaves a CRLF text as one line.
    public func lines(omittingEmpty: Bool = false) -> [SubSequence] {
        split(omittingEmptySubsequences: omittingEmpty) { $0 == "\n" || $0 == "\r\n" }
    }
}
