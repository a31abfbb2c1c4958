/// The few cursor controls Triage writes itself (literals, never outside text), for output that
/// redraws in place on a terminal.
public enum ScreenControl {
    /// Back to the start of the line, erasing it: a progress line redrawn or removed.
    public static let eraseLine: StaticString = "\r\u{1B}[K"

    /// What a redrawn page starts with: on a terminal, the screen cleared with the cursor at its
    /// top left; elsewhere (a pipe, a file), a blank line between pages.
    public static func newPage(on terminal: TerminalCapabilities) -> String {
        terminal.isInteractive ? "\u{1B}[H\u{1B}[2J" : "\n"
    }
}
