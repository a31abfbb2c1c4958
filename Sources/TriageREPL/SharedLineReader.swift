import Foundation
import TriageExecution
import TriageTerminal

/// The one place the REPL reads user input from, shared by the prompt and by propose mode's paste.
///
/// Pasted output must not pass through the line editor (it would fill the history with output
/// lines), so on a terminal pastes are read from standard input directly; on a pipe both read
/// through the same buffered reader so that no line is lost between them.
public final class SharedLineReader: PasteSource, @unchecked Sendable {
    private let lock = NSLock()
    private var prompter: any LineReader
    private var paster: (any LineReader)?

    /// Reads prompts through `prompter` and pastes through `paster`, or through `prompter` too when
    /// `paster` is nil.
    public init(prompter: any LineReader, paster: (any LineReader)? = nil) {
        self.prompter = prompter
        self.paster = paster
    }

    /// Reads one line at a prompt; nil at end of input.
    public func readLine(prompt: String, completion: CompletionProvider? = nil) -> String? {
        lock.withLock { prompter.readLine(prompt: prompt, completion: completion) }
    }

    /// Reads the answer to a question that lets a change run, typed after `prompt` shows: what
    /// was typed or pasted ahead of it on a terminal is dropped first (see
    /// `LineReader.discardTypeAhead()`).
    public func readConfirmation(prompt: String, completion: CompletionProvider? = nil) -> String? {
        lock.withLock {
            prompter.discardTypeAhead()
            return prompter.readLine(prompt: prompt, completion: completion)
        }
    }

    /// Keeps `line`, a command, in the prompt's history.
    public func remember(_ line: String) {
        lock.withLock { prompter.remember(line) }
    }

    public func readPastedLine() async -> String? {
        lock.withLock {
            if paster != nil { return paster!.readLine(prompt: "") }
            return prompter.readLine(prompt: "")
        }
    }
}
