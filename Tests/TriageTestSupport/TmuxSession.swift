import Foundation
import Synchronization

/// A program running in a real terminal: a private tmux server (its own socket, no user
/// configuration) with one detached 120×40 window, for end-to-end tests of interactive code.
///
/// Each session gets a temporary directory used as `HOME`, with `XDG_STATE_HOME` inside it,
/// and runs with `TERM=xterm-256color`, `TRIAGE_NO_EDITRC=1`, `LANG=C.UTF-8` and the caller's
/// `PATH`. The pane stays on screen after the program exits so its last output can be read
/// and its exit status checked. ``close()`` (also run by `deinit`) kills the tmux server and
/// everything in it and deletes the temporary directory, so nothing outlives a failed test.
public final class TmuxSession: Sendable {
    /// The window's size.
    public static let columns = 120
    /// The window's size.
    public static let rows = 40

    /// The temporary directory the program sees as `HOME`.
    public let home: URL
    /// The program's `XDG_STATE_HOME` (`<home>/state` unless the caller chose another).
    public let stateHome: URL
    /// The tmux socket name (`tmux -L`), unique to this session.
    public let socketName: String

    private let environment: [String: String]
    private let closed = Mutex(false)

    /// Starts `command` (program and arguments, run without a shell) in a new tmux server.
    /// - Parameters:
    ///   - command: the program to run and its arguments.
    ///   - environment: extra variables, overriding the defaults (for example `XDG_STATE_HOME`
    ///     to share state between sessions).
    ///   - workingDirectory: the program's working directory; the temporary home by default.
    /// - Throws: ``TmuxError`` when tmux cannot start the session.
    public init(command: [String], environment: [String: String] = [:], workingDirectory: URL? = nil) throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("triage-tmux-\(UUID().uuidString.prefix(8))", isDirectory: true)
        home = base.appendingPathComponent("home", isDirectory: true)
        socketName = "triage-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        var variables = [
            "HOME": home.path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "TERM": "xterm-256color",
            "TRIAGE_NO_EDITRC": "1",
            "LANG": "C.UTF-8",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            // tmux puts its sockets here, so removing the directory removes them too.
            "TMUX_TMPDIR": base.path,
        ]
        variables.merge(environment) { _, chosen in chosen }
        self.environment = variables
        stateHome = URL(fileURLWithPath: variables["XDG_STATE_HOME"] ?? home.path, isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let configuration = base.appendingPathComponent("tmux.conf")
        try """
            set -g default-terminal xterm-256color
            set -g remain-on-exit on
            set -g history-limit 0
            set -g status off

            """.write(to: configuration, atomically: true, encoding: .utf8)
        do {
            try tmux(["-f", configuration.path, "new-session", "-d", "-s", "test",
                      "-x", "\(Self.columns)", "-y", "\(Self.rows)",
                      "-c", (workingDirectory ?? home).path] + command)
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Presses keys, named as tmux names them: `"Enter"`, `"Up"`, `"Tab"`, `"C-c"`, `"C-d"`,
    /// or plain text.
    public func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "test"] + keys)
    }

    /// Types `text` literally (no key-name lookup).
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "test", "-l", text])
    }

    /// The visible screen, one line per row, colours stripped.
    public func capturePane() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "test"])
    }

    /// Polls the screen until `predicate` holds, and returns that screen.
    /// - Throws: ``TmuxError/timedOut(waitingFor:screen:)`` with the last screen on timeout.
    @discardableResult
    public func waitUntil(
        _ description: String,
        timeout: Duration = .seconds(15),
        _ predicate: (String) -> Bool
    ) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = try capturePane()
        while !predicate(screen) {
            guard ContinuousClock.now < deadline else {
                throw TmuxError.timedOut(waitingFor: description, screen: screen)
            }
            try await Task.sleep(for: .milliseconds(50))
            screen = try capturePane()
        }
        return screen
    }

    /// Polls the screen until it contains `text` (or contains it `count` times), and returns
    /// that screen.
    @discardableResult
    public func waitFor(_ text: String, count: Int = 1, timeout: Duration = .seconds(15)) async throws -> String {
        try await waitUntil("\(count)× \"\(text)\"", timeout: timeout) {
            $0.components(separatedBy: text).count - 1 >= count
        }
    }

    /// Waits for the program to exit and returns its exit status.
    public func waitForExit(timeout: Duration = .seconds(15)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            let state = try tmux(["display-message", "-p", "-t", "test", "#{pane_dead} #{pane_dead_status}"])
                .split(separator: " ")
            if state.first == "1", let status = state.last.flatMap({ Int32($0) }) {
                return status
            }
            guard ContinuousClock.now < deadline else {
                throw TmuxError.timedOut(waitingFor: "program exit", screen: (try? capturePane()) ?? "")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Kills the tmux server with everything running in it and deletes the temporary
    /// directory. Safe to call more than once.
    public func close() {
        let alreadyClosed = closed.withLock { isClosed in
            defer { isClosed = true }
            return isClosed
        }
        guard !alreadyClosed else { return }
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: home.deletingLastPathComponent())
    }

    /// Whether this session's tmux server is still running.
    public var isServerRunning: Bool {
        (try? tmux(["has-session", "-t", "test"])) != nil
    }

    /// Runs `tmux -L <socket> <arguments>` and returns its standard output.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socketName] + arguments
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TmuxError.commandFailed(arguments: arguments, status: process.terminationStatus, message: errorText)
        }
        return text
    }
}

/// Failures of ``TmuxSession``.
public enum TmuxError: LocalizedError {
    /// A tmux command exited with a non-zero status.
    case commandFailed(arguments: [String], status: Int32, message: String)
    /// The screen never showed what was awaited; `screen` is the last capture.
    case timedOut(waitingFor: String, screen: String)

    /// A sentence for the test log, with the screen when waiting timed out.
    public var errorDescription: String? {
        switch self {
        case .commandFailed(let arguments, let status, let message):
            "tmux \(arguments.joined(separator: " ")) exited with \(status): \(message)"
        case .timedOut(let awaited, let screen):
            "Timed out waiting for \(awaited). Screen:\n\(screen)"
        }
    }
}
