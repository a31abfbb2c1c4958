import TriageExecution
import TriageModel
import TriageSecrets

/// Runs a verification again and again until its condition holds or its time is up: Step 5's
/// "watch the pod recover", without a `kubectl get -w` that never ends.
public struct Watcher: Sendable {
    /// One run of the watched command.
    public struct Poll: Sendable {
        /// The 1-based number of the poll.
        public var attempt: Int
        /// The result, secrets masked.
        public var result: CommandResult
        /// The facts this poll's output gave.
        public var facts: Facts
        /// Whether the condition held.
        public var holds: Bool
    }

    /// How the watch ended.
    public enum Outcome: Sendable {
        /// The condition held at this poll.
        case satisfied(Poll)
        /// Time ran out; the last poll says what was seen instead.
        case gaveUp(Poll)
    }

    /// Runs the watched command.
    public var runner: any CommandRunner
    /// The parsers that read each poll's output.
    public var parsers: ParserCatalog
    /// Waits between polls; replay passes one that returns at once.
    public var pause: @Sendable (Double) async throws -> Void

    /// Creates a `Watcher` from its fields.
    public init(runner: any CommandRunner, parsers: ParserCatalog, pause: @escaping @Sendable (Double) async throws -> Void) {
        self.runner = runner
        self.parsers = parsers
        self.pause = pause
    }

    /// Polls `invocation` every `watch.every` seconds, at most `watch.within / watch.every + 1`
    /// times, reading each output with the watch's parser on top of `facts`.
    public func watch(_ invocation: CommandInvocation, _ watch: Watch, facts: Facts, node: String, onPoll: @Sendable (Poll) -> Void = { _ in }) async throws
        -> Outcome
    {
        let attempts = Seconds.count(watch.within, every: watch.every) + 1
        var attempt = 1
        while true {
            if attempt > 1 { try await pause(watch.every) }
            let raw = try await runner.run(invocation)
            let result = SecretMasker.keepingRegistryHosts.mask(raw, of: invocation.arguments)
            var found: Facts = [CommandFacts.exitStatus: Fact(String(result.exitStatus))]
            if let name = watch.parser, let parser = parsers.parser(name) {
                found.merge(parser.facts(from: result, context: ParserContext(node: node, facts: facts))) { _, new in new }
            }
            let holds = watch.until.evaluate(facts.merging(found) { _, new in new }).holds
            let poll = Poll(attempt: attempt, result: SecretMasker.standard.shown(raw, of: invocation.arguments), facts: found, holds: holds)
            onPoll(poll)
            if holds { return .satisfied(poll) }
            if attempt >= attempts { return .gaveUp(poll) }
            attempt += 1
        }
    }
}
