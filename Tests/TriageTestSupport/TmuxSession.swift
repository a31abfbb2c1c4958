import Foundation
import Synchronization

/// A program running in a real terminal: a private tmux server (its own socket, no user
/// configuration) with one detached window (120×40 unless the caller chooses), for end-to-end
/// tests of interactive code.
///
/// Each session gets a temporary directory used as `HOME`, with `XDG_STATE_HOME` inside it,
/// and runs with `TERM=xterm-256color`, `TRIAGE_NO_EDITRC=1`, `LANG=C.UTF-8` and the caller's
/// `PATH`. The pane stays on screen after the program exits so its last output can be read
/// and its exit status checked. ``close()`` (also run by `deinit`) kills the tmux server and
/// everything in it and deletes the temporary directory, so nothing outlives a failed test.
public final class TmuxSession: Sendable {
    /// The window's width in columns.
    public let columns: Int
    /// The window's height in rows.
    public let rows: Int

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
    ///   - columns: the window's width; the program learns it from its terminal, as it would
    ///     from a real one (no `COLUMNS` is set).
    ///   - rows: the window's height.
    /// - Throws: ``TmuxError`` when tmux cannot start the session.
    public init(
        command: [String], environment: [String: String] = [:], workingDirectory: URL? = nil,
        columns: Int = 120, rows: Int = 40
    ) throws {
        self.columns = columns
        self.rows = rows
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
        set -g history-limit 100000
        set -g status off
        set -g set-clipboard on
        set -g allow-rename on

        """.write(to: configuration, atomically: true, encoding: .utf8)
        do {
            try tmux(
                [
                    "-f", configuration.path, "new-session", "-d", "-s", "test",
                    "-x", "\(columns)", "-y", "\(rows)",
                    "-c", (workingDirectory ?? home).path,
                ] + command)
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

    /// The visible screen, one line per row, colours and trailing spaces stripped.
    public func capturePane() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "test"])
    }

    /// The pane's title, as an OSC 0 or OSC 2 sequence written to the terminal sets it.
    public func paneTitle() throws -> String {
        try tmux(["display-message", "-p", "-t", "test", "#{pane_title}"]).trimmingCharacters(in: .newlines)
    }

    /// The samples of tmux's paste buffers: an OSC 52 clipboard write adds one.
    public func pasteBuffers() throws -> [String] {
        try tmux(["list-buffers", "-F", "#{buffer_sample}"]).split(separator: "\n").map(String.init)
    }

    /// Everything shown since the program started (scrollback and screen), colours and
    /// trailing spaces stripped. Unlike the screen it only grows, so counting in it is reliable.
    public func transcript() throws -> String {
        try tmux(["capture-pane", "-p", "-S", "-", "-t", "test"])
    }

    /// Like ``transcript()``, with each line the program wrote whole again: a line tmux wrapped
    /// because it was wider than the window comes back as one line, longer than ``columns``.
    public func unwrappedTranscript() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", "test"])
    }

    /// Polls the ``transcript()`` until `predicate` holds, and returns that transcript. Its
    /// last non-empty line is the line the cursor is on.
    /// - Throws: ``TmuxError/timedOut(waitingFor:screen:)`` with the last screen on timeout.
    @discardableResult
    public func waitUntil(
        _ description: String,
        timeout: Duration = .seconds(15),
        _ predicate: (String) -> Bool
    ) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var text = try transcript()
        while !predicate(text) {
            guard ContinuousClock.now < deadline else {
                throw TmuxError.timedOut(waitingFor: description, screen: (try? capturePane()) ?? text)
            }
            try await Task.sleep(for: .milliseconds(50))
            text = try transcript()
        }
        return text
    }

    /// Polls the ``transcript()`` until it contains `text` at least `count` times, and returns
    /// that transcript.
    @discardableResult
    public func waitFor(_ text: String, count: Int = 1, timeout: Duration = .seconds(15)) async throws -> String {
        try await waitUntil("\(count)× \"\(text)\"", timeout: timeout) {
            $0.components(separatedBy: text).count - 1 >= count
        }
    }

    /// Waits for the program to exit and returns its exit status (128 + the signal number when
    /// a signal killed it).
    public func waitForExit(timeout: Duration = .seconds(15)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            // tmux marks the pane dead when its terminal closes and learns the status when it
            // reaps the process on SIGCHLD. That SIGCHLD can be lost: tmux runs libutempter's
            // helper with SIGCHLD set to SIG_DFL when a pane closes. A SIGCHLD sent to the
            // server makes it reap the pane's process.
            let state = try tmux(["display-message", "-p", "-t", "test", "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}:#{pid}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)
                .split(separator: ":", omittingEmptySubsequences: false)
            if state.count == 4, state[0] == "1" {
                if let status = Int32(state[1]) { return status }
                if let signal = Int32(state[2]) { return 128 + signal }
                if let server = pid_t(state[3]) { kill(server, SIGCHLD) }
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
    ///
    /// tmux is started with `posix_spawn`, an empty signal mask and default signal actions:
    /// test runners (libdispatch threads) block most signals, a blocked mask survives `exec`,
    /// and a tmux server started with SIGCHLD and friends blocked hangs. Output goes through
    /// files rather than pipes, so a daemonising server cannot keep a reader waiting.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let directory = home.deletingLastPathComponent()
        let name = UUID().uuidString
        let outputFile = directory.appendingPathComponent("out-\(name)")
        let errorFile = directory.appendingPathComponent("err-\(name)")
        defer {
            unlink(outputFile.path)
            unlink(errorFile.path)
        }
        let status = try spawnAndWait(
            ["tmux", "-L", socketName] + arguments,
            environment: environment.map { "\($0.key)=\($0.value)" },
            standardOutput: outputFile.path,
            standardError: errorFile.path
        )
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let message = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            throw TmuxError.commandFailed(arguments: arguments, status: status, message: message)
        }
        return output
    }
}

/// Runs `arguments` (the program is looked up in `PATH`) with a clean signal state, standard
/// input from /dev/null and standard output and error written to the given files; returns
/// the exit status (128 + the signal number when killed by a signal).
private func spawnAndWait(
    _ arguments: [String], environment: [String], standardOutput: String, standardError: String
) throws -> Int32 {
    let pid: pid_t
    switch spawnWithCleanSignals(arguments, environment: environment, input: "/dev/null", standardOutput: standardOutput, standardError: standardError) {
    case .success(let child): pid = child
    case .failure(let failure): throw TmuxError.commandFailed(arguments: arguments, status: -1, message: failure.message)
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
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
