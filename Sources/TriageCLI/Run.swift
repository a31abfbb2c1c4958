import ArgumentParser
import Foundation
import TriageCommandSupport
import TriageEngine
import TriageExecution
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
                Without a runbook id the pod is read once (kubectl get pod -o json) and the runbook whose 'selects:' holds \
                for it starts; when none holds, Triage prints the pod's state and the command to read next, and exits 1 \
                when the pod runs as declared, 3 otherwise.
                """
        )

        @Argument(
            help: "The runbook id (see 'triage list'); without one, the pod is read once and the runbook whose 'selects:' holds for it is chosen.",
            completion: Completions.runbooks)
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

        @Option(
            help: ArgumentHelp(
                "Save the session as a scenario in this file, named after its id (secrets removed; what the registry check answered is kept, so replays never reach the network).",
                valueName: "file"), completion: .file())
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
            let library = Library(runbooks: Workspace(self.library).index().runbooks(), scenarios: [])
            let named = try runbook.map { try Self.runbook($0, in: library, workspace: Workspace(self.library)) }
            let kubectl = try KubectlOptions(context: cluster.context, kubeconfig: cluster.kubeconfig)
            let interactive = noInput ? nil : Interactive(terminal: output.terminal)
            let live = LiveRunner(timeout: try SecondsOption.duration(timeout, option: "--timeout"))
            if !propose { try await Self.requireKubectl(live) }
            let runner = SessionRunners.runner(
                propose: propose, onNode: onNode, live: live, kubectl: kubectl, proposer: interactive?.proposer, local: { SelfInvokingRunner(base: $0) })
            var given = try inputs()
            if given["namespace"] == nil, !propose, let namespace = await SessionRunners.contextNamespace(kubectl) { given["namespace"] = namespace }
            let namespace = given["namespace"] ?? named?.input("namespace")?.defaultValue ?? "default"
            let chooser = RunbookChooser(selector: RunbookSelector(runbooks: named.map { [$0] } ?? library.runbooks), runner: runner, output: output.output)
            let runbook = try await chooser.choose(
                named, in: library, inputs: &given, namespace: namespace, interactive: interactive, checkingNamespace: !propose)
            let session: Session
            do {
                session = try Session(runbook: runbook, inputs: given, settings: Session.Settings(mode: propose ? "propose" : "live", offline: offline))
            } catch {
                throw ValidationError(error.description)
            }
            let recorder = record.map { _ in RecordingRunner(base: runner) }
            let diagnosis: Diagnosis
            if let interactive {
                let outcome = try await interactive.run(
                    session, runner: recorder ?? runner, mode: propose ? .propose : .live, transcriptPath: transcript, readOnly: readOnly)
                guard let reached = outcome.diagnosis else { throw ExitStatus.stoppedBeforeDiagnosis.exitCode }
                if let recorder { try await save(recorder, session: session, answers: outcome.answers, path: outcome.path, cause: reached.cause) }
                diagnosis = reached
            } else {
                diagnosis = try await driveUnattended(session, runner: recorder ?? runner, recorder: recorder)
            }
            try Self.end(with: diagnosis)
        }

        /// Follows the tree alone, prints the report, and saves the recording; a session that
        /// stops before a diagnosis ends the command (3, or 2 when a command could not run).
        private func driveUnattended(_ session: Session, runner: any CommandRunner, recorder: RecordingRunner?) async throws -> Diagnosis {
            var session = session
            let driver = SessionDriver(
                runner: runner, parsers: .standard, answers: nil, policy: DrivePolicy(runsNodeCommands: onNode, changes: readOnly ? .readOnly : .unattended))
            let outcome: DriveOutcome
            do {
                outcome = try await driver.drive(&session)
            } catch {
                // The runner could not run a command at all: nothing was asked.
                report(SessionReport(session: session, outcome: .stopped(node: session.currentID, reason: error.localizedDescription)))
                throw ExitStatus.couldNotLook.exitCode
            }
            report(SessionReport(session: session, outcome: outcome))
            guard case .concluded(let diagnosis) = outcome else { throw ExitStatus.stoppedBeforeDiagnosis.exitCode }
            if let recorder {
                try await save(recorder, session: session, answers: session.answers, path: session.path, cause: diagnosis.cause)
            }
            return diagnosis
        }

        /// The runbook called `id`; an unknown id is a usage error listing the known ones.
        private static func runbook(_ id: String, in library: Library, workspace: Workspace) throws -> Runbook {
            guard let found = library.runbook(id) else {
                let ids = library.runbooks.map(\.id).joined(separator: ", ")
                throw CommandFailure("no runbook '\(id)'; available: \(ids.isEmpty ? "none found in \(workspace.searched)" : ids)", status: .usage)
            }
            return found
        }

        /// kubectl must be on PATH for a live session: without it Triage cannot look.
        private static func requireKubectl(_ live: LiveRunner) async throws {
            do {
                try await live.checkAvailable("kubectl")
            } catch {
                throw CommandFailure(error.localizedDescription, status: .couldNotLook)
            }
        }

        /// Ends the command with the exit status `diagnosis` stands for; a found cause returns.
        private static func end(with diagnosis: Diagnosis) throws {
            switch diagnosis.outcome {
            case .causeFound: return
            case .nothingWrong: throw ExitStatus.nothingWrong.exitCode
            case .couldNotLook: throw ExitStatus.couldNotLook.exitCode
            }
        }

        /// Writes what `recorder` saw as the scenario file named by --record.
        private func save(_ recorder: RecordingRunner, session: Session, answers: [String: String], path: [String], cause: String) async throws {
            guard let record else { return }
            let recorded = RecordedSession(
                runbook: session.runbook, inputs: session.inputs, recordings: recorder.recordings, answers: answers, path: path, cause: cause,
                online: !offline)
            let scenario = try await ScenarioRecorder(anonymize: anonymize, date: Date()).record(recorded, to: record)
            StandardStreams.writeError("Recorded scenario '\(scenario.id)' in \(record); check it with '\(ProgramName.current) replay \(record) --no-input'.\n")
        }

        private func report(_ report: SessionReport) {
            if output.output.isStructured { return StructuredOutput.print(report.document, as: output.output) }
            StandardStreams.write(report.text)
        }
    }
}
