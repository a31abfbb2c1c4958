import Foundation

/// Triage's per-user state directory: `$XDG_STATE_HOME/triage/`, or `~/.local/state/triage/`
/// when `XDG_STATE_HOME` is unset, empty or relative (as the XDG spec requires).
public struct StateDirectory: Sendable, Equatable {
    /// The directory itself.
    public let url: URL

    /// The REPL's history file, `<state>/history`.
    public var historyFile: URL { url.appendingPathComponent("history") }

    /// Resolves the directory and creates it (and missing parents) with mode 0700.
    /// - Parameter environment: where `XDG_STATE_HOME` and `HOME` are read; the process
    ///   environment by default (without `HOME`, the user's home directory is used).
    /// - Throws: ``TerminalError/cannotCreateDirectory(path:reason:)``.
    public static func prepare(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(TerminalError) -> StateDirectory {
        let directory = StateDirectory(url: location(environment: environment))
        try PrivateFiles.createDirectory(directory.url)
        return directory
    }

    /// Where the directory is for `environment`, without touching the file system.
    public static func location(environment: [String: String]) -> URL {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state, isDirectory: true).appendingPathComponent("triage", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/state/triage", isDirectory: true)
    }
}
