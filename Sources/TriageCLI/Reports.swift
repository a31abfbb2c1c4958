import Foundation
import TriageEngine
import TriageJSON
import TriageModel

/// The JSON a session prints for scripts (``document``). Field names are part of Triage's
/// interface: keep them.
struct SessionReport {
    struct CommandRecord {
        var command: [String]
        var location: String
        var exitStatus: Int32
        var timedOut: Bool
        var duration: Double
    }

    struct DiagnosisRecord {
        struct Step {
            var text: String
            var command: [String]?
            var mutates: Bool?
        }

        var cause: String
        var summary: String
        var evidence: String?
        var explanation: String
        /// The fix in one line, the headline of its steps.
        var remedy: String?
        var fix: [Step]
        var verify: Step?
    }

    var runbook: String
    var scenario: String?
    var inputs: [String: String]
    var path: [String]
    var facts: Facts
    var cause: String?
    /// `cause-found`, `nothing-wrong` or `could-not-look`, when a diagnosis was reached.
    var outcome: String?
    var ending: String?
    var diagnosis: DiagnosisRecord?
    var stoppedAt: String?
    var reason: String?
    var commands: [CommandRecord]
    var expectedCause: String?
    var expectedEnding: String?
    var passed: Bool?

    init(session: Session, outcome: DriveOutcome?, failure: String? = nil) {
        runbook = session.runbook.id
        inputs = session.inputs
        path = session.path
        facts = session.facts
        commands = session.steps.compactMap { step in
            guard let invocation = step.invocation, let result = step.result else { return nil }
            return CommandRecord(
                command: invocation.arguments, location: invocation.location.rawValue, exitStatus: result.exitStatus, timedOut: result.timedOut,
                duration: result.duration)
        }
        reason = failure
        switch outcome {
        case .concluded(let diagnosis)?:
            cause = diagnosis.cause
            self.outcome = diagnosis.outcome.rawValue
            ending = session.currentID
            self.diagnosis = DiagnosisRecord(diagnosis, in: session)
        case .stopped(let node, let why)?:
            stoppedAt = node
            reason = why
        case nil:
            stoppedAt = session.currentID
        }
    }

    /// A report of a session that never started.
    private init(runbook: String, inputs: [String: String]) {
        self.runbook = runbook
        self.inputs = inputs
        path = []
        facts = [:]
        commands = []
    }

    init(replay: ScenarioReplay.Report) {
        if let session = replay.session {
            self.init(session: session, outcome: replay.outcome, failure: replay.failure)
        } else {
            self.init(runbook: replay.scenario.runbook, inputs: replay.scenario.inputs)
        }
        scenario = replay.scenario.id
        expectedCause = replay.scenario.expectation.cause
        expectedEnding = replay.scenario.expectation.ending
        passed = replay.passed
        if !replay.passed { reason = replay.mismatch }
    }
}

extension SessionReport {
    /// The report for people: the path, the diagnosis with its fix steps, or where and why the
    /// session stopped.
    var text: String {
        var text = "path: \(path.joined(separator: " → "))\n"
        if let diagnosis {
            text += "cause: \(diagnosis.cause)\n"
            if let outcome, outcome != DiagnosisOutcome.causeFound.rawValue { text += "outcome: \(outcome)\n" }
            text += "\(diagnosis.summary)\n"
            if let evidence = diagnosis.evidence { text += "evidence: \(evidence)\n" }
            if let remedy = diagnosis.remedy { text += "fix: \(remedy)\n" }
            for (index, step) in diagnosis.fix.enumerated() {
                text += "fix \(index + 1): \(step.text)\n"
                if let command = step.command { text += "   $ \(CommandInvocation(arguments: command))\n" }
            }
        }
        if let stoppedAt { text += "stopped at: \(stoppedAt)\n" }
        if let reason { text += "reason: \(reason)\n" }
        return text
    }
}

