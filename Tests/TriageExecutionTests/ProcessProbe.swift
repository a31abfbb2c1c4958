import Foundation
import Testing
import TriageModel

/// Temp files and process checks for the tests that run real processes.
enum ProcessProbe {
    /// A fresh path in a new temporary directory; the caller removes the directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("triage-exec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The pid a script wrote to `file`, waiting up to `seconds` for it to appear.
    static func waitForPid(in file: URL, seconds: Double = 5) async throws -> pid_t? {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8),
                let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return pid
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Whether `pid` is a running process: `kill(pid, 0)` succeeds and it is not a zombie waiting
    /// for a parent (this container's init may not reap orphans).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let afterName = stat.range(of: ") ", options: .backwards)
        else { return false }
        return stat[afterName.upperBound...].first != "Z"
    }

    /// Whether `pid` is gone within `seconds` (signal delivery is asynchronous).
    static func dies(_ pid: pid_t, within seconds: Double = 3) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if !isAlive(pid) { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        if isAlive(pid) { kill(pid, SIGKILL) }  // never leave a process behind, even on failure
        return false
    }
}

/// A `/bin/sh` script that prints `started`, starts a `sleep 60` grandchild in the background,
/// writes the grandchild's pid to a temporary file and waits for it.
final class GrandchildScript {
    /// The command to run.
    let invocation: CommandInvocation
    private let directory: URL
    private let pidFile: URL

    /// A script whose shell first runs `prelude` (e.g. a `trap`).
    init(prelude: String = "") throws {
        directory = try ProcessProbe.temporaryDirectory()
        pidFile = directory.appendingPathComponent("grandchild.pid")
        invocation = CommandInvocation(
            arguments: ["/bin/sh", "-c", "\(prelude)sleep 60 & echo $! > '\(pidFile.path)'; echo started; wait"],
            location: .local
        )
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The grandchild's pid, once the script has written it.
    func grandchild() async throws -> pid_t {
        try #require(try await ProcessProbe.waitForPid(in: pidFile))
    }
}
