import ArgumentParser
import TriageCommandSupport
import Foundation
import TriageEngine
import TriageExecution
import TriageModel
import TriageScan
import TriageTerminal

/// `triage scan`: every pod failing to pull an image, grouped by cause, registry and image, and
/// every container that cannot start or keep running, with the runbook that applies.
struct Scan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find every pod that cannot pull its image, grouped by cause, registry and image, with one fix per group.",
        discussion: """
            Reads `kubectl get pods -o json` (live, or a saved dump with --from), diagnoses every container waiting in \
            ErrImagePull, ImagePullBackOff, InvalidImageName or ErrImageNeverPull, and groups them. Live, the events of \
            pods whose status names no cause are read too. Containers that have their image but cannot start or keep \
            running (CrashLoopBackOff, CreateContainerConfigError, RunContainerError, CreateContainerError) are listed \
            after the groups, with how each ended last and the runbook that applies. Exit status: 0 when a pod fails to \
            pull or a container to start, 1 when none does, \
            2 when kubectl or the input failed or some namespaces could not be read (see '\(ProgramName.current) --help').
            Examples:
              \(ProgramName.current) scan -A
              kubectl get pods -A -o json > pods.json; \(ProgramName.current) scan --from pods.json -o json
              \(ProgramName.current) scan -A --watch --interval 10
              \(ProgramName.current) scan -n shop --run 3
            """
    )

    @Flag(name: [.customShort("A"), .customLong("all-namespaces")], help: "Scan every namespace.")
    var allNamespaces = false

    @OptionGroup var cluster: ClusterOptions

    @Option(
        help: ArgumentHelp("Read a saved `kubectl get pods -o json` instead of the cluster ('-' for standard input).", valueName: "file"), completion: .file())
    var from: String?

    @Option(help: ArgumentHelp("kubectl's --chunk-size: pods per page from the API server.", valueName: "n"))
    var chunkSize = 500

    @Flag(help: "Scan again every --interval seconds and show what changed, until Ctrl-C.")
    var watch = false

    @Option(help: ArgumentHelp("Seconds between scans with --watch.", valueName: "seconds"))
    var interval: Double = 5

    @Option(help: ArgumentHelp("Seconds before a kubectl command is stopped.", valueName: "seconds"))
    var timeout: Double = 120

    @Option(name: .customLong("run"), help: ArgumentHelp("Start the runbook that applies to container N of the list.", valueName: "n"))
    var runNumber: Int?

    @Option(
        name: .customLong("pod"), help: ArgumentHelp("Start the runbook that applies to this failing pod.", valueName: "name"), completion: Completions.pods)
    var runPod: String?

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if allNamespaces && cluster.namespace != nil { throw ValidationError("-A and -n cannot go together") }
        if let namespace = cluster.namespace, let problem = ValueFormat.dns1123Label.problem(with: namespace) {
            throw ValidationError("--namespace '\(namespace)' \(problem); a namespace is \(ValueFormat.dns1123Label.expectation)")
        }
        if let runPod, let problem = ValueFormat.dns1123Subdomain.problem(with: runPod) {
            throw ValidationError("--pod '\(runPod)' \(problem); a pod name is \(ValueFormat.dns1123Subdomain.expectation)")
        }
        do {
            _ = try KubectlOptions(context: cluster.context, kubeconfig: cluster.kubeconfig)
        } catch {
            throw ValidationError(error.localizedDescription)
        }
        if from != nil && (allNamespaces || cluster.namespace != nil || cluster.context != nil || cluster.kubeconfig != nil) {
            throw ValidationError("--from reads a saved dump: -A, -n, --context and --kubeconfig apply to live scans only")
        }
        if from == "-" && watch { throw ValidationError("--watch cannot re-read standard input; save the dump to a file") }
        if !(chunkSize > 0) { throw ValidationError("--chunk-size must be at least 1") }
        _ = try SecondsOption.duration(interval, option: "--interval")
        _ = try SecondsOption.duration(timeout, option: "--timeout")
        if runNumber != nil && runPod != nil { throw ValidationError("--run and --pod cannot go together") }
        if let runNumber, runNumber < 1 { throw ValidationError("--run counts from 1, as the list does") }
        if (runNumber != nil || runPod != nil) && (watch || output.output.isStructured) {
            throw ValidationError("--run and --pod start an interactive session: not with --watch or -o json")
        }
    }

    func run() async throws {
        if watch { return try await watchUntilInterrupted() }
        let report = try await scanOrExit()
        if output.output.isStructured {
            try StructuredOutput.print(report, as: output.output)
        } else {
            StandardStreams.write(textRenderer(output.terminal).render(report))
        }
        if runNumber != nil || runPod != nil { return try await startRunbook(report) }
        let status = Self.exitStatus(of: report)
        if status != .causeFound { throw status.exitCode }
    }

    /// A failing pull found, nothing failing, or namespaces that could not be read (which makes
    /// any all-clear unchecked).
    static func exitStatus(of report: ScanReport) -> ExitStatus {
        if !report.unscanned.isEmpty { return .couldNotLook }
        return report.failing > 0 || !report.restarting.isEmpty ? .causeFound : .nothingWrong
    }

    /// The table for people: fitted to the terminal, whole on a pipe, everything with `-o wide`.
    private func textRenderer(_ terminal: TerminalCapabilities) -> ScanText {
        output.output == .wide ? ScanText(width: nil, podsPerGroup: nil) : ScanText(width: terminal.width)
    }

    /// One scan, with kubectl or reading failures printed and mapped to exit status 2.
    private func scanOrExit() async throws -> ScanReport {
        let progress = ScanProgress()
        defer { progress.finish() }
        do {
            return try await scanOnce(progress)
        } catch .cancelled {
            throw CancellationError()
        } catch {
            progress.finish()
            StandardStreams.writeError("\(ProgramName.current) scan: \(error.localizedDescription)\n")
            throw ExitStatus.couldNotLook.exitCode
        }
    }

    private func scanOnce(_ progress: ScanProgress) async throws(ScanError) -> ScanReport {
        let selector = RunbookSelector(runbooks: Workspace(library).loadLibrary().runbooks)
        guard let from else {
            let ticker = progress.ticking()
            defer { ticker.cancel() }
            let scope: ClusterScan.Scope = allNamespaces ? .allNamespaces : cluster.namespace.map { .namespace($0) } ?? .currentNamespace
            let kubectl = try LiveKubectl(context: cluster.context, kubeconfig: cluster.kubeconfig, timeout: Seconds.duration(timeout))
            return try await ClusterScan(kubectl: kubectl, scope: scope, chunkSize: chunkSize, selector: selector).run { progress.update($0) }
        }
        let name = from == "-" ? "standard input" : from
        let descriptor = from == "-" ? STDIN_FILENO : open(from, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(name: name, reason: String(cString: strerror(errno))) }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var source = FileDescriptorSource(descriptor: descriptor, name: name)
        var scan = PodScan(selector: selector)
        try scan.read(from: &source) { progress.update(ScanProgress.reading(pods: $0.pods, bytes: $0.bytes)) }
        return scan.report()
    }

    /// Scans every --interval seconds, printing the report and what changed, until Ctrl-C.
    private func watchUntilInterrupted() async throws {
        let interrupts = try? InterruptMonitor()
        defer { interrupts?.stop() }
        let loop = Task { try await watchLoop() }
        _ = interrupts?.setAction { loop.cancel() }
        do {
            // A termination signal cancels this task; the loop is a task of its own.
            try await withTaskCancellationHandler {
                try await loop.value
            } onCancel: {
                loop.cancel()
            }
        } catch is CancellationError {
            StandardStreams.writeError("\(ProgramName.current) scan: stopped.\n")
        }
    }

    private func watchLoop() async throws {
        let terminal = output.terminal
        var previous: ScanReport?
        while true {
            let report = try await scanOrExit()
            let changes = previous.map { ScanChanges(from: $0, to: report) }
            if output.output == .yaml {
                let record = WatchRecord(time: Date().formatted(.iso8601), changes: changes, report: report)
                StandardStreams.write("---\n" + (try StructuredOutput.render(record, as: .yaml)))
            } else if output.output == .json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let line = try encoder.encode(WatchRecord(time: Date().formatted(.iso8601), changes: changes, report: report))
                StandardStreams.write(line + Data("\n".utf8))
            } else {
                var text = terminal.isInteractive ? "\u{1B}[H\u{1B}[2J" : "\n"
                text += "\(ProgramName.current) scan --watch, every \(interval) s; \(Date().formatted(date: .omitted, time: .standard)); Ctrl-C stops\n"
                if let changes {
                    text += changes.isEmpty ? "no changes since the last scan\n" : "changes:\n" + changes.lines.map { "  " + $0 + "\n" }.joined()
                }
                StandardStreams.write(text + "\n" + textRenderer(terminal).render(report))
            }
            previous = report
            try await Task.sleep(for: Seconds.duration(interval))
        }
    }

    /// Starts `triage run` on the container chosen with --run or --pod: it reads the pod and
    /// starts the runbook whose `selects:` holds.
    private func startRunbook(_ report: ScanReport) async throws {
        let entries = report.entries + report.restarting
        let chosen: ScanReport.PodEntry
        if let runNumber {
            guard let match = entries.first(where: { $0.number == runNumber }) else {
                throw ValidationError("--run \(runNumber): the list has \(entries.count) failing containers")
            }
            chosen = match
        } else {
            guard let match = entries.first(where: { $0.pod == runPod }) else {
                throw ValidationError("--pod \(runPod ?? ""): no failing pod of that name was found")
            }
            chosen = match
        }
        var arguments = ["--pod", chosen.pod, "--namespace", chosen.namespace, "--container", chosen.container]
        if let context = cluster.context { arguments += ["--context", context] }
        if let kubeconfig = cluster.kubeconfig { arguments += ["--kubeconfig", kubeconfig] }
        if let color = output.color { arguments.append(color ? "--color" : "--no-color") }
        StandardStreams.write("\nStarting: \(ProgramName.current) run \(arguments.map(ShellQuoting.quote).joined(separator: " "))\n\n")
        let command = try TriageCommand.Run.parse(arguments)
        try await command.run()
    }
}

