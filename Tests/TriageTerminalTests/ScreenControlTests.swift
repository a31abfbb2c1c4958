import Testing
import TriageTerminal

/// A redrawn page clears a terminal's screen, and only a terminal's.
struct ScreenControlTests {
    @Test func aNewPageClearsATerminalAndIsABlankLineElsewhere() {
        let terminal = TerminalCapabilities(isInteractive: true, supportsLineEditing: true, supportsColor: false)
        let pipe = TerminalCapabilities(isInteractive: false, supportsLineEditing: false, supportsColor: false, width: nil)
        #expect(ScreenControl.newPage(on: terminal) == "\u{1B}[H\u{1B}[2J")
        #expect(ScreenControl.newPage(on: pipe) == "\n")
        #expect(ScreenControl.eraseLine.description == "\r\u{1B}[K")
    }
}
