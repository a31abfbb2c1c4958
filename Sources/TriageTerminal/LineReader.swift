/// What the user has typed so far, handed to a ``CompletionProvider`` when they press Tab.
public struct CompletionRequest: Sendable, Equatable {
    /// The whole line up to the cursor.
    public let lineBeforeCursor: String
    /// The partial word at the cursor: the text after the last whitespace of ``lineBeforeCursor``
    /// (empty after a space).
    public let word: String

    /// Creates a request, splitting the word at the cursor off `lineBeforeCursor`.
    public init(lineBeforeCursor: String) {
        self.lineBeforeCursor = lineBeforeCursor
        if let lastSpace = lineBeforeCursor.lastIndex(where: \.isWhitespace) {
            word = String(lineBeforeCursor[lineBeforeCursor.index(after: lastSpace)...])
        } else {
            word = lineBeforeCursor
        }
    }
}

/// Returns the candidate words for a Tab press. Candidates that do not start with the
/// request's ``CompletionRequest/word`` are ignored, so a provider may return every choice
/// valid at that position (all REPL commands, all answers of a question).
public typealias CompletionProvider = (CompletionRequest) -> [String]

/// Reads one line of user input at a time.
///
/// Readers are used from one task at a time (they own a terminal or a file descriptor),
/// so the protocol is deliberately not `Sendable`.
public protocol LineReader {
    /// Shows `prompt`, reads one line and returns it without its line terminator, or nil at
    /// end of input (Ctrl-D on an empty line, end of a pipe). `completion`, when given,
    /// answers Tab presses for this prompt only; readers without line editing ignore it.
    mutating func readLine(prompt: String, completion: CompletionProvider?) -> String?

    /// Keeps `line` in the history, for Up to recall and for later sessions. Only the caller
    /// knows what a line was (a command, an answer, pasted output), so a reader records nothing
    /// by itself; readers without history ignore it.
    mutating func remember(_ line: String)

    /// Drops whatever was typed or pasted ahead and not read yet, so that the next line is one
    /// typed after the prompt shows: a question whose answer lets a change run is never
    /// answered by the rest of a paste. Readers of scripted input keep it.
    mutating func discardTypeAhead()
}

extension LineReader {
    /// Readers without history keep nothing.
    public mutating func remember(_ line: String) {}

    /// Readers of scripted input (a pipe, a file, a list) keep what follows: it was written to be read.
    public mutating func discardTypeAhead() {}

    /// Reads one line with no tab completion; see ``readLine(prompt:completion:)``.
    public mutating func readLine(prompt: String) -> String? {
        readLine(prompt: prompt, completion: nil)
    }
}
