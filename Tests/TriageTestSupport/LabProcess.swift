import Foundation
import Synchronization

/// A program the lab starts: spawned with `posix_spawn`, an empty signal mask and default signal
/// actions (a test runner's blocked signals would otherwise survive `exec` and make the child
/// ignore SIGTERM), standard input from a file or /dev/null, and standard output and error
/// written to files, so a daemon never keeps a pipe reader waiting.
///
/// ``stop()`` (also run by `deinit`) sends SIGTERM, waits up to two seconds, then sends SIGKILL
/// and reaps the child, so nothing outlives a failed test.
public final class LabProcess: Sendable {
    /// The child's process id.
    public let pid: pid_t
    /// The file receiving standard output.
    public let standardOutput: URL
    /// The file receiving standard error.
    public let standardError: URL

    private let exitStatus = Mutex<Int32?>(nil)

    /// Starts `arguments` (the program is looked up in `PATH`).
    /// - Parameters:
    ///   - arguments: the program and its arguments; never passed through a shell.
    ///   - directory: where the output files go (the caller removes it).
    ///   - input: a file to read as standard input; /dev/null when absent.
    ///   - environment: the child's whole environment; the runner's when absent.
    public init(_ arguments: [String], outputIn directory: URL, input: URL? = nil, environment: [String: String]? = nil) throws {
        let name = "\(URL(fileURLWithPath: arguments[0]).lastPathComponent)-\(UUID().uuidString.prefix(8))"
        standardOutput = directory.appendingPathComponent("\(name).out")
        standardError = directory.appendingPathComponent("\(name).err")

        let variables = environment ?? ProcessInfo.processInfo.environment
        switch spawnWithCleanSignals(
            arguments, environment: variables.map { "\($0.key)=\($0.value)" }, input: input?.path ?? "/dev/null",
            standardOutput: standardOutput.path, standardError: standardError.path
        ) {
        case .success(let child): pid = child
        case .failure(let failure): throw LabError.spawnFailed(arguments, failure.message)
        }
    }

    deinit {
        stop()
    }

    /// The exit status once the child has ended (128 + the signal number when killed), or nil.
    public var status: Int32? {
        exitStatus.withLock { known in
            if let known { return known }
            var raw: Int32 = 0
            guard waitpid(pid, &raw, WNOHANG) == pid else { return nil }
            let signal = raw & 0x7F
            known = signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
            return known
        }
    }

    /// Waits up to `timeout` for the child to end and returns its status, or nil if it still runs.
    public func wait(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status { return status }
            usleep(10_000)
        }
        return status
    }

    /// Ends the child: SIGTERM, up to two seconds' grace, then SIGKILL. Safe to call more than once.
    public func stop() {
        guard status == nil else { return }
        kill(pid, SIGTERM)
        if wait(timeout: .seconds(2)) != nil { return }
        kill(pid, SIGKILL)
        _ = wait(timeout: .seconds(5))
    }

    /// What the child printed on standard output so far.
    public var output: String { (try? String(contentsOf: standardOutput, encoding: .utf8)) ?? "" }
    /// What the child printed on standard error so far.
    public var errorOutput: String { (try? String(contentsOf: standardError, encoding: .utf8)) ?? "" }
}

/// A short command's result.
public struct LabCommandResult: Sendable {
    /// The exit status (128 + the signal number when killed; 124 when the lab killed it on timeout).
    public var status: Int32
    /// Standard output.
    public var stdout: String
    /// Standard error.
    public var stderr: String
}

extension LabProcess {
    /// Runs `arguments` to the end, killing it after `timeout`, and returns what it printed.
    public static func run(
        _ arguments: [String], in directory: URL, input: String? = nil, environment: [String: String]? = nil,
        timeout: Duration = .seconds(60)
    ) throws -> LabCommandResult {
        var inputFile: URL?
        if let input {
            let file = directory.appendingPathComponent("stdin-\(UUID().uuidString.prefix(8))")
            try Data(input.utf8).write(to: file)
            inputFile = file
        }
        let process = try LabProcess(arguments, outputIn: directory, input: inputFile, environment: environment)
        defer {
            for file in [process.standardOutput, process.standardError] + (inputFile.map { [$0] } ?? []) {
                try? FileManager.default.removeItem(at: file)
            }
        }
        let status = process.wait(timeout: timeout)
        process.stop()
        return LabCommandResult(status: status ?? 124, stdout: process.output, stderr: process.errorOutput)
    }
}

/// Failures of the lab's own machinery (not the faults it makes on purpose).
public enum LabError: Error, CustomStringConvertible {
    /// A program could not be started.
    case spawnFailed([String], String)
    /// A server never became ready; the text says what was awaited and what it printed.
    case notReady(String)
    /// A setup command failed.
    case commandFailed([String], LabCommandResult)
    /// A socket call failed.
    case socket(String)

    /// A sentence for the test log.
    public var description: String {
        switch self {
        case .spawnFailed(let arguments, let reason): "could not start \(arguments.joined(separator: " ")): \(reason)"
        case .notReady(let what): "not ready: \(what)"
        case .commandFailed(let arguments, let result):
            "\(arguments.joined(separator: " ")) exited with \(result.status): \(result.stderr)\(result.stdout)"
        case .socket(let what): "socket: \(what)"
        }
    }
}
