import CLibEdit
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A ``LineReader`` backed by libedit, for a person at a terminal.
///
/// - Emacs key bindings; `~/.editrc` is never read (libedit's `el_source` is not called), so
///   every user and every test gets the same keys.
/// - History: Up/Down recall, persisted in a private file (see ``init(historyFile:historyCapacity:)``),
///   of the lines the caller asks it to ``remember(_:)`` (commands, never pasted output); blank
///   lines and an immediate repeat are not recorded.
/// - Tab completion from the ``CompletionProvider`` passed with each prompt: one match inserts
///   the rest of the word and a space; several insert their common prefix and are listed
///   below the line.
/// - Ctrl-C abandons the line being typed and shows a fresh prompt (terminal signals are
///   off while editing, so ^C reaches the editor as a key); Ctrl-D on an empty line ends input.
/// - Window size changes are followed through libedit's own signal handling (`EL_SIGNAL`),
///   which also restores the terminal if a fatal signal arrives while a line is edited.
///
/// libedit's callbacks are C function pointers; they find their reader through libedit's
/// `EL_CLIENTDATA` pointer, so no global state is involved.
public final class EditLineReader: LineReader {
    /// The number of history entries kept when none is given.
    public static let defaultHistoryCapacity = 1000

    /// Brackets invisible character sequences in the prompt handed to libedit.
    static let promptLiteralDelimiter: CChar = 1

    private let editor: OpaquePointer
    private let history: OpaquePointer
    private var store: HistoryStore
    private var prompt: UnsafeMutablePointer<CChar>?
    private var completion: CompletionProvider?
    private var interrupted = false

    /// Starts a line editor on standard input and output.
    ///
    /// Sets the process's `LC_CTYPE` locale from the environment so libedit handles UTF-8.
    /// - Parameters:
    ///   - historyFile: where history persists (parent directory created with 0700, file with
    ///     0600), or nil for history in memory only.
    ///   - historyCapacity: how many entries are kept.
    /// - Throws: ``TerminalError`` when the history file cannot be prepared or libedit fails.
    public init(historyFile: URL?, historyCapacity: Int = defaultHistoryCapacity) throws(TerminalError) {
        store = try HistoryStore(url: historyFile, capacity: historyCapacity)
        setlocale(LC_CTYPE, "")
        guard let editor = triage_el_init("triage") else { throw .lineEditorUnavailable }
        guard let history = triage_history_init() else {
            el_end(editor)
            throw .lineEditorUnavailable
        }
        self.editor = editor
        self.history = history
        triage_history_set_size(history, Int32(clamping: historyCapacity))
        for entry in store.load() {
            triage_history_enter(history, entry)
        }
        triage_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        triage_el_set_history(editor, history)
        triage_el_set_editor_emacs(editor)
        triage_el_set_signal_handling(editor, 1)
        triage_el_disable_tty_signals(editor)
        triage_el_set_prompt(editor, editLinePrompt, Self.promptLiteralDelimiter)
        triage_el_add_function(editor, "triage-complete", "Complete the word at the cursor", editLineComplete)
        triage_el_bind(editor, "^I", "triage-complete")
        triage_el_add_function(editor, "triage-interrupt", "Abandon the line", editLineInterrupt)
        triage_el_bind(editor, "^C", "triage-interrupt")
    }

    deinit {
        el_end(editor)
        triage_history_end(history)
        free(prompt)
    }

    /// Edits one line after `prompt` (which may carry ANSI colour) and returns it without its
    /// newline, or nil at end of input. Ctrl-C discards the line and prompts again.
    public func readLine(prompt: String, completion: CompletionProvider?) -> String? {
        free(self.prompt)
        self.prompt = strdup(Self.markInvisibleSequences(in: prompt))
        self.completion = completion
        defer { self.completion = nil }
        while true {
            interrupted = false
            var count: Int32 = 0
            guard let raw = el_gets(editor, &count), count > 0 else { return nil }
            if interrupted { continue }
            var line = String(cString: raw)
            while line.last?.isNewline == true {
                line.removeLast()
            }
            return line
        }
    }

