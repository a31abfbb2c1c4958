import Foundation
import Testing
import TriageTerminal

/// Sends the process a SIGINT, as Ctrl-C in a terminal would.
private func pressCtrlC() {
    kill(getpid(), SIGINT)
}

@Suite("Interrupt monitor", .serialized, .timeLimit(.minutes(1)))
struct InterruptMonitorTests {
    @Test func ctrlCRunsTheRegisteredActionInsteadOfEndingTheProcess() async throws {
        let monitor = try InterruptMonitor()
        defer { monitor.stop() }
        let (interrupts, continuation) = AsyncStream<Void>.makeStream()
        #expect(monitor.setAction { continuation.yield() } == nil)
        pressCtrlC()
        var iterator = interrupts.makeAsyncIterator()
        let interrupt: Void? = await iterator.next()
        #expect(interrupt != nil)
        #expect(monitor.setAction(nil) != nil)
    }

    @Test func ctrlCCancelsTheRunningCommandOnly() async throws {
        let monitor = try InterruptMonitor()
        defer { monitor.stop() }
        let (started, continuation) = AsyncStream<Void>.makeStream()
        let presser = Task {
            var iterator = started.makeAsyncIterator()
            _ = await iterator.next()
            pressCtrlC()
        }
        await #expect(throws: CancellationError.self) {
            try await monitor.runCancellable {
                continuation.yield()
                try await Task.sleep(for: .seconds(120))
            }
        }
        await presser.value
        #expect(monitor.setAction(nil) == nil, "the command's action is removed when it ends")
        #expect(try await monitor.runCancellable { 42 } == 42, "the session goes on")
    }

    @Test func onlyOneMonitorRunsAtATime() throws {
        let monitor = try InterruptMonitor()
        #expect(throws: TerminalError.self) { try InterruptMonitor() }
        monitor.stop()
        try InterruptMonitor().stop()
    }
}
