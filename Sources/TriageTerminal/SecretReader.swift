import CLibEdit
import Synchronization
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a secret (a password, a token) without echoing it.
public enum SecretReader {
    /// Reads one line from `input` with echo turned off when `input` is a terminal.
    ///
    /// On a terminal the prompt is written to standard output, echo is turned off (the Enter
    /// key still echoes a newline) and restored on every way out: normal return, end of
    /// input, and the fatal signals SIGINT, SIGTERM, SIGHUP and SIGQUIT (for those whose
    /// action is the default, a handler restores the terminal and then re-raises the signal).
    /// When `input` is not a terminal, nothing is written and a plain line is read.
    /// One secret is read at a time; concurrent calls wait.
    /// - Parameters:
    ///   - prompt: shown before reading on a terminal.
    ///   - input: the descriptor to read from; standard input by default.
    /// - Returns: the line without its terminator, or nil at end of input.
    public static func readSecret(prompt: String, input: Int32 = STDIN_FILENO) -> String? {
        guard isatty(input) == 1 else { return readLine(from: input) }
        return terminalLock.withLock { _ in
            var original = termios()
            guard tcgetattr(input, &original) == 0 else { return readLine(from: input) }
            triage_print_stdout(prompt)
            var silent = original
            silent.c_lflag &= ~tcflag_t(ECHO)
            silent.c_lflag |= tcflag_t(ECHONL)
            savedTerminal = SavedTerminal(fd: input, state: original)
            let guards = installRestoringHandlers()
            tcsetattr(input, TCSANOW, &silent)
            defer {
                tcsetattr(input, TCSANOW, &original)
                restoreHandlers(guards)
            }
            return readLine(from: input)
        }
    }

    private static func readLine(from fd: Int32) -> String? {
        PlainLineReader.readLineBytes(from: fd).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The signals whose default action would end the process with echo still off.
    private static let fatalSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Serialises secret reads, which share ``savedTerminal``.
    private static let terminalLock = Mutex(())

    /// Installs ``restoreTerminalAndReraise`` for each fatal signal whose action is the
    /// default; returns the signals and the actions they had.
    private static func installRestoringHandlers() -> [(Int32, sigaction)] {
        var replaced: [(Int32, sigaction)] = []
        for signalNumber in fatalSignals {
            var current = sigaction()
            guard sigaction(signalNumber, nil, &current) == 0, current.handler == nil else { continue }
            var action = sigaction()
            action.handler = restoreTerminalAndReraise
            sigemptyset(&action.sa_mask)
            if sigaction(signalNumber, &action, nil) == 0 {
                replaced.append((signalNumber, current))
            }
        }
        return replaced
    }

    private static func restoreHandlers(_ replaced: [(Int32, sigaction)]) {
        for (signalNumber, previous) in replaced {
            var previous = previous
            sigaction(signalNumber, &previous, nil)
        }
    }
}

/// The terminal state a signal handler must put back while a secret is being read.
private struct SavedTerminal {
    var fd: Int32
    var state: termios
}

/// Written only under `SecretReader.terminalLock` before handlers are installed, and read by
/// ``restoreTerminalAndReraise``; a plain global because a signal handler cannot capture.
nonisolated(unsafe) private var savedTerminal = SavedTerminal(fd: -1, state: termios())

/// Signal handler: restores the terminal, then delivers the signal again with its default action.
private func restoreTerminalAndReraise(_ signalNumber: Int32) {
    tcsetattr(savedTerminal.fd, TCSANOW, &savedTerminal.state)
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
