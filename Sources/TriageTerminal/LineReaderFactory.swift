import Foundation

/// Chooses the ``LineReader`` that suits the terminal.
public enum LineReaderFactory {
    /// Returns an ``EditLineReader`` when the terminal supports line editing and a
    /// ``PlainLineReader`` on standard input otherwise.
    /// - Parameters:
    ///   - capabilities: the detected terminal.
    ///   - historyFile: where the line editor keeps history (usually
    ///     ``StateDirectory/historyFile``); nil keeps it in memory only. Unused by the plain reader.
    ///   - plainEcho: what the plain reader echoes to standard output.
    /// - Throws: ``TerminalError`` when the line editor or its history file cannot be set up;
    ///   a caller may retry with `historyFile: nil`.
    public static func make(
        capabilities: TerminalCapabilities,
        historyFile: URL?,
        plainEcho: PlainLineReader.Echo = .none
    ) throws(TerminalError) -> any LineReader {
        guard capabilities.supportsLineEditing else {
            return PlainLineReader(echo: plainEcho)
        }
        return try EditLineReader(historyFile: historyFile)
    }
}