extension SessionReport {
    /// The report as the JSON document `-o json` and `-o yaml` print, a field with no value left
    /// out. Built field by field rather than through `Encodable`, which cost more than twice the
    /// instructions: `JSONEncoder`'s generic containers are instantiated at run time, and in the
    /// static binary each instantiation scans the binary's protocol conformances.
    var document: JSONValue {
        JSONValue.members([
            ("runbook", .string(runbook)),
            ("scenario", scenario.map(JSONValue.string)),
            ("inputs", .object(inputs.map { ($0.key, .string($0.value)) })),
            ("path", .strings(path)),
            ("facts", .object(facts.map { ($0.key, $0.value.document) })),
            ("cause", cause.map(JSONValue.string)),
            ("outcome", outcome.map(JSONValue.string)),
            ("ending", ending.map(JSONValue.string)),
            ("diagnosis", diagnosis?.document),
            ("stopped_at", stoppedAt.map(JSONValue.string)),
            ("reason", reason.map(JSONValue.string)),
            ("commands", .array(commands.map(\.document))),
            ("expected_cause", expectedCause.map(JSONValue.string)),
            ("expected_ending", expectedEnding.map(JSONValue.string)),
            ("passed", passed.map(JSONValue.bool)),
        ])
    }
}

extension SessionReport.CommandRecord {
    var document: JSONValue {
        .object([
            ("command", .strings(command)), ("location", .string(location)), ("exit_status", .number(String(exitStatus))),
            ("timed_out", .bool(timedOut)), ("duration", JSONValue(duration)),
        ])
    }
}

extension SessionReport.DiagnosisRecord {
    var document: JSONValue {
        JSONValue.members([
            ("cause", .string(cause)), ("summary", .string(summary)), ("evidence", evidence.map(JSONValue.string)),
            ("explanation", .string(explanation)), ("remedy", remedy.map(JSONValue.string)), ("fix", .array(fix.map(\.document))),
            ("verify", verify?.document),
        ])
    }
}

extension SessionReport.DiagnosisRecord.Step {
    var document: JSONValue {
        JSONValue.members([("text", .string(text)), ("command", command.map(JSONValue.strings)), ("mutates", mutates.map(JSONValue.bool))])
    }
}

extension Fact {
    /// The fact as a session report writes it: its values, and its evidence when it has some.
    var document: JSONValue {
        JSONValue.members([
            ("values", .strings(values)),
            (
                "evidence",
                evidence.map { evidence in
                    JSONValue.members([
                        ("line", .number(String(evidence.line))), ("text", .string(evidence.text)), ("node", evidence.node.map(JSONValue.string)),
                    ])
                }
            ),
        ])
    }
}

extension JSONValue {
    /// An object of the members that have a value.
    fileprivate static func members(_ members: [(String, JSONValue?)]) -> JSONValue {
        .object(members.compactMap { key, value in value.map { (key, $0) } })
    }

    fileprivate static func strings(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }
}

extension SessionReport.DiagnosisRecord {
    init(_ diagnosis: Diagnosis, in session: Session) {
        func step(_ resolved: Session.ResolvedStep) -> Step {
            Step(text: resolved.text, command: resolved.invocation?.arguments, mutates: resolved.invocation?.mutates)
        }
        cause = diagnosis.cause
        summary = session.render(diagnosis.summary)
        evidence = session.evidence(of: diagnosis)
        explanation = session.render(diagnosis.explanation)
        remedy = session.remedy(of: diagnosis)
        fix = session.fixSteps(of: diagnosis).map(step)
        verify = diagnosis.verify.map { step(session.resolve($0)) }
    }
}

/// What `triage run --pod P -o json` prints when no runbook's `selects:` holds for the pod.
struct SelectionReport: Encodable {
    var pod: String
    var namespace: String
    /// The pod's phase and each container's state.
    var state: String
    /// Why no runbook was started.
    var verdict: String
    /// The command to read next.
    var next: [String]
    /// The runbooks that declare `selects:`, none of which holds.
    var runbooks: [String]
}
