import Synchronization

/// A clock on which every sleep ends at once, moving the clock's time forward to the deadline.
///
/// Runners given this clock time out immediately and report durations that are exactly the time
/// they slept, so tests can check timeouts and measured durations without waiting.
public final class ImmediateClock: Clock, Sendable {
    /// A point on this clock: the time slept since the clock was created.
    public struct Instant: InstantProtocol {
        /// How far this instant is from the clock's start.
        public var offset: Duration

        /// This instant moved by `duration`.
        public func advanced(by duration: Duration) -> Instant {
            Instant(offset: offset + duration)
        }

        /// The time from this instant to `other`.
        public func duration(to other: Instant) -> Duration {
            other.offset - offset
        }

        /// Whether `lhs` comes before `rhs`.
        public static func < (lhs: Instant, rhs: Instant) -> Bool {
            lhs.offset < rhs.offset
        }
    }

    private let current = Mutex(Instant(offset: .zero))

    /// A clock at offset zero.
    public init() {}

    /// The current time: the latest deadline slept until.
    public var now: Instant { current.withLock { $0 } }

    /// Any duration can be represented.
    public var minimumResolution: Duration { .zero }

    /// Moves the clock forward to `deadline` and returns at once.
    /// - Throws: `CancellationError` when the calling task is cancelled.
    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        try Task.checkCancellation()
        current.withLock { $0 = max($0, deadline) }
    }
}
