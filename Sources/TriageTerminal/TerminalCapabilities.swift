import Foundation
import TriageLayout
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the attached terminal can do, detected once at start-up.
///
/// Colour rules, in order: an explicit ``ColorOverride`` (`--color` / `--no-color`) always
/// wins; otherwise `NO_COLOR` set to a non-empty value, `TERM=dumb`, an unset `TERM` or a
/// standard output that is not a terminal turn colour off.
///
/// Width rules: `COLUMNS` set to a positive number wins; otherwise a terminal's own width
/// (80 when it cannot be read); otherwise (a pipe, a file) no width at all, so that nothing is
/// wrapped or cut.
public struct TerminalCapabilities: Sendable, Equatable {
    /// An explicit colour choice from the command line that beats every heuristic.
    public enum ColorOverride: Sendable, Equatable {
        /// `--color`: always emit ANSI colour.
        case always
        /// `--no-color`: never emit ANSI colour.
        case never
    }

    /// Standard input and standard output are both terminals: a person is typing.
    public var isInteractive: Bool
    /// The terminal can do cursor motion, so a line editor can run (interactive and `TERM` is not `dumb`).
    public var supportsLineEditing: Bool
    /// Output may carry ANSI SGR colour sequences.
    public var supportsColor: Bool
    /// Columns a line of output may take: `COLUMNS`, or the terminal's width; nil when
    /// standard output is a pipe or a file.
    public var width: Int?

    /// The width used when the terminal size cannot be read.
    public static let defaultWidth = 80

    /// Creates capabilities from explicit values (tests, or a caller that knows better).
    public init(isInteractive: Bool, supportsLineEditing: Bool, supportsColor: Bool, width: Int? = defaultWidth) {
        self.isInteractive = isInteractive
        self.supportsLineEditing = supportsLineEditing
        self.supportsColor = supportsColor
        self.width = width
    }

    /// How text is laid out for this output: wrapped to ``width``, or never when it is nil.
    public var layout: TextLayout { TextLayout(width: width) }

    /// Decides the capabilities from already-gathered facts; pure, so every rule is testable.
    /// - Parameters:
    ///   - environment: the process environment (`TERM`, `NO_COLOR`, `COLUMNS` are read).
    ///   - stdinIsTerminal: whether standard input is a terminal.
    ///   - stdoutIsTerminal: whether standard output is a terminal.
    ///   - terminalWidth: the measured width, or nil when unknown.
    ///   - colorOverride: `--color` / `--no-color`, nil when neither was given.
    public static func resolve(
        environment: [String: String],
        stdinIsTerminal: Bool,
        stdoutIsTerminal: Bool,
        terminalWidth: Int?,
        colorOverride: ColorOverride?
    ) -> TerminalCapabilities {
        let term = environment["TERM"] ?? ""
        let dumb = term.isEmpty || term == "dumb"
        let interactive = stdinIsTerminal && stdoutIsTerminal
        let color: Bool
        switch colorOverride {
        case .always: color = true
        case .never: color = false
        case nil:
            let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            color = !noColor && !dumb && stdoutIsTerminal
        }
        let columns = environment["COLUMNS"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0 > 0 ? $0 : nil }
        let measured = stdoutIsTerminal ? terminalWidth.flatMap { $0 > 0 ? $0 : nil } ?? defaultWidth : nil
        let width = columns ?? measured
        return TerminalCapabilities(
            isInteractive: interactive,
            supportsLineEditing: interactive && !dumb,
            supportsColor: color,
            width: width
        )
    }

    /// Detects the capabilities of this process's standard input and output.
    /// - Parameters:
    ///   - environment: the environment to consult; defaults to the process environment.
    ///   - colorOverride: `--color` / `--no-color`, nil when neither was given.
    public static func detect(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        colorOverride: ColorOverride? = nil
    ) -> TerminalCapabilities {
        resolve(
            environment: environment,
            stdinIsTerminal: isatty(STDIN_FILENO) == 1,
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
            terminalWidth: TerminalSize.columns(of: STDOUT_FILENO),
            colorOverride: colorOverride
        )
    }
}

/// Reads the size of a terminal with `TIOCGWINSZ`.
enum TerminalSize {
    /// The number of columns of the terminal on `fd`, or nil when `fd` is not a terminal.
    static func columns(of fd: Int32) -> Int? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
