import Foundation
import TriageCommandSupport
import TriageEngine
import TriageExecution
import TriageModel
import TriageREPL
import TriageTerminal

/// Builds the REPL's terminal side: the line reader (libedit on a terminal, plain lines
/// otherwise), history, Ctrl-C handling, colour and the transcript.
struct Interactive {
    let terminal: TerminalCapabilities
    let input: SharedLineReader
    let console = StandardStreamsConsole()

    init(terminal: TerminalCapabilities) {
        self.terminal = terminal
        let history = try? StateDirectory.prepare().historyFile
        if terminal.supportsLineEditing, let editor = (try? EditLineReader(historyFile: history)) ?? (try? EditLineReader(historyFile: nil)) {
            input = SharedLineReader(prompter: editor, paster: PlainLineReader(echo: .none))
        } else {
            input = SharedLineReader(prompter: PlainLineReader(echo: .promptAndInput, output: { StandardStreams.write($0) }))
        }
    }

    /// Shows each command and reads the output the person pastes back.
    var proposer: ProposeRunner {
        let console = console
        return ProposeRunner(paste: input, write: { console.write($0) })
    }

    /// Runs the REPL over `session` until the user quits.
    func run(
        _ session: Session, runner: any CommandRunner, mode: REPL.Mode, transcriptPath: String?,
        suggestedAnswers: [String: String] = [:], readOnly: Bool = false
    ) async throws -> REPL.Outcome {
        let transcript = try transcriptPath.map {
            try TranscriptWriter(path: $0, runbook: session.runbook, inputs: session.inputs, mode: mode.rawValue)
        }
        let interrupts = try InterruptMonitor()
        defer { interrupts.stop() }
        let repl = REPL(
            session: session, runner: runner, parsers: .standard, input: input, console: console,
            styler: Styler(capabilities: terminal), layout: terminal.layout, mode: mode, interrupts: interrupts,
            suggestedAnswers: suggestedAnswers, transcript: transcript, readOnly: readOnly
        )
        return await repl.run()
    }
}

/// The REPL's console on standard output, written the way all output is (see `StandardStreams`):
/// a failed write ends the command with status 74, or quietly when the reader went away.
struct StandardStreamsConsole: Console {
    func write(_ text: String) {
        StandardStreams.write(text)
    }
}
