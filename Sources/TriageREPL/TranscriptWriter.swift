import Foundation
import TriageEngine
import TriageModel
import TriageTerminal

/// Writes a session as Markdown while it happens: every entry reaches the file before the next
/// step starts, so a crash or Ctrl-C loses nothing.
public final class TranscriptWriter {
    public let path: String
    private let handle: FileHandle
    /// Set after the first failed write, so a full disk is reported once.
    private var failed = false

    /// Creates (or empties) the file at `path`, readable by its owner only, and writes the heading.
    /// A symbolic link, a device or a pipe at `path` is refused (see ``PrivateFile``).
    public init(path: String, runbook: Runbook, inputs: [String: String], mode: String, date: Date = Date()) throws {
        let fd = try PrivateFile.openForWriting(path)
        self.path = path
        self.handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var heading = "# Triage transcript: \(runbook.title)\n\n"
        heading += "- runbook: `\(runbook.id)`\n- mode: \(mode)\n- started: \(ISO8601DateFormatter().string(from: date))\n"
        for name in inputs.keys.sorted() { heading += "- \(name): `\(inputs[name]!)`\n" }
        append(heading)
    }

    /// Records that the session arrived at `node`.
    public func arrived(at node: Node, stepCount: Int?) {
        let step = node.step.map { "Step \($0)\(stepCount.map { "/\($0)" } ?? ""): " } ?? ""
        append("\n## \(step)\(node.title) (`\(node.id)`)\n")
    }

    /// Records a command and what it printed.
    public func ran(_ invocation: CommandInvocation, result: CommandResult, mode: String) {
        var text = "\n\(mode):\n\n" + Self.fenced("$ \(invocation)", language: "console")
        let status =
            result.timedOut
            ? "timed out after \(Self.seconds(result.timeLimit ?? result.duration))"
            : "exit status \(result.exitStatus), \(Self.seconds(result.duration))"
        text += "\nOutput (\(status)):\n\n" + Self.fenced(result.combinedOutput.isEmpty ? "(no output)" : result.combinedOutput)
        append(text)
    }

    /// Records a question and its answer.
    public func answered(_ question: Question, with answer: String) {
        append("\nQuestion: \(question.prompt)\n\nAnswer: **\(answer)**\n")
    }

    /// Records the facts a step found and where the session went next.
    public func moved(_ transition: Transition, newFacts: Facts) {
        var text = ""
        if !newFacts.isEmpty {
            text += "\nFacts:\n\n"
            for name in newFacts.keys.sorted() {
                let fact = newFacts[name]!
                let line = fact.evidence.map { " (line \($0.line))" } ?? ""
                text += "- `\(name)` = `\(fact.values.joined(separator: ", "))`\(line)\n"
            }
        }
        text += "\nNext: `\(transition.to)`, because \(REPLText.reason(transition.reason)).\n"
        append(text)
    }

    /// Records a step skipped or undone.
    public func note(_ text: String) {
        append("\n_\(text)_\n")
    }

    /// Records the diagnosis and the path that led to it.
    public func concluded(_ diagnosis: Diagnosis, session: Session) {
        var text = "\n## Diagnosis: \(diagnosis.cause)\n\n\(session.render(diagnosis.summary))\n"
        if let evidence = session.evidence(of: diagnosis) {
            text += "\nEvidence:\n\n" + Self.fenced(evidence)
        }
        let explanation = session.render(diagnosis.explanation)
        if !explanation.isEmpty { text += "\n\(explanation)\n" }
        let steps = session.fixSteps(of: diagnosis)
        let remedy = session.remedy(of: diagnosis)
        if !steps.isEmpty || remedy != nil {
            text += "\nFix:\n\n"
            if let remedy { text += "\(remedy)\n\n" }
            for (index, step) in steps.enumerated() {
                text += "\(index + 1). \(step.text)\n"
                if let invocation = step.invocation {
                    text += "\n   ```console\n   $ \(invocation)\n   ```\n"
                }
            }
        }
        text += "\nPath: " + session.path.map { "`\($0)`" }.joined(separator: " → ") + "\n"
        append(text)
    }

    /// Writes the steps `session` has already taken, for a transcript started mid-session.
    public func replay(_ session: Session, mode: String) {
        let stepCount = session.runbook.stepCount
        for step in session.steps {
            guard let node = session.runbook.node(step.node) else { continue }
            arrived(at: node, stepCount: stepCount)
            if let invocation = step.invocation, let result = step.result { ran(invocation, result: result, mode: mode) }
            if let answer = step.answer, let question = node.question { answered(question, with: answer) }
            moved(step.transition, newFacts: step.newFacts)
        }
        arrived(at: session.current, stepCount: stepCount)
        if let diagnosis = session.current.diagnosis { concluded(diagnosis, session: session) }
    }

    private func append(_ text: String) {
        guard !failed else { return }
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try? handle.synchronize()
        } catch {
            failed = true
            let message = "triage: the transcript \(path) could not be written (\(error.localizedDescription)); it stops here.\n"
            try? FileHandle.standardError.write(contentsOf: Data(VisibleText.escapingControls(message).utf8))
        }
    }

    /// `text` in a code fence longer than any run of backticks inside it.
    static func fenced(_ text: String, language: String = "") -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return "\(fence)\(language)\n\(text.hasSuffix("\n") ? text : text + "\n")\(fence)\n"
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.2f s", value)
    }
}
