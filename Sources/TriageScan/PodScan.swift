import TriageDiagnosis
import TriageEngine
import TriageKubernetes
import TriageSecrets
import TriageModel

/// Collects the failing pods of one scan and groups them into a ``ScanReport``.
public struct PodScan {
    /// Pods read.
    public var totalPods = 0
    /// Namespaces that could not be read.
    public var unscanned: [ScanReport.Unscanned] = []
    /// The pods failing to pull, in the order they were read.
    public private(set) var pods: [FailingPod] = []
    /// The pods whose containers cannot start or keep running (waiting in CrashLoopBackOff…, or
    /// ended and not started again), and the pods a runbook chooses although none of their
    /// containers fails, in the order they were read.
    public private(set) var restartingPods: [FailingPod] = []
    /// The runbook whose `selects:` holds for each of ``restartingPods``, by the same reading of
    /// the pod as `triage run --pod` makes; nil where none does or the scan has no selector.
    public private(set) var restartingRunbooks: [String?] = []
    private var classifier = FailureClassifier()
    /// Classifications read from events, keyed by ``eventKey(namespace:image:)``.
    private var fromEvents: [String: Classification] = [:]
    private let selector: RunbookSelector?

    /// An empty scan; `selector` chooses the runbook of each pod whose containers cannot start
    /// or keep running.
    public init(selector: RunbookSelector? = nil) {
        self.selector = selector
    }

    /// Reads a pod list from `source`, adding its pods to the scan.
    public mutating func read(from source: inout some ByteSource, progress: (PodListReader.Summary) -> Void = { _ in }) throws(ScanError) {
        let summary = try PodListReader().read(from: &source, progress: progress) { pod, json in add(pod, json: json) }
        totalPods += summary.pods
    }

    /// Adds a pod as ``add(_:podJSON:)`` does, reading the item's JSON only when a runbook is to
    /// be chosen: when some of its containers fail other than to pull, or none fails.
    mutating func add(_ pod: FailingPod, json: ItemJSON) {
        let choose = selector != nil && (pod.failures.isEmpty || pod.failures.contains { !PullWaitingReason.names.contains($0.reason) })
        add(pod, podJSON: choose ? json.text : nil)
    }

    /// Adds a pod that does not run as declared, its messages masked (see `SecretMasker`): they
    /// are classified, shown in every form of the report, and kept. Its pull failures go to the
    /// groups; its other failing containers to the restarting containers, with the runbook the
    /// selector chooses from `podJSON`, the pod as `kubectl get pod -o json` prints it. A pod
    /// with no failing container is listed only when a runbook chooses it, with the containers
    /// that are not ready.
    public mutating func add(_ pod: FailingPod, podJSON: String? = nil) {
        var masked = pod
        for index in masked.failures.indices {
            masked.failures[index].message = SecretMasker.standard.mask(masked.failures[index].message)
        }
        var pulling = masked, restarting = masked
        pulling.failures = masked.failures.filter { PullWaitingReason.names.contains($0.reason) }
        restarting.failures = masked.failures.filter { !PullWaitingReason.names.contains($0.reason) }
        if !pulling.failures.isEmpty { pods.append(pulling) }
        guard masked.failures.isEmpty || !restarting.failures.isEmpty else { return }
        let runbook = podJSON.flatMap { selector?.choose(podJSON: $0)?.runbooks.first?.id }
        if masked.failures.isEmpty {
            guard runbook != nil, let podJSON, let whole = try? Pod.decode(podJSON) else { return }
            restarting.failures = ContainerFailure.notReady(in: whole)
        }
        restartingPods.append(restarting)
        restartingRunbooks.append(runbook)
    }

    /// One pod (namespace and name) per namespace and image whose message names no cause: what
    /// to fetch events for. At most `limit`.
    public mutating func podsNeedingEvents(limit: Int) -> [(namespace: String, pod: String, image: String)] {
        var seen = Set<String>()
        var wanted: [(namespace: String, pod: String, image: String)] = []
        for pod in pods {
            for failure in pod.failures where !classifier.classify(failure).explained {
                let key = Self.eventKey(namespace: pod.namespace, image: failure.image)
                guard wanted.count < limit, seen.insert(key).inserted else { continue }
                wanted.append((pod.namespace, pod.name, failure.image))
            }
        }
        return wanted
    }

    /// Uses `classification`, read from a pod's events, for every unexplained failure of `image`
    /// in `namespace`.
    public mutating func explain(namespace: String, image: String, with classification: Classification) {
        guard classification.explained else { return }
        fromEvents[Self.eventKey(namespace: namespace, image: image)] = classification
    }

    private static func eventKey(namespace: String, image: String) -> String { namespace + "\u{1}" + image }

