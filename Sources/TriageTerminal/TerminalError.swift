import Foundation

/// Failures while preparing the terminal side of Triage.
public enum TerminalError: LocalizedError, Equatable, Sendable {
    /// A private directory (state directory, history file's parent) could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// The history file could not be created or opened.
    case cannotOpenHistory(path: String, reason: String)
    /// libedit could not set up a line editor on this terminal.
    case lineEditorUnavailable
    /// Ctrl-C handling could not be set up.
    case cannotMonitorInterrupts(reason: String)
    /// A transcript or recording target that Triage will not write: a link, a device, a pipe.
    case unsafeOutputFile(path: String, reason: String)

    /// A sentence for the user.
    public var errorDescription: String? {
        switch self {
        case .cannotCreateDirectory(let path, let reason):
            "Cannot create directory \(path): \(reason)."
        case .cannotOpenHistory(let path, let reason):
            "Cannot open history file \(path): \(reason)."
        case .lineEditorUnavailable:
            "Cannot start the line editor on this terminal."
        case .cannotMonitorInterrupts(let reason):
            "Cannot handle Ctrl-C: \(reason)."
        case .unsafeOutputFile(let path, let reason):
            "Will not write \(path): it \(reason)."
        }
    }

    /// The text of the current `errno`.
    static func describeErrno() -> String {
        String(cString: strerror(errno))
    }
}
