import TriageCommandSupport
import Foundation
import Synchronization
import TriageScan
import TriageTerminal

/// A one-line progress indicator on standard error for `triage scan`: shown only on a terminal,
/// only once reading has taken longer than a moment, and erased when the scan ends.
final class ScanProgress: Sendable {
    private struct State {
        var text = "starting"
        var shown = false
        var lastDraw: ContinuousClock.Instant?
    }

    private let enabled: Bool
    private let start = ContinuousClock.now
    private let delay: Duration = .milliseconds(300)
    private let state = Mutex(State())

    /// An indicator that draws only when standard error is a terminal.
    init() {
        enabled = isatty(STDERR_FILENO) == 1
    }

    /// Records what the scan is doing, drawing it when due.
    func update(_ stage: ClusterScan.Stage) {
        update(Self.describe(stage))
    }

    /// Records what the scan is doing, drawing it when due (at most ten times a second).
    func update(_ text: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let line: String? = state.withLock { state in
            state.text = text
            guard now - start >= delay, state.lastDraw.map({ now - $0 >= .milliseconds(100) }) ?? true else { return nil }
            state.lastDraw = now
            state.shown = true
            return Self.line(state.text, elapsed: now - start)
        }
        if let line {
            StandardStreams.writeErrorControl(ScreenControl.eraseLine)
            StandardStreams.writeError(line)
        }
    }

    /// Redraws the current text with the elapsed time, for waits with no news (kubectl running).
    func tick() {
        update(state.withLock { $0.text })
    }

    /// Erases the line, if it was drawn.
    func finish() {
        guard enabled, state.withLock({ $0.shown }) else { return }
        StandardStreams.writeErrorControl(ScreenControl.eraseLine)
    }

    /// Redraws every 100 ms until the returned task is cancelled.
    func ticking() -> Task<Void, Never> {
        Task { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                tick()
            }
        }
    }

    private static func line(_ text: String, elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return String(format: "triage scan: %@ (%.1f s)", text, seconds)
    }

    private static func describe(_ stage: ClusterScan.Stage) -> String {
        switch stage {
        case .listingPods: "waiting for kubectl get pods"
        case .listingNamespaces(let done, let total): "listing pods namespace by namespace, \(done)/\(total)"
        case .reading(let pods, let bytes): reading(pods: pods, bytes: bytes)
        case .readingEvents(let pods): "reading events of \(pods) pods whose status names no cause"
        }
    }

    /// "reading: N pods, M MB".
    static func reading(pods: Int, bytes: Int) -> String {
        String(format: "reading: %d pods, %.1f MB", pods, Double(bytes) / 1e6)
    }
}
