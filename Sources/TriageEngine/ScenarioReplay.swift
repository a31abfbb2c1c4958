import TriageModel

/// Replays a scenario without a person and checks it reaches the ending it expects.
public struct ScenarioReplay: Sendable {
    /// What the replay reached, against what the scenario expects.
    public struct Report: Sendable {
        /// The scenario replayed.
        public var scenario: Scenario
        /// The session as the replay left it; nil when it could not start.
        public var session: Session?
        /// How the driver stopped; nil when the session could not start.
        public var outcome: DriveOutcome?
        /// Why the replay could not finish (bad inputs, a command with no recording).
        public var failure: String?

        /// The terminal node reached, if any.
        public var ending: String? {
            if case .concluded = outcome { return session?.currentID }
            return nil
        }

        /// The diagnosis cause reached, if any.
        public var cause: String? {
            if case .concluded(let diagnosis) = outcome { return diagnosis.cause }
            return nil
        }

        /// Whether the ending, cause and (when pinned) path are what the scenario expects.
        public var passed: Bool {
            let expected = scenario.expectation
            guard failure == nil, let session, ending == expected.ending else { return false }
            if let cause = expected.cause, cause != self.cause { return false }
            if let path = expected.path, path != session.path { return false }
            return unvisitedRequirement == nil
        }

        /// A step the scenario requires that its replayed path does not pass through.
        var unvisitedRequirement: String? {
            guard let path = session?.path else { return nil }
            return scenario.required.first { !path.contains($0) }
        }

        /// Why it did not pass, in a sentence; nil when it passed.
        public var mismatch: String? {
            if passed { return nil }
            if let failure { return failure }
            let expected = scenario.expectation
            switch outcome {
            case .stopped(let node, let reason)?:
                return "stopped at '\(node)' instead of reaching '\(expected.ending)': \(reason)"
            case .concluded?:
                if ending != expected.ending {
                    return "ended at '\(ending ?? "?")' (\(cause ?? "no cause")) but expects '\(expected.ending)'\(expected.cause.map { " (\($0))" } ?? "")"
                }
                if let wanted = expected.cause, wanted != cause {
                    return "ended with cause '\(cause ?? "none")' but expects '\(wanted)'"
                }
                if let step = unvisitedRequirement, expected.path.map({ $0 == session?.path }) ?? true {
                    return "requires the step '\(step)', but its path \(session?.path.joined(separator: " → ") ?? "") does not pass through it"
                }
                let path = session?.path.joined(separator: " → ") ?? ""
                return "took the path \(path) but expects \(expected.path?.joined(separator: " → ") ?? "")"
            case nil:
                return "did not run"
            }
        }
    }

    /// The parsers the replayed runbooks may name.
    public var parsers: ParserCatalog

    /// Creates a `ScenarioReplay` from its fields.
    public init(parsers: ParserCatalog) {
        self.parsers = parsers
    }

    /// Replays `scenario` through `runbook`: every output from its recordings, every answer from
    /// its answers, nothing executed.
    public func replay(_ scenario: Scenario, runbook: Runbook) async -> Report {
        var report = Report(scenario: scenario)
        var session: Session
        do {
            session = try Session(runbook: runbook, inputs: scenario.inputs, settings: .replay(of: scenario))
        } catch {
            report.failure = "has inputs that do not fit runbook '\(runbook.id)': \(error.description)"
            return report
        }
        do {
            report.outcome = try await SessionDriver.replaying(scenario, parsers: parsers).drive(&session)
        } catch {
            report.failure = "at step '\(session.currentID)': \(error.localizedDescription)"
        }
        report.session = session
        return report
    }
}
