import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns Ctrl-C (SIGINT) into "cancel the running command" instead of "end the session".
///
/// While a monitor exists, SIGINT no longer terminates the process: its default action is
/// replaced by `SIG_IGN` and a dispatch signal source calls the action registered for the
/// command that is running, if any. With no action registered, Ctrl-C does nothing (at a
/// libedit prompt it never becomes a signal: ``EditLineReader`` handles it as a key).
/// Create one monitor per process, when the REPL starts.
public final class InterruptMonitor: Sendable {
    private let action = Mutex<(@Sendable () -> Void)?>(nil)
    nonisolated(unsafe) private let source: any DispatchSourceSignal

    /// Starts catching SIGINT.
    public init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "triage.interrupt"))
        source.setEventHandler { [weak self] in
            self?.action.withLock { $0 }?()
        }
        source.resume()
    }

    deinit {
        stop()
    }

    /// Stops catching SIGINT and gives it back its default action (terminate the process).
    public func stop() {
        guard !source.isCancelled else { return }
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }

    /// Sets what Ctrl-C does from now on: `action`, or nothing when nil. Returns the action it
    /// replaces so a caller can put it back.
    @discardableResult
    public func setAction(_ action: (@Sendable () -> Void)?) -> (@Sendable () -> Void)? {
        self.action.withLock { current in
            let previous = current
            current = action
            return previous
        }
    }

    /// Runs `operation` in a new task that Ctrl-C cancels, and returns its result. Cancelling
    /// the calling task cancels it too. The previous Ctrl-C action is restored afterwards.
    /// - Throws: whatever `operation` throws, typically `CancellationError` after Ctrl-C.
    public func runCancellable<T: Sendable>(
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let task = Task { try await operation() }
        let previous = setAction { task.cancel() }
        defer { setAction(previous) }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }
}
