import TriageEngine
import TriageKubernetes
import TriageModel

/// Scans a live cluster: lists pods with kubectl, reads them with the streaming reader, resolves
/// ReplicaSets to Deployments, and reads events for failures whose status names no cause.
///
/// kubectl's output is captured whole rather than streamed: `kubectl get -o json` assembles
/// every page (`--chunk-size`) into one `List` before printing anything, so kubectl already holds
/// the whole list; Triage's copy is of the same size and is read with the same streaming reader
/// as a file, keeping only the failing pods.
public struct ClusterScan: Sendable {
    /// Which namespaces to list.
    public enum Scope: Sendable, Equatable {
        /// The namespace of kubectl's current context.
        case currentNamespace
        /// `-A`.
        case allNamespaces
        /// `-n NAMESPACE`.
        case namespace(String)
    }

    /// What the scan is doing, for a progress line.
    public enum Stage: Sendable, Equatable {
        /// Waiting for the pod list.
        case listingPods
        /// Listing one namespace after the cluster-wide list was forbidden.
        case listingNamespaces(done: Int, of: Int)
        /// Reading the list.
        case reading(pods: Int, bytes: Int)
        /// Reading events for pods whose status names no cause.
        case readingEvents(pods: Int)
    }

    /// Runs kubectl.
    public var kubectl: any KubectlRunning
    /// Which namespaces.
    public var scope: Scope
    /// kubectl's `--chunk-size`: objects per page from the API server.
    public var chunkSize: Int
    /// At most this many pods get their events read (one per namespace and image).
    public var eventLimit: Int
    /// kubectl commands run at once for events and per-namespace listing.
    public var concurrency: Int
    /// Chooses the runbook of each pod whose containers cannot start or keep running.
    public var selector: RunbookSelector?

    /// A scan of `scope` through `kubectl`.
    public init(
        kubectl: any KubectlRunning, scope: Scope, chunkSize: Int = 500, eventLimit: Int = 50, concurrency: Int = 8, selector: RunbookSelector? = nil
    ) {
        self.kubectl = kubectl
        self.scope = scope
        self.chunkSize = chunkSize
        self.eventLimit = eventLimit
        self.concurrency = max(1, concurrency)
        self.selector = selector
    }

    /// Scans and reports; `progress` hears about each stage.
    public func run(progress: @escaping @Sendable (Stage) -> Void = { _ in }) async throws(ScanError) -> ScanReport {
        var scan = PodScan(selector: selector)
        progress(.listingPods)
        let first = try await kubectl(listPods(scope))
        if first.succeeded {
            try read(first, into: &scan, progress: progress)
            if case .namespace(let namespace) = scope, scan.totalPods == 0 { try await requireNamespace(namespace) }
        } else if scope == .allNamespaces && first.stderr.localizedCaseInsensitiveContains("forbidden") {
            try await listEachNamespace(into: &scan, progress: progress)
        } else {
            throw Self.failure(listPods(scope), first)
        }
        let resolver = await replicaSetOwners(for: scan.pods + scan.restartingPods)
        let wanted = scan.podsNeedingEvents(limit: eventLimit)
        if !wanted.isEmpty {
            progress(.readingEvents(pods: wanted.count))
            let explained = await eventClassifications(wanted)
            for (index, classification) in explained {
                scan.explain(namespace: wanted[index].namespace, image: wanted[index].image, with: classification)
            }
        }
        return scan.report(resolver: resolver)
    }

    /// kubectl lists no pods, and exits 0, for a namespace that does not exist: an empty scan of
    /// one is not an all-clear.
    private func requireNamespace(_ namespace: String) async throws(ScanError) {
        let arguments = ["get", "namespace", namespace, "--output", "name"]
        let found = try await kubectl(arguments)
        if !found.succeeded && found.stderr.contains("NotFound") {
            throw Self.failure(arguments, found)
        }
    }

    /// Why `arguments` failed: stopped for its time, or ended with a status.
    private static func failure(_ arguments: [String], _ output: KubectlOutput, _ addition: String = "") -> ScanError {
        let said = FailureMessage.summary(ofStandardError: output.stderr) + addition
        guard let seconds = output.stoppedAfter else { return .kubectlFailed(command: describe(arguments), status: output.exitStatus, stderr: said) }
        return .kubectlStopped(command: describe(arguments), seconds: seconds, stderr: said)
    }

    private func kubectl(_ arguments: [String]) async throws(ScanError) -> KubectlOutput {
        try await kubectl.kubectl(arguments)
    }

    private func listPods(_ scope: Scope) -> [String] {
        return ["get", "pods"] + Self.flags(scope) + ["--output", "json", "--chunk-size", String(chunkSize)]
    }

