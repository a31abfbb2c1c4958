import Dispatch
import Synchronization
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns Ctrl-C (SIGINT) into "cancel the running command" instead of "end the session".
///
/// While a monitor runs, SIGINT no longer terminates the process: a signal handler writes a
/// byte to a private pipe, and a dispatch source reading that pipe calls the action
/// registered for the command that is running, if any. With no action registered, Ctrl-C
/// does nothing (at a libedit prompt it never becomes a signal: ``EditLineReader`` handles it
/// as a key). Because the disposition is a handler rather than `SIG_IGN`, child processes
/// get the default SIGINT action back when they start.
///
/// (A dispatch signal source with `SIG_IGN` is not used: on Linux, libdispatch reads signals
/// through `signalfd`, and the kernel discards a signal whose disposition is `SIG_IGN` before
/// `signalfd` sees it.)
///
/// One monitor runs per process; create it when the REPL starts.
public final class InterruptMonitor: Sendable {
    private let action = Mutex<(@Sendable () -> Void)?>(nil)
    private let previousDisposition: sigaction
    nonisolated(unsafe) private let source: any DispatchSourceRead

    /// Starts catching SIGINT.
    /// - Throws: ``TerminalError/cannotMonitorInterrupts(reason:)`` when another monitor is
    ///   running or the pipe cannot be created.
    public init() throws(TerminalError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw .cannotMonitorInterrupts(reason: TerminalError.describeErrno())
        }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        guard interruptPipeWriteEnd.compareExchange(expected: -1, desired: writeEnd, ordering: .sequentiallyConsistent).exchanged else {
            close(readEnd)
            close(writeEnd)
            throw .cannotMonitorInterrupts(reason: "another interrupt monitor is running")
        }
        source = DispatchSource.makeReadSource(fileDescriptor: readEnd, queue: DispatchQueue(label: "triage.interrupt"))
        var handler = sigaction()
        handler.handler = noteInterrupt
        sigemptyset(&handler.sa_mask)
        handler.sa_flags = SA_RESTART
        var previous = sigaction()
        sigaction(SIGINT, &handler, &previous)
        previousDisposition = previous
        source.setEventHandler { [weak self] in
            var buffer = [UInt8](repeating: 0, count: 64)
            guard read(readEnd, &buffer, buffer.count) > 0 else { return }
            self?.action.withLock { $0 }?()
        }
        source.setCancelHandler {
            close(readEnd)
            close(writeEnd)
        }
        source.resume()
    }

    deinit {
        stop()
    }

    /// Stops catching SIGINT and gives it back the action it had before the monitor started.
    public func stop() {
        guard !source.isCancelled else { return }
        var previous = previousDisposition
        sigaction(SIGINT, &previous, nil)
        interruptPipeWriteEnd.store(-1, ordering: .sequentiallyConsistent)
        source.cancel()
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

/// The write end of the running monitor's pipe, or -1; an atomic so the signal handler can
/// read it without locking.
private let interruptPipeWriteEnd = Atomic<Int32>(-1)

/// SIGINT handler: wakes the monitor's dispatch source. Only async-signal-safe calls.
private func noteInterrupt(_ signalNumber: Int32) {
    let fd = interruptPipeWriteEnd.load(ordering: .sequentiallyConsistent)
    guard fd >= 0 else { return }
    let savedErrno = errno
    var byte: UInt8 = 1
    _ = write(fd, &byte, 1)
    errno = savedErrno
}
