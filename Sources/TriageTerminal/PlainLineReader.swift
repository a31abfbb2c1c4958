import TriageModel
import CLibEdit
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A ``LineReader`` without line editing, for pipes, scripts, dumb terminals and tests.
///
/// Reading from a file descriptor takes one byte per `read(2)`, so it never consumes input
/// past the end of the current line: whatever follows stays in the descriptor for the next
/// reader or a child process.
public struct PlainLineReader: LineReader {
    /// Where lines come from.
    public enum Source: Sendable {
        /// Lines read from a file descriptor (which the reader does not close); LF or CRLF ends a line.
        case fileDescriptor(Int32)
        /// Lines from an array, returned as they are, then end of input.
        case lines([String])

        /// The process's standard input.
        public static var standardInput: Source { .fileDescriptor(STDIN_FILENO) }
    }

    /// What the reader writes to its output around each line.
    public enum Echo: Sendable {
        /// Nothing: the prompt is not shown.
        case none
        /// The prompt, so a human watching a pipe sees where input is expected.
        case prompt
        /// The prompt, then the line that was read and a newline, so a transcript through pipes
        /// reads like the interactive session.
        case promptAndInput
    }

    private var source: Source
    private var nextLineIndex = 0
    private var reachedEnd = false
    private let echo: Echo
    private let output: (String) -> Void

    /// Creates a reader.
    /// - Parameters:
    ///   - source: where to read lines; standard input by default.
    ///   - echo: what to write around each line; nothing by default.
    ///   - output: where echoed text goes; standard output (flushed, in order with `print`) by default.
    public init(
        source: Source = .standardInput,
        echo: Echo = .none,
        output: @escaping (String) -> Void = PlainLineReader.writeToStandardOutput
    ) {
        self.source = source
        self.echo = echo
        self.output = output
    }

    /// Writes `text` to standard output through the C stream that `print` uses, and flushes it.
    public static func writeToStandardOutput(_ text: String) {
        triage_print_stdout(text)
    }

    /// Shows the prompt if configured and returns the next line, or nil at end of input.
    /// `completion` is ignored.
    public mutating func readLine(prompt: String, completion: CompletionProvider?) -> String? {
        if echo != .none { output(prompt) }
        let line = nextLine()
        // The line read is echoed as text (a CRLF line's CR is its line end): an escape sequence
        // in it is shown, never obeyed.
        if echo == .promptAndInput {
            let text = line.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 } ?? ""
            output(VisibleText.escapingControls(text) + "\n")
        }
        return line
    }

    private mutating func nextLine() -> String? {
        switch source {
        case .lines(let lines):
            guard nextLineIndex < lines.count else { return nil }
            defer { nextLineIndex += 1 }
            return lines[nextLineIndex]
        case .fileDescriptor(let fd):
            guard !reachedEnd else { return nil }
            guard let bytes = Self.readLineBytes(from: fd) else {
                reachedEnd = true
                return nil
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Reads bytes up to and excluding the next LF (and a CR just before it). Returns nil at
    /// end of input with nothing read; a last line without a terminator is returned as is.
    static func readLineBytes(from fd: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(fd, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            guard count == 1 else { return bytes.isEmpty ? nil : bytes }
            if byte == UInt8(ascii: "\n") {
                if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
                return bytes
            }
            bytes.append(byte)
        }
    }
}
