/// The roles text can play in Triage's output; each maps to one ANSI SGR style.
public enum Style: Sendable, CaseIterable {
    /// Section titles: bold.
    case heading
    /// The REPL prompt: bold cyan.
    case prompt
    /// A command the user could type or that Triage runs: cyan.
    case command
    /// The part of a command's output that supports a finding: bold yellow.
    case evidence
    /// Failures: bold red.
    case error
    /// Things to look at: yellow.
    case warning
    /// Things that went well: green.
    case success
    /// Secondary detail: faint.
    case dim

    /// The SGR parameters that select this style.
    var sgrParameters: String {
        switch self {
        case .heading: "1"
        case .prompt: "1;36"
        case .command: "36"
        case .evidence: "1;33"
        case .error: "1;31"
        case .warning: "33"
        case .success: "32"
        case .dim: "2"
        }
    }
}

/// Wraps text in ANSI SGR sequences for a ``Style`` when colour is on, and returns it
/// unchanged when colour is off.
public struct Styler: Sendable, Equatable {
    /// Whether styling emits escape sequences.
    public let isEnabled: Bool

    /// Creates a styler that colours only when `enabled` is true.
    public init(enabled: Bool) {
        isEnabled = enabled
    }

    /// Creates a styler that colours when the terminal supports colour.
    public init(capabilities: TerminalCapabilities) {
        self.init(enabled: capabilities.supportsColor)
    }

    /// Returns `text` styled for `style`, or `text` itself when colour is off or `text` is empty.
    public func apply(_ style: Style, to text: String) -> String {
        guard isEnabled, !text.isEmpty else { return text }
        return "\u{1B}[\(style.sgrParameters)m\(text)\u{1B}[0m"
    }
}
