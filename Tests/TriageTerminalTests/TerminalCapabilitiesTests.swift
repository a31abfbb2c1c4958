import Testing
@testable import TriageTerminal

@Suite("Terminal capabilities")
struct TerminalCapabilitiesTests {
    private func resolve(
        _ environment: [String: String] = ["TERM": "xterm-256color"],
        stdin: Bool = true,
        stdout: Bool = true,
        width: Int? = 132,
        override: TerminalCapabilities.ColorOverride? = nil
    ) -> TerminalCapabilities {
        TerminalCapabilities.resolve(
            environment: environment, stdinIsTerminal: stdin, stdoutIsTerminal: stdout,
            terminalWidth: width, colorOverride: override
        )
    }

    @Test func aTerminalIsInteractiveWithColourAndLineEditing() {
        #expect(resolve() == TerminalCapabilities(isInteractive: true, supportsLineEditing: true, supportsColor: true, width: 132))
    }

    @Test func nonEmptyNoColorTurnsColourOff() {
        #expect(!resolve(["TERM": "xterm", "NO_COLOR": "1"]).supportsColor)
        #expect(resolve(["TERM": "xterm", "NO_COLOR": ""]).supportsColor)
    }

    @Test func dumbOrMissingTermTurnsColourAndEditingOff() {
        for environment in [["TERM": "dumb"], [:]] {
            let capabilities = resolve(environment)
            #expect(capabilities.isInteractive)
            #expect(!capabilities.supportsLineEditing)
            #expect(!capabilities.supportsColor)
        }
    }

    @Test func pipesAreNotInteractive() {
        #expect(!resolve(stdin: false).isInteractive)
        #expect(!resolve(stdin: false).supportsLineEditing)
        #expect(resolve(stdin: false).supportsColor)
        #expect(!resolve(stdout: false).isInteractive)
        #expect(!resolve(stdout: false).supportsColor)
    }

    @Test func theOverrideAlwaysWins() {
        #expect(resolve(["NO_COLOR": "1", "TERM": "dumb"], stdout: false, override: .always).supportsColor)
        #expect(!resolve(override: .never).supportsColor)
    }

    @Test func anUnreadableTerminalWidthDefaultsTo80() {
        #expect(resolve(width: nil).width == 80)
        #expect(resolve(width: 0).width == 80)
    }

    @Test func aPipeHasNoWidthSoNothingIsWrappedOrCut() {
        #expect(resolve(stdout: false, width: nil).width == nil)
        #expect(resolve(stdout: false, width: nil).layout == .unbounded)
    }

    @Test func columnsWinsOverTheTerminalAndGivesAPipeAWidth() {
        #expect(resolve(["TERM": "xterm", "COLUMNS": "60"]).width == 60)
        #expect(resolve(["TERM": "xterm", "COLUMNS": "60"], stdout: false, width: nil).width == 60)
        for bad in ["0", "-3", "wide", ""] {
            #expect(resolve(["TERM": "xterm", "COLUMNS": bad]).width == 132)
            #expect(resolve(["TERM": "xterm", "COLUMNS": bad], stdout: false, width: nil).width == nil)
        }
    }
}

@Suite("Styler")
struct StylerTests {
    @Test func colourOnWrapsEachRoleInSGR() {
        let styler = Styler(enabled: true)
        #expect(styler.apply(.error, to: "boom") == "\u{1B}[1;31mboom\u{1B}[0m")
        #expect(styler.apply(.dim, to: "x") == "\u{1B}[2mx\u{1B}[0m")
        let styled = Set(Style.allCases.map { styler.apply($0, to: "t") })
        #expect(styled.count == Style.allCases.count)
    }

    @Test func colourOffLeavesTextAlone() {
        let styler = Styler(capabilities: TerminalCapabilities(isInteractive: false, supportsLineEditing: false, supportsColor: false))
        for style in Style.allCases {
            #expect(styler.apply(style, to: "plain") == "plain")
        }
    }

    @Test func emptyTextStaysEmpty() {
        #expect(Styler(enabled: true).apply(.heading, to: "") == "")
    }
}