/// One line of `triage scan --watch -o json`.
private struct WatchRecord: Encodable {
    var time: String
    var changes: ScanChanges?
    var report: ScanReport
}

/// kubectl through Triage's live runner, scoped to the chosen context and kubeconfig.
private struct LiveKubectl: KubectlRunning {
    let runner: ClusterScopedRunner

    /// `timeout` was checked by ``Scan/validate()``.
    init(context: String?, kubeconfig: String?, timeout: Duration) throws(ScanError) {
        do {
            let options = try KubectlOptions(context: context, kubeconfig: kubeconfig)
            // A pod list of a large cluster is hundreds of megabytes: keep all of it.
            let live = LiveRunner(timeout: timeout, outputLimit: Int(Int32.max))
            runner = ClusterScopedRunner(base: live, options: options)
        } catch {
            throw .kubectlUnavailable(error.localizedDescription)
        }
    }

    func kubectl(_ arguments: [String]) async throws(ScanError) -> KubectlOutput {
        do {
            let result = try await runner.run(CommandInvocation(arguments: ["kubectl"] + arguments))
            return KubectlOutput(stdout: result.stdout, stderr: result.stderr, exitStatus: result.exitStatus, timedOut: result.timedOut)
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw .kubectlUnavailable(error.localizedDescription)
        }
    }
}
