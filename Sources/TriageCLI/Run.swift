import ArgumentParser
import Foundation
import TriageCommandSupport
import TriageDiagnosis
import TriageEngine
import TriageExecution
import TriageKubernetes
import TriageModel
import TriageREPL
import TriageRunbooks
import TriageTerminal
import TriageTraining

extension TriageCommand {
    /// `triage run`: walk a runbook against a real cluster, live or by proposing commands.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk a runbook for a pod: live against the cluster, or proposing each command for you to run.",
            discussion: """
                Live mode runs read-only kubectl commands here (each with a timeout) and proposes commands that must run \
                on the node. Commands that change the cluster always ask first, and --read-only refuses them.
                """
        )

        @Argument(help: "The runbook id (see 'triage list'); without one, the pod is read once and the runbook whose 'selects:' holds for it is chosen.", completion: Completions.runbooks)
        var runbook: String?

        @Option(help: "The pod that will not start.", completion: Completions.pods)
        var pod: String?

        @Option(help: "The container to look at, when the pod has several.")
        var container: String?

        @OptionGroup var cluster: ClusterOptions

        @Option(name: .customLong("set"), help: ArgumentHelp("Another input of the runbook, as NAME=VALUE.", valueName: "name=value"))
        var extraInputs: [String] = []

        @Flag(help: "Run nothing: show each command, you run it elsewhere and paste the output, ending with a line '.' or Ctrl-D.")
        var propose = false

        @Flag(help: "Triage runs on the node itself: run node-side commands (crictl, docker) here instead of proposing them.")
        var onNode = false

        @Flag(help: "Refuse every command that changes the cluster.")
        var readOnly = false

        @Flag(help: "Make no network access of Triage's own (the registry check); for air-gapped use.")
        var offline = false

        @Flag(help: "Follow the tree alone: run read-only cluster commands, stop at the first step that needs a person.")
        var noInput = false

        @Option(help: ArgumentHelp("Seconds before a live command is stopped.", valueName: "seconds"))
        var timeout: Double = 30

        @Option(help: ArgumentHelp("Write the session to this Markdown file as it happens.", valueName: "file"), completion: .file())
        var transcript: String?

        @Option(help: ArgumentHelp("Save the session as a scenario in this file, named after its id (secrets removed; what the registry check answered is kept, so replays never reach the network).", valueName: "file"), completion: .file())
        var record: String?

        @Flag(help: "With --record, replace AWS account ids, private registry hosts and node names, consistently.")
        var anonymize = false

        @OptionGroup var library: LibraryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if anonymize && record == nil { throw ValidationError("--anonymize changes what --record writes; give --record FILE too") }
            if let pod, let problem = ValueFormat.dns1123Subdomain.problem(with: pod) {
                throw ValidationError("--pod '\(pod)' \(problem); a pod name is \(ValueFormat.dns1123Subdomain.expectation)")
            }
            if let namespace = cluster.namespace, let problem = ValueFormat.dns1123Label.problem(with: namespace) {
                throw ValidationError("--namespace '\(namespace)' \(problem); a namespace is \(ValueFormat.dns1123Label.expectation)")
            }
            if let container, let problem = ValueFormat.dns1123Label.problem(with: container) {
                throw ValidationError("--container '\(container)' \(problem); a container name is \(ValueFormat.dns1123Label.expectation)")
            }
            if propose && noInput {
                throw ValidationError("--propose needs a person to paste outputs, so it cannot go with --no-input")
            }
            if pod == nil && noInput {
                throw ValidationError("--no-input needs --pod: without it Triage lists the pods a runbook covers and asks which one")
            }
            if output.output.isStructured && !noInput {
                throw ValidationError("-o \(output.output.rawValue) needs --no-input: an interactive session prints for people")
            }
            _ = try SecondsOption.duration(timeout, option: "--timeout")
            for (option, path) in [("--record", record), ("--transcript", transcript)] {
                if let path, let problem = PrivateFile.problem(with: path) { throw ValidationError("\(option) \(path) \(problem)") }
            }
            _ = try inputs()
        }

        /// The runbook inputs the flags give.
        func inputs() throws -> [String: String] {
            var inputs: [String: String] = [:]
            for pair in extraInputs {
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                    throw ValidationError("--set '\(pair)' must be NAME=VALUE")
                }
                inputs[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            inputs["pod"] = pod ?? inputs["pod"]
            inputs["namespace"] = cluster.namespace ?? inputs["namespace"]
            inputs["container"] = container ?? inputs["container"]
            return inputs
        }

        func run() async throws {
            let workspace = Workspace(library)
            let library = workspace.loadLibrary()
            var chosen: Runbook?
            if let id = runbook {
                guard let found = library.runbook(id) else {
                    let ids = library.runbooks.map(\.id).joined(separator: ", ")
                    throw CommandFailure("no runbook '\(id)'; available: \(ids.isEmpty ? "none found in \(workspace.searched)" : ids)", status: .usage)
                }
                chosen = found
            }
            let kubectl = try KubectlOptions(context: cluster.context, kubeconfig: cluster.kubeconfig)
            let interactive = noInput ? nil : Interactive(terminal: output.terminal)
            let live = LiveRunner(timeout: try SecondsOption.duration(timeout, option: "--timeout"))
            if !propose {
                do {
                    try await live.checkAvailable("kubectl")
                } catch {
                    throw CommandFailure(error.localizedDescription, status: .couldNotLook)
                }
            }
            let proposer = interactive.map { interactive -> ProposeRunner in
                let console = interactive.console
                return ProposeRunner(paste: interactive.input, write: { console.write($0) })
            }
            let here: any CommandRunner = (propose ? proposer : nil) ?? live
            let onTheNode: any CommandRunner = (onNode ? nil : proposer) ?? live
            let routed = RoutingRunner(cluster: here, node: onTheNode, local: SelfInvokingRunner(base: live))
            // Interactive sessions are guarded by the REPL, which asks before each change; an
            // unattended one by the guard's unattended policy, which asks nobody.
            let runner = ClusterScopedRunner(
                base: interactive == nil ? GuardedRunner(base: routed, policy: readOnly ? .readOnly : .unattended) : routed,
                options: kubectl
            )
            let recorder = record.map { _ in RecordingRunner(base: runner) }
            var given = try inputs()
            if given["namespace"] == nil, !propose, let namespace = await Self.contextNamespace(kubectl) {
                given["namespace"] = namespace
            }
            let namespace = given["namespace"] ?? chosen?.input("namespace")?.defaultValue ?? "default"
            let selector = RunbookSelector(runbooks: chosen.map { [$0] } ?? library.runbooks)
            if given["pod"] == nil, let interactive {
                let candidates = try await Self.candidates(in: namespace, selector: selector, runner: runner, checkingNamespace: !propose)
                let picker = PodPicker(input: interactive.input, console: interactive.console, styler: Styler(capabilities: interactive.terminal))
                guard let candidate = picker.choose(from: candidates, namespace: namespace) else {
                    throw (candidates.isEmpty ? ExitStatus.nothingWrong : .stoppedBeforeDiagnosis).exitCode
                }
                given["pod"] = candidate.pod
                chosen = chosen ?? library.runbook(candidate.runbook)
            }
            if chosen == nil, let pod = given["pod"] {
                chosen = try await select(pod: pod, namespace: namespace, selector: selector, runner: runner, console: interactive?.console)
            }
            guard let runbook = chosen else { throw ValidationError("name a runbook or a pod (--pod)") }
            let session: Session
            do {
                session = try Session(runbook: runbook, inputs: given, settings: Session.Settings(mode: propose ? "propose" : "live", offline: offline))
            } catch {
                throw ValidationError(error.description)
            }
            guard let interactive else {
                var session = session
                let driver = SessionDriver(runner: recorder ?? runner, parsers: .standard, answers: nil, policy: DrivePolicy(runsNodeCommands: onNode))
                let outcome: DriveOutcome
                do {
                    outcome = try await driver.drive(&session)
                } catch {
                    // The runner could not run a command at all: nothing was asked.
                    try report(SessionReport(session: session, outcome: .stopped(node: session.currentID, reason: error.localizedDescription)))
                    throw ExitStatus.couldNotLook.exitCode
                }
                try report(SessionReport(session: session, outcome: outcome))
                guard case .concluded(let diagnosis) = outcome else { throw ExitStatus.stoppedBeforeDiagnosis.exitCode }
                if let recorder {
                    try await save(recorder, session: session, answers: session.answers, path: session.path, cause: diagnosis.cause)
                }
                try Self.end(with: diagnosis)
                return
            }
            let outcome = try await interactive.run(session, runner: recorder ?? runner, mode: propose ? .propose : .live, transcriptPath: transcript, readOnly: readOnly)
            guard let diagnosis = outcome.diagnosis else { throw ExitStatus.stoppedBeforeDiagnosis.exitCode }
            if let recorder {
                try await save(recorder, session: session, answers: outcome.answers, path: outcome.path, cause: diagnosis.cause)
            }
            try Self.end(with: diagnosis)
        }

        /// Reads `pod` once and returns the first runbook whose `selects:` holds. When none does,
        /// says what the pod's state is and what to read next, and ends the command: status 1
        /// for a pod that runs as declared, 3 for a state no runbook covers.
        private func select(pod: String, namespace: String, selector: RunbookSelector, runner: any CommandRunner, console: (any Console)?) async throws -> Runbook {
            let result = try await Self.read(PodReading.command(pod: pod, namespace: namespace), what: "pod \(pod) in namespace \(namespace)", runner: runner)
            guard let choice = selector.choose(podJSON: result.stdout) else {
                throw CommandFailure("kubectl's answer for pod \(pod) in namespace \(namespace) is not a pod", status: .couldNotLook)
            }
            let note = { (text: String) in console.map { $0.line(text) } ?? StandardStreams.writeError(text + "\n") }
            if let first = choice.runbooks.first {
                let others = choice.runbooks.dropFirst().map(\.id)
                note("Pod \(pod): \(choice.state). Runbook: \(first.id)\(others.isEmpty ? "" : " (also applies: \(others.joined(separator: ", ")))").")
                return first
            }
            let status: ExitStatus = choice.isHealthy ? .nothingWrong : .stoppedBeforeDiagnosis
            let next = RunbookSelector.nextCommand(pod: pod, namespace: namespace)
            let covered = selector.runbooks.map(\.id)
            let verdict = choice.isHealthy ? "It runs as declared: nothing for a runbook to do." : "No runbook covers this state (\(covered.isEmpty ? "no runbook declares 'selects:'" : "runbooks that choose pods: " + covered.joined(separator: ", ")))."
            if output.output.isStructured {
                let report = SelectionReport(pod: pod, namespace: namespace, state: choice.state, verdict: verdict, next: next.arguments, runbooks: covered)
                try StructuredOutput.print(report, as: output.output)
            } else {
                StandardStreams.write("Pod \(pod) in namespace \(namespace): \(choice.state).\n\(verdict)\nRead next: \(next)\n")
            }
            throw status.exitCode
        }

        /// What kubectl printed for `invocation`; a command that could not run or failed ends the
        /// command with status 2 and kubectl's own message.
        private static func read(_ invocation: CommandInvocation, what: String, runner: any CommandRunner) async throws -> CommandResult {
            let result: CommandResult
            do {
                result = try await runner.run(invocation)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                throw CommandFailure("cannot read \(what): \(error.localizedDescription)", status: .couldNotLook)
            }
            guard result.succeeded else {
                throw CommandFailure("kubectl could not read \(what): \(result.failureSummary)", status: .couldNotLook)
            }
            return result
        }

        /// Ends the command with the exit status `diagnosis` stands for; a found cause returns.
        private static func end(with diagnosis: Diagnosis) throws {
            switch diagnosis.outcome {
            case .causeFound: return
            case .nothingWrong: throw ExitStatus.nothingWrong.exitCode
            case .couldNotLook: throw ExitStatus.couldNotLook.exitCode
            }
        }

        /// The pods of `namespace` some runbook applies to. A listing kubectl could not make is
        /// an error with kubectl's own message, never an empty list; so is a namespace that does
        /// not exist, when `checkingNamespace` (live mode) allows one more command.
        private static func candidates(in namespace: String, selector: RunbookSelector, runner: any CommandRunner, checkingNamespace: Bool) async throws -> [PodPicker.Candidate] {
            let result = try await read(PodReading.listCommand(namespace: namespace), what: "the pods in namespace \(namespace)", runner: runner)
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
                throw CommandFailure("no runbook covers the state of these pods in namespace \(namespace):\n\(list)read next: \(next)", status: .stoppedBeforeDiagnosis)
            }
            if pods.isEmpty && checkingNamespace { try await requireNamespace(namespace, runner: runner) }
            return pods
        }

        /// kubectl lists no pods, and exits 0, for a namespace that does not exist: before saying
        /// that nothing fails there, make sure the namespace is real.
        private static func requireNamespace(_ namespace: String, runner: any CommandRunner) async throws {
            let lookup = CommandInvocation(arguments: ["kubectl", "get", "namespace", namespace, "--output", "name"])
            guard let result = try? await runner.run(lookup), !result.succeeded,
                  result.stderr.contains("NotFound") else { return }
            throw CommandFailure("namespace \(namespace) cannot be read: \(result.failureSummary)", status: .couldNotLook)
        }

        /// Writes what `recorder` saw as the scenario file named by --record.
        private func save(_ recorder: RecordingRunner, session: Session, answers: [String: String], path: [String], cause: String) async throws {
            guard let record else { return }
            let recorded = RecordedSession(runbook: session.runbook, inputs: session.inputs, recordings: recorder.recordings, answers: answers, path: path, cause: cause,
                                           online: !offline)
            let scenario = try await ScenarioRecorder(anonymize: anonymize, date: Date()).record(recorded, to: record)
            StandardStreams.writeError("Recorded scenario '\(scenario.id)' in \(record); check it with '\(ProgramName.current) replay \(record) --no-input'.\n")
        }

        /// The namespace the kubeconfig context names, as kubectl would use it without `-n`.
        static func contextNamespace(_ kubectl: KubectlOptions) async -> String? {
            let view = kubectl.scope(CommandInvocation(arguments: ["kubectl", "config", "view", "--minify", "--output", "jsonpath={..namespace}"]))
            guard let result = try? await LiveRunner(timeout: .seconds(5)).run(view), result.succeeded else { return nil }
            let namespace = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            return ValueFormat.dns1123Label.problem(with: namespace) == nil ? namespace : nil
        }

        private func report(_ report: SessionReport) throws {
            if output.output.isStructured { return try StructuredOutput.print(report, as: output.output) }
            var text = "path: \(report.path.joined(separator: " → "))\n"
            if let diagnosis = report.diagnosis {
                text += "cause: \(diagnosis.cause)\n"
                if let outcome = report.outcome, outcome != DiagnosisOutcome.causeFound.rawValue { text += "outcome: \(outcome)\n" }
                text += "\(diagnosis.summary)\n"
                if let evidence = diagnosis.evidence { text += "evidence: \(evidence)\n" }
                for (index, step) in diagnosis.fix.enumerated() {
                    text += "fix \(index + 1): \(step.text)\n"
                    if let command = step.command { text += "   $ \(CommandInvocation(arguments: command))\n" }
                }
            }
            if let stoppedAt = report.stoppedAt { text += "stopped at: \(stoppedAt)\n" }
            if let reason = report.reason { text += "reason: \(reason)\n" }
            StandardStreams.write(text)
        }
    }
}
