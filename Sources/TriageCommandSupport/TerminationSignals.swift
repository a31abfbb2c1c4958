import Dispatch
import Synchronization
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns SIGTERM, SIGHUP (a closed terminal) and SIGINT into cancelling the running command, so
/// that the commands it started are stopped with it rather than left running.
///
/// Triage runs each command (kubectl, crictl) in a process group of its own, so a signal sent to
/// Triage's group does not reach it; cancelling the task that waits for it does: the live runner
/// then sends the child's whole group SIGTERM, and SIGKILL after a grace period. Once the
/// cancelled command has ended, the process exits with 128 + the signal's number, as if the signal
/// had ended it; if it has not ended within ``deadline``, or a second signal comes, the process
/// exits anyway.
///
/// While the REPL runs, its own Ctrl-C handling (which cancels a command, not the session) takes
/// SIGINT over and gives it back afterwards.
public final class TerminationSignals: Sendable {
    /// The signals caught.
    public static let caught: [Int32] = [SIGTERM, SIGHUP, SIGINT]
    /// How long the cancelled work has to end before the process exits regardless.
    public static let deadline: DispatchTimeInterval = .seconds(3)

    private let received = Atomic<Int32>(0)
    /// Reads the pipe the signal handler writes to; `nil` when no pipe could be made, and signals
    /// keep their default actions.
    nonisolated(unsafe) private let source: (any DispatchSourceRead)?

    /// Starts catching ``caught``; `cancel` is called once, on the first of them.
    public init(cancel: @escaping @Sendable () -> Void) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            source = nil
            return
        }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        let readEnd = ends[0]
        terminationPipeWriteEnd.store(ends[1], ordering: .sequentiallyConsistent)
        let source = DispatchSource.makeReadSource(fileDescriptor: readEnd, queue: DispatchQueue(label: "triage.termination"))
        self.source = source
        source.setEventHandler { [weak self] in
            guard let self else { return }
            var byte: UInt8 = 0
            guard read(readEnd, &byte, 1) == 1 else { return }
            let signal = Int32(byte)
            guard self.received.compareExchange(expected: 0, desired: signal, ordering: .sequentiallyConsistent).exchanged else {
                exit(128 + signal)  // a second signal: the user will not wait
            }
            cancel()
            DispatchQueue.global().asyncAfter(deadline: .now() + Self.deadline) { exit(128 + signal) }
        }
        source.resume()
        for signal in Self.caught {
            var handler = sigaction()
            #if os(Linux)
                handler.__sigaction_handler.sa_handler = noteTermination
            #else
                handler.__sigaction_u.__sa_handler = noteTermination
            #endif
            sigemptyset(&handler.sa_mask)
            handler.sa_flags = SA_RESTART
            sigaction(signal, &handler, nil)
        }
    }

    /// The signal that arrived, if one did.
    public var signal: Int32? {
        let signal = received.load(ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : signal
    }
}

/// The write end of the pipe the handler writes the signal's number to, or -1.
private let terminationPipeWriteEnd = Atomic<Int32>(-1)

/// The signal handler: only async-signal-safe calls.
private func noteTermination(_ signalNumber: Int32) {
    let fd = terminationPipeWriteEnd.load(ordering: .sequentiallyConsistent)
    guard fd >= 0 else { return }
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: signalNumber)
    _ = write(fd, &byte, 1)
    errno = savedErrno
}
