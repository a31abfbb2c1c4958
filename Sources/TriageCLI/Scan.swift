import ArgumentParser
import TriageCommandSupport
import TriageEngine
import TriageExecution
import TriageModel
import TriageScan
import TriageTerminal

/// `triage scan`: every pod failing to pull an image, grouped by cause, registry and image, and
/// every container that cannot start or keep running, with the runbook that applies.
struct Scan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Find every pod that cannot pull its image (grouped by cause, registry and image, one fix per group) and every container that cannot start or keep running.",
        discussion: """
            Reads `kubectl get pods -o json` (live, or a saved dump with --from), diagnoses every container waiting in \
            ErrImagePull, ImagePullBackOff, InvalidImageName or ErrImageNeverPull, and groups them. Live, the events of \
            pods whose status names no cause are read too. Containers that have their image but cannot start or keep \
            running (CrashLoopBackOff, CreateContainerConfigError, RunContainerError…), or that ended with a non-zero \
            exit code and are not started again (Terminated: restartPolicy Never or OnFailure), are listed after the \
            groups, with how each ended last and the runbook whose selects: holds for its pod; so is any pod a runbook \
            selects. Exit status: 0 when a pod fails to pull or a container to start, 1 when none does, \
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
        let scanner = PodScanner(
            dump: from, scope: allNamespaces ? .allNamespaces : cluster.namespace.map { .namespace($0) } ?? .currentNamespace,
            context: cluster.context, kubeconfig: cluster.kubeconfig, chunkSize: chunkSize, timeout: try SecondsOption.duration(timeout, option: "--timeout"),
            selector: RunbookSelector(runbooks: Workspace(library).loadLibrary().runbooks))
        let renderer = textRenderer(output.terminal)
        if watch {
            let watch = ScanWatch(interval: interval, format: output.output, terminal: output.terminal, render: renderer.render)
            return try await watch.run(scan: scanner.scan)
        }
        let report = try await scanner.scan()
        if output.output.isStructured {
            try StructuredOutput.print(report, as: output.output)
        } else {
            StandardStreams.write(renderer.render(report))
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
