import Foundation
import Subprocess
import TriageModel

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Runs commands on this machine, as argument vectors and never through a shell.
///
/// Each command runs in a process group of its own, with standard input connected to nothing. When
/// it runs past ``timeout``, or the calling task is cancelled (Ctrl-C in the REPL), the whole group —
/// grandchildren included — gets `SIGTERM`, then `SIGKILL` after ``terminationGrace``. A timeout is a
/// result (`timedOut: true`, with whatever the command printed until then); a cancellation throws
/// `CancellationError`.
///
/// Standard output and standard error are captured separately, each up to ``outputLimit`` bytes.
/// Beyond the limit the rest is read and discarded, so the command never blocks on a full pipe, and
/// the captured text ends with a marker saying how many bytes were dropped. Truncating rather than
/// failing keeps the exit status and the start of the output, which is what a person or a parser
/// looking for a known message needs; the marker makes the loss visible.
public struct LiveRunner: CommandRunner {
    /// How long a command may run before its process group is terminated, unless the invocation
    /// sets its own timeout.
    public var timeout: Duration
    /// How long the process group has to exit after `SIGTERM` before it gets `SIGKILL`.
    public var terminationGrace: Duration
    /// The most bytes kept from each of standard output and standard error.
    public var outputLimit: Int
    /// Environment variables set (or, for a `nil` value, removed) on top of the inherited
    /// environment; `PATH` here also decides where the program is looked up.
    public var environmentOverrides: [String: String?]
    /// The clock that drives the timeout and measures ``CommandResult/duration``.
    public var clock: any Clock<Duration>

    /// The default ``outputLimit``: 16 MiB per stream.
    public static let defaultOutputLimit = 16 * 1024 * 1024

    /// Creates a runner; the defaults suit interactive use against a real cluster.
    public init(
        timeout: Duration = .seconds(30),
        terminationGrace: Duration = .seconds(2),
        outputLimit: Int = LiveRunner.defaultOutputLimit,
        environmentOverrides: [String: String?] = [:],
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        precondition(outputLimit > 0, "the output limit must be positive")
        self.timeout = timeout
        self.terminationGrace = terminationGrace
        self.outputLimit = outputLimit
        self.environmentOverrides = environmentOverrides
        self.clock = clock
    }

    /// Runs `invocation` and waits for it to exit, time out or be cancelled.
    public func run(_ invocation: CommandInvocation) async throws -> CommandResult {
        let executable = try await resolve(invocation.program)
        var outcome: (captured: Captured, timedOut: Bool)?
        let elapsed = try await clock.measure {
            outcome = try await self.runWithTimeout(executable, invocation)
        }
        try Task.checkCancellation()
        let (captured, timedOut) = outcome!
        return CommandResult(
            stdout: captured.stdout,
            stderr: captured.stderr,
            exitStatus: captured.exitStatus,
            duration: Self.seconds(elapsed),
            timedOut: timedOut,
            timeLimit: timedOut ? Self.seconds(limit(of: invocation)) : nil
        )
    }

    private var environment: Environment {
        var overrides: [Environment.Key: String?] = [:]
        // A name the environment cannot hold (empty, or with `=` or NUL in it) is left out.
        for (name, value) in environmentOverrides {
            guard let key = Environment.Key(rawValue: name) else { continue }
            overrides[key] = value
        }
        return Environment.inherit.updating(overrides)
    }

    private var platformOptions: PlatformOptions {
        var options = PlatformOptions()
        // 0: a new group whose id is the child's pid, so signals can reach its descendants too.
        options.processGroupID = 0
        options.teardownSequence = [
            .gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: terminationGrace)
        ]
        return options
    }

    /// Runs the command while a timer runs on ``clock``; on timeout, cancels the command so
    /// Subprocess tears its process group down.
    private func runWithTimeout(
        _ executable: FilePath, _ invocation: CommandInvocation
    ) async throws -> (Captured, Bool) {
        try await withThrowingTaskGroup(of: Outcome.self) { group in
            group.addTask { .finished(try await self.spawn(executable, invocation)) }
            group.addTask {
                try await self.clock.sleep(for: self.limit(of: invocation))
                return .timerFired
            }
            switch try await group.next()! {
            case .finished(let captured):
                group.cancelAll()
                return (captured, false)
            case .timerFired:
                group.cancelAll()
                guard case .finished(let captured) = try await group.next()! else {
                    preconditionFailure("the timer fires only once")
                }
                return (captured, true)
            }
        }
    }

    /// What finished first: the command or its timer.
    private enum Outcome: Sendable {
        case finished(Captured)
        case timerFired
    }

    /// How a spawned process ended and what it printed.
    private struct Captured: Sendable {
        var stdout: String
        var stderr: String
        var exitStatus: Int32
    }

    /// Runs the command in a new process group and reads both output streams to their ends.
    private func spawn(_ executable: FilePath, _ invocation: CommandInvocation) async throws -> Captured {
        let limit = outputLimit
        let result: ExecutionResult<(String, String), SequenceOutput, SequenceOutput>
        do {
            result = try await Subprocess.run(
                .path(executable),
                arguments: Arguments(
                    executablePathOverride: invocation.program,
                    remainingValues: Array(invocation.arguments.dropFirst())
                ),
                environment: environment,
                platformOptions: platformOptions,
                input: .none,
                output: .sequence,
                error: .sequence
            ) { execution in
                async let stdout = Self.collect(execution.standardOutput, limit: limit)
                async let stderr = Self.collect(execution.standardError, limit: limit)
                return try await (stdout, stderr)
            }
        } catch let error as SubprocessError {
            throw ExecutionError.launchFailed(program: invocation.program, reason: error.description)
        }
        let exitStatus: Int32 =
            switch result.terminationStatus {
            case .exited(let code): code
            case .signaled(let signal): 128 + signal
            }
        return Captured(stdout: result.closureResult.0, stderr: result.closureResult.1, exitStatus: exitStatus)
    }

    /// Reads `stream` to its end, keeping the first `limit` bytes and counting the rest.
    private static func collect(_ stream: SubprocessOutputSequence, limit: Int) async throws -> String {
        var kept: [UInt8] = []
        var dropped = 0
        for try await buffer in stream {
            let room = limit - kept.count
            buffer.withUnsafeBytes { bytes in
                kept.append(contentsOf: bytes.prefix(room))
                dropped += max(0, bytes.count - room)
            }
        }
        let text = String(decoding: kept, as: UTF8.self)
        guard dropped > 0 else { return text }
        return text + "\n[triage: output truncated after \(limit) bytes; \(dropped) more bytes were discarded]\n"
    }

    /// The absolute path of `program`: itself when it contains a `/`, else its match on `PATH`.
    /// Throws ``ExecutionError/programNotFound(_:)`` unless `program` is an executable path or is
    /// found on `PATH`, so that a session can say so before it starts.
    public func checkAvailable(_ program: String) async throws {
        _ = try await resolve(program)
    }

    private func resolve(_ program: String) async throws -> FilePath {
        if program.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: program) else {
                throw ExecutionError.programNotFound(program)
            }
            return FilePath(program)
        }
        do {
            return try await Executable.name(program).resolveExecutablePath(in: environment)
        } catch {
            throw ExecutionError.programNotFound(program)
        }
    }

    /// How long `invocation` may run: its own timeout, or the runner's.
    private func limit(of invocation: CommandInvocation) -> Duration {
        invocation.timeout.map(Seconds.duration) ?? timeout
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