    private static func flags(_ scope: Scope) -> [String] {
        switch scope {
        case .currentNamespace: []
        case .allNamespaces: ["--all-namespaces"]
        case .namespace(let namespace): ["--namespace", namespace]
        }
    }

    private static func describe(_ arguments: [String]) -> String { (["kubectl"] + arguments).joined(separator: " ") }

    private func read(_ output: KubectlOutput, into scan: inout PodScan, progress: (Stage) -> Void) throws(ScanError) {
        var source = MemorySource(Array(output.stdout.utf8))
        try scan.read(from: &source) { progress(.reading(pods: $0.pods, bytes: $0.bytes)) }
    }

    /// The cluster-wide list was forbidden: list the namespaces and read each one that may be
    /// read, reporting the others as not scanned.
    private func listEachNamespace(into scan: inout PodScan, progress: @escaping @Sendable (Stage) -> Void) async throws(ScanError) {
        let names = ["get", "namespaces", "--output", "jsonpath={.items[*].metadata.name}"]
        let listed = try await kubectl(names)
        guard listed.succeeded else {
            throw Self.failure(listPods(.allNamespaces), listed, " (and the namespaces cannot be listed to scan them one by one)")
        }
        let namespaces = listed.stdout.split(whereSeparator: \.isWhitespace).map(String.init).sorted()
        var results: [(String, Result<KubectlOutput, ScanError>)] = []
        for batch in stride(from: 0, to: namespaces.count, by: concurrency) {
            progress(.listingNamespaces(done: batch, of: namespaces.count))
            let slice = namespaces[batch..<min(batch + concurrency, namespaces.count)]
            results += await withTaskGroup(of: (String, Result<KubectlOutput, ScanError>).self) { group in
                for namespace in slice {
                    group.addTask {
                        do throws(ScanError) { return (namespace, .success(try await self.kubectl(self.listPods(.namespace(namespace))))) } catch {
                            return (namespace, .failure(error))
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
        }
        for (namespace, result) in results.sorted(by: { $0.0 < $1.0 }) {
            switch result {
            case .success(let output) where output.succeeded:
                try read(output, into: &scan, progress: progress)
            case .success(let output):
                scan.unscanned.append(.init(namespace: namespace, reason: output.failureSummary))
            case .failure(let error):
                throw error
            }
        }
    }

    /// Each ReplicaSet's owner, when failing pods have ReplicaSet owners and kubectl may list them;
    /// otherwise a resolver that uses the pod-template-hash rule.
    private func replicaSetOwners(for pods: [FailingPod]) async -> WorkloadResolver {
        guard pods.contains(where: { $0.owners.contains { $0.kind == "ReplicaSet" } }) else { return WorkloadResolver() }
        let target = Self.flags(scope)
        let columns = "custom-columns=NS:.metadata.namespace,NAME:.metadata.name,KIND:.metadata.ownerReferences[0].kind,OWNER:.metadata.ownerReferences[0].name"
        guard let output = try? await kubectl(["get", "replicasets"] + target + ["--output", columns, "--no-headers", "--chunk-size", String(chunkSize)]),
            output.succeeded
        else { return WorkloadResolver() }
        return WorkloadResolver(replicaSetOwners: Self.replicaSetOwners(fromColumns: output.stdout))
    }

    /// Reads `NAMESPACE NAME KIND OWNER` lines (`<none>` for no owner).
    static func replicaSetOwners(fromColumns text: String) -> [String: OwnerReference?] {
        var owners: [String: OwnerReference?] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard fields.count == 4 else { continue }
            let owner: OwnerReference? = fields[2] == "<none>" ? nil : OwnerReference(kind: fields[2], name: fields[3], controller: true)
            owners["\(fields[0])/\(fields[1])"] = .some(owner)
        }
        return owners
    }

    /// Reads each wanted pod's events, a few at a time; returns the classifications that name a cause.
    private func eventClassifications(_ wanted: [(namespace: String, pod: String, image: String)]) async -> [(Int, Classification)] {
        var found: [(Int, Classification)] = []
        for batch in stride(from: 0, to: wanted.count, by: concurrency) {
            found += await withTaskGroup(of: (Int, Classification)?.self) { group in
                for index in batch..<min(batch + concurrency, wanted.count) {
                    let pod = wanted[index]
                    group.addTask {
                        let arguments = [
                            "get", "events", "--namespace", pod.namespace, "--field-selector", "involvedObject.name=\(pod.pod)", "--output", "json",
                        ]
                        guard let output = try? await self.kubectl(arguments), output.succeeded else { return nil }
                        let classification = FailureClassifier.classify(text: output.stdout)
                        return classification.explained ? (index, classification) : nil
                    }
                }
                return await group.reduce(into: []) { if let result = $1 { $0.append(result) } }
            }
        }
        return found
    }
}
