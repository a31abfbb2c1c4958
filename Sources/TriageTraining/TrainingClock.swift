import Foundation

/// Where trainee mode reads the time: when an attempt starts and ends, and the date it is kept
/// under. Injected so tests can control it.
public protocol TrainingClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The system's wall clock.
public struct SystemTrainingClock: TrainingClock {
    public init() {}

    public func now() -> Date { Date() }
}
