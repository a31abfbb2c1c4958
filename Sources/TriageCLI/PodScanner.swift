import Foundation
import TriageCommandSupport
import TriageEngine
import TriageExecution
import TriageModel
import TriageScan

/// Reads the pods `triage scan` looks at, from the cluster through kubectl or from a saved
/// `kubectl get pods -o json`, with a progress line on a terminal, and scans them.
struct PodScanner: Sendable {
    /// A saved dump to read instead of the cluster ('-' for standard input).
    let dump: String?
    /// The namespaces a live scan lists.
    let scope: ClusterScan.Scope
    /// kubectl's --context.
    let context: String?
    /// kubectl's --kubeconfig.
    let kubeconfig: String?
    /// kubectl's --chunk-size.
    let chunkSize: Int
    /// How long a kubectl command may take.
    let timeout: Duration
    /// Chooses the runbook of each pod whose containers cannot start or keep running.
    let selector: RunbookSelector

    /// One scan; a kubectl or reading failure ends the command with status 2 and says why.
    func scan() async throws -> ScanReport {
        let progress = ScanProgress()
        defer { progress.finish() }
        do {
            return try await scan(progress)
        } catch .cancelled {
            throw CancellationError()
        } catch {
            throw CommandFailure(error.localizedDescription, status: .couldNotLook)
        }
    }

    private func scan(_ progress: ScanProgress) async throws(ScanError) -> ScanReport {
        guard let dump else {
            let ticker = progress.ticking()
            defer { ticker.cancel() }
            let kubectl = try LiveKubectl(context: context, kubeconfig: kubeconfig, timeout: timeout)
            return try await ClusterScan(kubectl: kubectl, scope: scope, chunkSize: chunkSize, selector: selector).run { progress.update($0) }
        }
        let name = dump == "-" ? "standard input" : dump
        let descriptor = dump == "-" ? STDIN_FILENO : open(dump, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(name: name, reason: String(cString: strerror(errno))) }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var source = FileDescriptorSource(descriptor: descriptor, name: name)
        var scan = PodScan(selector: selector)
        try scan.read(from: &source) { progress.update(ScanProgress.reading(pods: $0.pods, bytes: $0.bytes)) }
        return scan.report()
    }
}

/// kubectl through Triage's live runner, scoped to the chosen context and kubeconfig.
private struct LiveKubectl: KubectlRunning {
    let runner: ClusterScopedRunner

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
            return KubectlOutput(
                stdout: result.stdout, stderr: result.stderr, exitStatus: result.exitStatus, stoppedAfter: result.timeLimit)
        } catch is CancellationError {
            throw .cancelled
        } catch ExecutionError.programNotFound {
            throw .kubectlNotFound
        } catch {
            throw .kubectlUnavailable(error.localizedDescription)
        }
    }
}