    /// Flushes the terminal's input queue: libedit reads a byte at a time, so what was typed or
    /// pasted ahead is still there.
    public func discardTypeAhead() {
        tcflush(STDIN_FILENO, TCIFLUSH)
    }

    /// Adds `line` to the history and its file, unless it is blank or repeats the last entry.
    public func remember(_ line: String) {
        if store.record(line) {
            triage_history_enter(history, line)
        }
    }

    /// Brackets each ANSI escape sequence (ESC `[` … final byte) with the literal delimiter so
    /// libedit does not count it towards the prompt's width.
    static func markInvisibleSequences(in prompt: String) -> String {
        let delimiter = Unicode.Scalar(UInt8(promptLiteralDelimiter))
        var result = String.UnicodeScalarView()
        var inSequence = false
        for scalar in prompt.unicodeScalars {
            if scalar == "\u{1B}" && !inSequence {
                inSequence = true
                result.append(delimiter)
                result.append(scalar)
                continue
            }
            result.append(scalar)
            if inSequence && scalar != "[" && (0x40...0x7E).contains(scalar.value) {
                inSequence = false
                result.append(delimiter)
            }
        }
        if inSequence { result.append(delimiter) }
        return String(result)
    }

    /// The current prompt, for libedit's prompt callback.
    fileprivate var promptForEditor: UnsafeMutablePointer<CChar>? { prompt }

    /// Handles Tab: asks the provider for candidates and inserts or lists them.
    fileprivate func complete() -> UInt8 {
        guard let completion, let info = el_line(editor), let start = info.pointee.buffer,
            let cursor = info.pointee.cursor
        else { return UInt8(CC_ERROR) }
        let typed = UnsafeBufferPointer(start: start, count: cursor - start)
        let request = CompletionRequest(
            lineBeforeCursor: String(decoding: typed.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        )
        switch Completion.resolve(word: request.word, candidates: completion(request)) {
        case .noMatch:
            return UInt8(CC_ERROR)
        case .unique(let insert):
            triage_el_insertstr(editor, insert)
            return UInt8(CC_REFRESH)
        case .ambiguous(let insert, let choices):
            if !insert.isEmpty {
                triage_el_insertstr(editor, insert)
            }
            let width = TerminalSize.columns(of: STDOUT_FILENO) ?? TerminalCapabilities.defaultWidth
            triage_print_stdout("\n" + Completion.columns(choices, width: width))
            return UInt8(CC_REDISPLAY)
        }
    }

    /// Handles Ctrl-C: shows `^C` at the end of the line, marks the line abandoned and queues
    /// a newline, so libedit finishes the line (moving to a fresh row) as if Enter was pressed.
    fileprivate func interrupt() -> UInt8 {
        interrupted = true
        if let info = el_line(editor), let cursor = info.pointee.cursor, let end = info.pointee.lastchar {
            el_cursor(editor, Int32(end - cursor))
        }
        triage_el_insertstr(editor, "^C")
        el_push(editor, "\n")
        return UInt8(CC_REFRESH)
    }

    /// The reader that owns `editor`, found through libedit's client data.
    fileprivate static func owner(of editor: OpaquePointer?) -> EditLineReader? {
        guard let editor, let data = triage_el_get_clientdata(editor) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    }
}

/// libedit's prompt callback.
private func editLinePrompt(_ editor: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    EditLineReader.owner(of: editor)?.promptForEditor
}

/// libedit's editor function bound to Tab.
private func editLineComplete(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
    EditLineReader.owner(of: editor)?.complete() ?? UInt8(CC_ERROR)
}

/// libedit's editor function bound to Ctrl-C.
private func editLineInterrupt(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
    EditLineReader.owner(of: editor)?.interrupt() ?? UInt8(CC_ERROR)
}
