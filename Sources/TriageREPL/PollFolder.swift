import Synchronization

/// Folds a run of polls that saw the same thing into one line, so that a replayed watch with
/// dozens of identical recordings reads as "the same for N polls over T s", then the change.
struct PollFolder: Sendable {
    /// A poll and what it saw, in the words its line shows.
    struct Seen: Sendable {
        var attempt: Int
        var text: String
    }

    /// What to show: a poll's own line, or a run of polls that repeated the one before them.
    enum Line: Equatable, Sendable {
        case poll(attempt: Int, text: String)
        case repeated(from: Int, through: Int, since: Int, text: String)
    }

    private var shown: Seen?
    private var repeats: Seen?

    /// The lines `poll` adds: none while it repeats what the last shown poll saw; otherwise the
    /// run it ends, if any, and its own line.
    mutating func add(_ poll: Seen) -> [Line] {
        if let shown, shown.text == poll.text {
            repeats = poll
            return []
        }
        let lines = flush() + [.poll(attempt: poll.attempt, text: poll.text)]
        shown = poll
        return lines
    }

    /// The run of repeats not shown yet, when the watch ends.
    mutating func flush() -> [Line] {
        guard let shown, let last = repeats else { return [] }
        repeats = nil
        return [.repeated(from: shown.attempt + 1, through: last.attempt, since: shown.attempt, text: shown.text)]
    }
}

/// A `PollFolder` that a watch's callback and its caller share.
final class SharedPollFolder: Sendable {
    private let folder = Mutex(PollFolder())

    /// See `PollFolder.add(_:)`.
    func add(_ poll: PollFolder.Seen) -> [PollFolder.Line] { folder.withLock { $0.add(poll) } }

    /// See `PollFolder.flush()`.
    func flush() -> [PollFolder.Line] { folder.withLock { $0.flush() } }
}
