import Foundation
import TriageEngine
import TriageModel

/// What a live or proposed session leaves behind for a recording.
public struct RecordedSession: Sendable {
    public var runbook: Runbook
    public var inputs: [String: String]
    /// Every command run, undecorated (record outside `ClusterScopedRunner`), with its output.
    public var recordings: [Scenario.Recording]
    /// Answers to questions, by node id.
    public var answers: [String: String]
    /// Every node visited, the ending last.
    public var path: [String]
    /// The diagnosis cause at the ending.
    public var cause: String
    /// Whether the session made Triage's own network checks (it was not `--offline`).
    public var online: Bool

    public init(
        runbook: Runbook, inputs: [String: String], recordings: [Scenario.Recording], answers: [String: String], path: [String], cause: String,
        online: Bool = false
    ) {
        self.online = online
        self.runbook = runbook
        self.inputs = inputs
        self.recordings = recordings
        self.answers = answers
        self.path = path
        self.cause = cause
    }
}

/// Turns a finished session into a scenario file: secrets removed (see `RecordingRedactor`), names
/// optionally anonymised (see `Anonymizer`), checked by replaying it to the same ending, and
/// written atomically, so a failed recording leaves no file, or the previous one, behind.
public struct ScenarioRecorder: Sendable {
    /// Rename account ids, private registry hosts and node names.
    public var anonymize: Bool
    /// When the recording was made, for its description.
    public var date: Date

    public init(anonymize: Bool, date: Date) {
        self.anonymize = anonymize
        self.date = date
    }

    /// The scenario `session` becomes, with the id `id`, verified by a replay.
    public func scenario(from session: RecordedSession, id: String) async throws(RecordingError) -> Scenario {
        if let problem = ValueFormat.dns1123Label.problem(with: id) {
            throw .badName(id, problem)
        }
        guard let ending = session.path.last, session.runbook.node(ending)?.isTerminal == true else {
            throw .unfinished(session.path.last ?? session.runbook.start)
        }
        let raw = makeScenario(session, id: id, recordings: session.recordings)
        let replayer = ScenarioReplay(parsers: .standard)
        let learnt = await replayer.replay(raw, runbook: session.runbook)
        guard learnt.passed else { throw .doesNotReplay(learnt.mismatch ?? "it does not reach its ending") }

        let anonymizer = anonymize ? Self.anonymizer(facts: learnt.session?.facts ?? [:]) : nil
        let rename: (String) -> String = { text in anonymizer?.apply(text) ?? text }
        let redactor = RecordingRedactor(recordings: session.recordings, rename: rename)
        var scenario = makeScenario(session, id: id, recordings: session.recordings.map(redactor.redact))
        scenario.inputs = scenario.inputs.mapValues(redactor.text)
        scenario.answers = scenario.answers.mapValues(redactor.text)
        let check = await replayer.replay(scenario, runbook: session.runbook)
        guard check.passed else { throw .doesNotReplay("after removing secrets\(anonymize ? " and anonymising" : ""): \(check.mismatch ?? "")") }
        return scenario
    }

    /// Records `session` into the file at `path` (its name, less `.yaml`, is the scenario id).
    @discardableResult
    public func record(_ session: RecordedSession, to path: String) async throws(RecordingError) -> Scenario {
        let url = URL(fileURLWithPath: path)
        let id = url.deletingPathExtension().lastPathComponent
        let scenario = try await scenario(from: session, id: id)
        do {
            try AtomicFile.write(ScenarioYAML.text(scenario), to: url)
        } catch {
            throw .cannotWrite(path, error.localizedDescription)
        }
        return scenario
    }

    private func makeScenario(_ session: RecordedSession, id: String, recordings: [Scenario.Recording]) -> Scenario {
        let day = date.formatted(.iso8601.year().month().day())
        let ending = session.path.last ?? ""
        let pod = session.inputs["pod"] ?? "a pod"
        return Scenario(
            id: id, runbook: session.runbook.id, title: "Recorded session for \(pod)", difficulty: .intermediate,
            teaches: "Recorded with triage run on \(day); it ended at \(ending) (\(session.cause)). Describe what it teaches here.\n",
            inputs: session.inputs, recordings: recordings, answers: session.answers,
            expectation: Scenario.Expectation(ending: ending, cause: session.cause, path: session.path), online: session.online
        )
    }

    /// Renames the private registries and nodes that the replay learnt about.
    static func anonymizer(facts: Facts) -> Anonymizer {
        let images = facts["images"]?.values ?? []
        let registries =
            images.compactMap { image -> String? in
                let first = image.split(separator: "/").first.map(String.init) ?? ""
                return image.contains("/") && (first.contains(".") || first.contains(":")) ? first : nil
            } + (facts["registry"]?.values ?? []) + (facts["secret_registries"]?.values ?? [])
        return Anonymizer(registries: registries, nodes: facts["node"]?.values ?? [])
    }
}

/// Why a session could not be recorded.
public enum RecordingError: Error, LocalizedError, Equatable {
    case badName(String, String)
    case unfinished(String)
    case doesNotReplay(String)
    case cannotWrite(String, String)

    public var errorDescription: String? {
        switch self {
        case .badName(let id, let problem):
            "the scenario file must be named after its id, lower-case words joined by '-' (like my-incident.yaml), but '\(id)' \(problem)"
        case .unfinished(let node):
            "the session stopped at '\(node)' before a diagnosis, so there is no ending to record; nothing was written"
        case .doesNotReplay(let reason):
            "the recording would not replay to the same ending (\(reason)); nothing was written"
        case .cannotWrite(let path, let reason):
            "could not write the scenario to \(path): \(reason)"
        }
    }
}