    /// Groups the failures by cause, registry and image, largest group first, and numbers the
    /// containers in that order.
    public mutating func report(resolver: WorkloadResolver = WorkloadResolver()) -> ScanReport {
        struct Key: Hashable { var cause: PullFailureCause; var registry: String; var image: String }
        struct Member { var pod: FailingPod; var failure: ContainerFailure; var workload: Workload }
        var order: [Key] = []
        var members: [Key: [Member]] = [:]
        var classifications: [Key: Classification] = [:]
        var messages: [Key: String] = [:]
        var images = ImageNames()
        var failing = 0
        for pod in pods {
            let workload = resolver.workload(of: pod)
            for failure in pod.failures {
                failing += 1
                var classification = classifier.classify(failure)
                if !classification.explained, let known = fromEvents[Self.eventKey(namespace: pod.namespace, image: failure.image)] {
                    classification = known
                }
                let (registry, image) = images.names(failure.image)
                let key = Key(cause: classification.cause, registry: registry, image: image)
                if members[key] == nil {
                    order.append(key)
                    classifications[key] = classification
                    messages[key] = failure.message
                }
                members[key, default: []].append(Member(pod: pod, failure: failure, workload: workload))
            }
        }
        order.sort { lhs, rhs in
            let (l, r) = (members[lhs]!.count, members[rhs]!.count)
            if l != r { return l > r }
            if lhs.cause != rhs.cause { return lhs.cause > rhs.cause }
            return (lhs.registry, lhs.image) < (rhs.registry, rhs.image)
        }
        var number = 0
        let groups = order.map { key -> ScanReport.Group in
            let group = members[key]!.sorted { ($0.pod.namespace, $0.pod.name, $0.failure.name) < ($1.pod.namespace, $1.pod.name, $1.failure.name) }
            var perWorkload: [Workload: Int] = [:]
            for member in group { perWorkload[member.workload, default: 0] += 1 }
            let classification = classifications[key]!
            return ScanReport.Group(
                cause: key.cause, title: key.cause.title, registry: key.registry, image: key.image, count: group.count,
                workloads: perWorkload.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                    .map { ScanReport.WorkloadEntry(kind: $0.key.kind, name: $0.key.name, namespace: $0.key.namespace, count: $0.value) },
                namespaces: Set(group.map(\.pod.namespace)).sorted(),
                nodes: Set(group.compactMap(\.pod.node)).sorted(),
                pods: group.map { member in
                    number += 1
                    return ScanReport.PodEntry(
                        number: number, namespace: member.pod.namespace, pod: member.pod.name, container: member.failure.name,
                        initContainer: member.failure.kind == .initContainer, node: member.pod.node, reason: member.failure.reason,
                        workload: member.workload.reference)
                },
                fix: classification.fix.first ?? Self.fallbackFix(key.cause, explained: classification.explained),
                fixSteps: classification.fix, message: messages[key]!, explained: classification.explained)
        }
        let restarting = zip(restartingPods, restartingRunbooks).flatMap { pod, runbook in pod.failures.map { (pod, $0, runbook) } }
            .sorted { ($0.0.namespace, $0.0.name, $0.1.name) < ($1.0.namespace, $1.0.name, $1.1.name) }
            .map { pod, failure, runbook -> ScanReport.PodEntry in
                number += 1
                return ScanReport.PodEntry(
                    number: number, namespace: pod.namespace, pod: pod.name, container: failure.name,
                    initContainer: failure.kind == .initContainer, node: pod.node, reason: failure.reason,
                    workload: resolver.workload(of: pod).reference, lastState: failure.lastState, restarts: failure.restartCount,
                    runbook: runbook)
            }
        return ScanReport(totalPods: totalPods, failing: failing, failingPods: pods.count, groups: groups, unscanned: unscanned, restarting: restarting)
    }

    private static func fallbackFix(_ cause: PullFailureCause, explained: Bool) -> String {
        explained
            ? "Run `triage run` on one of these pods to find the cause step by step."
            : "The status names no cause: read the pod's events (kubectl get events -n NS --field-selector involvedObject.name=POD) or run `triage run` on one of these pods."
    }
}

/// The registry and normalised name of each distinct image, parsed once.
private struct ImageNames {
    private var known: [String: (String, String)] = [:]

    mutating func names(_ image: String) -> (registry: String, image: String) {
        if let names = known[image] { return names }
        let names: (String, String)
        if let reference = try? ImageReference.parse(image) {
            names = (reference.registry, reference.description)
        } else if let slash = image.firstIndex(of: "/"), image[..<slash].contains(".") || image[..<slash].contains(":") {
            names = (String(image[..<slash]), image)
        } else {
            names = (image.isEmpty ? "unknown" : "docker.io", image.isEmpty ? "(no image)" : image)
        }
        known[image] = names
        return names
    }
}
