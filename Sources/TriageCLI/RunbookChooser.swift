import ArgumentParser
import TriageCommandSupport
import TriageEngine
import TriageExecution
import TriageKubernetes
import TriageModel
import TriageREPL
import TriageRunbooks
import TriageTerminal

/// How `triage run` comes to a pod and a runbook: the pod picker over the pods some runbook
/// selects (when no pod is named), then one reading of the pod to choose the runbook whose
/// `selects:` holds (when none is named). Every kubectl failure ends the command with status 2
/// and kubectl's own words; a pod no runbook covers ends it with its state and the next command.
struct RunbookChooser {
    /// The runbooks to choose among (one, when the command names it).
    let selector: RunbookSelector
    /// The session's runner: live, or proposing to a person who pastes.
    let runner: any CommandRunner
    /// How a pod no runbook covers is reported.
    let output: OutputFormat

    /// The runbook a session starts with, and its pod in `inputs`: `named`, or the runbook of the
    /// pod the person picks when no pod is named (`interactive`), or the one whose `selects:`
    /// holds for the pod named.
    func choose(
        _ named: Runbook?, in library: Library, inputs: inout [String: String], namespace: String, interactive: Interactive?, checkingNamespace: Bool
    ) async throws -> Runbook {
        var chosen = named
        if inputs["pod"] == nil, let interactive {
            let candidate = try await pick(in: namespace, interactive: interactive, checkingNamespace: checkingNamespace)
            inputs["pod"] = candidate.pod
            chosen = chosen ?? library.runbook(candidate.runbook)
        }
        if chosen == nil, let pod = inputs["pod"] {
            chosen = try await select(pod: pod, namespace: namespace) { note in
                interactive.map { $0.console.line(note) } ?? StandardStreams.writeError(note + "\n")
            }
        }
        guard let chosen else { throw ValidationError("name a runbook or a pod (--pod)") }
        return chosen
    }

    /// The pod the person picks among the pods of `namespace` some runbook applies to, and that
    /// runbook's id. `checkingNamespace` (live mode) allows one more command to tell an empty
    /// namespace from a missing one.
    private func pick(in namespace: String, interactive: Interactive, checkingNamespace: Bool) async throws -> PodPicker.Candidate {
        let candidates = try await candidates(in: namespace, checkingNamespace: checkingNamespace)
        let picker = PodPicker(input: interactive.input, console: interactive.console, styler: Styler(capabilities: interactive.terminal))
        guard let candidate = picker.choose(from: candidates, namespace: namespace) else {
            throw (candidates.isEmpty ? ExitStatus.nothingWrong : .stoppedBeforeDiagnosis).exitCode
        }
        return candidate
    }

    /// Reads `pod` once and returns the first runbook whose `selects:` holds, saying so through
    /// `note`. When none does, prints the pod's state and what to read next, and ends the
    /// command: status 1 for a pod that runs as declared, 3 for a state no runbook covers.
    private func select(pod: String, namespace: String, note: (String) -> Void) async throws -> Runbook {
        let result = try await read(PodReading.command(pod: pod, namespace: namespace), what: "pod \(pod) in namespace \(namespace)")
        guard let choice = selector.choose(podJSON: result.stdout) else {
            throw CommandFailure("kubectl's answer for pod \(pod) in namespace \(namespace) is not a pod", status: .couldNotLook)
        }
        if let first = choice.runbooks.first {
            let others = choice.runbooks.dropFirst().map(\.id)
            note("Pod \(pod): \(choice.state). Runbook: \(first.id)\(others.isEmpty ? "" : " (also applies: \(others.joined(separator: ", ")))").")
            return first
        }
        let next = RunbookSelector.nextCommand(pod: pod, namespace: namespace)
        let covered = selector.runbooks.map(\.id)
        let verdict =
            choice.isHealthy
            ? "It runs as declared: nothing for a runbook to do."
            : "No runbook covers this state (\(covered.isEmpty ? "no runbook declares 'selects:'" : "runbooks that choose pods: " + covered.joined(separator: ", ")))."
        if output.isStructured {
            let report = SelectionReport(pod: pod, namespace: namespace, state: choice.state, verdict: verdict, next: next.arguments, runbooks: covered)
            try StructuredOutput.print(report, as: output)
        } else {
            StandardStreams.write("Pod \(pod) in namespace \(namespace): \(choice.state).\n\(verdict)\nRead next: \(next)\n")
        }
        throw (choice.isHealthy ? ExitStatus.nothingWrong : .stoppedBeforeDiagnosis).exitCode
    }

    /// The pods of `namespace` some runbook applies to. A listing kubectl could not make is an
    /// error with kubectl's own message, never an empty list; pods in trouble that no runbook
    /// covers are named with their state.
    private func candidates(in namespace: String, checkingNamespace: Bool) async throws -> [PodPicker.Candidate] {
        let result = try await read(PodReading.listCommand(namespace: namespace), what: "the pods in namespace \(namespace)")
        let choices: [RunbookSelector.Choice]
        do throws(KubernetesError) {
            choices = try selector.choose(podListJSON: result.stdout)
        } catch {
            throw CommandFailure("cannot read the pods in namespace \(namespace): \(error.localizedDescription)", status: .couldNotLook)
        }
        let pods = PodPicker.Candidate.from(choices)
        let uncovered = choices.filter { $0.runbooks.isEmpty && !$0.isHealthy }
        if pods.isEmpty, let first = uncovered.first {
            let list = uncovered.map { "  \($0.pod): \($0.state)\n" }.joined()
            let next = RunbookSelector.nextCommand(pod: first.pod, namespace: namespace)
            throw CommandFailure(
                "no runbook covers the state of these pods in namespace \(namespace):\n\(list)read next: \(next)", status: .stoppedBeforeDiagnosis)
        }
        if pods.isEmpty && checkingNamespace { try await requireNamespace(namespace) }
        return pods
    }

    /// kubectl lists no pods, and exits 0, for a namespace that does not exist: before saying
    /// that nothing fails there, make sure the namespace is real.
    private func requireNamespace(_ namespace: String) async throws {
        guard let result = try? await runner.run(SessionRunners.namespaceLookup(namespace)), !result.succeeded,
            result.stderr.contains("NotFound")
        else { return }
        throw CommandFailure("namespace \(namespace) cannot be read: \(result.failureSummary)", status: .couldNotLook)
    }

    /// What kubectl printed for `invocation`; a command that could not run or failed ends the
    /// command with status 2 and kubectl's own message.
    private func read(_ invocation: CommandInvocation, what: String) async throws -> CommandResult {
        let result: CommandResult
        do {
            result = try await runner.run(invocation)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw CommandFailure("cannot read \(what): \(error.localizedDescription)", status: .couldNotLook)
        }
        guard result.succeeded else {
            let longer = result.timedOut ? " (--timeout SECONDS waits longer)" : ""
            throw CommandFailure("kubectl could not read \(what): \(result.failureSummary)\(longer)", status: .couldNotLook)
        }
        return result
    }
}
