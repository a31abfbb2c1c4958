import TriageJSON
import TriageKubernetes
import TriageModel

/// Chooses the runbook for a pod from one standard reading of it (`kubectl get pod -o json`,
/// read by the `pod-json` parser): the runbooks whose `selects:` condition holds over its facts.
/// When none does, it says what the pod's state is and what to read next.
public struct RunbookSelector: Sendable {
    /// The runbooks to choose among, in the library's order.
    public var runbooks: [Runbook]
    private let parsers: ParserCatalog

    /// A selector over `runbooks`, reading pods with the parsers of `parsers`.
    public init(runbooks: [Runbook], parsers: ParserCatalog = .standard) {
        self.runbooks = runbooks.filter { $0.selection != nil }
        self.parsers = parsers
    }

    /// What the reading of one pod decided.
    public struct Choice: Sendable {
        /// The pod's name.
        public var pod: String
        /// The facts of the reading.
        public var facts: Facts
        /// The runbooks whose `selects:` holds, in library order.
        public var runbooks: [Runbook]
        /// The pod's state in a few words: its phase and each container's waiting or
        /// terminated reason (`Running; app: waiting CrashLoopBackOff, last Error (exit 1)`).
        public var state: String
        /// Whether the pod runs as declared: every container running, none in trouble, ready.
        public var isHealthy: Bool
    }

    /// The facts and the runbooks that apply to the pod `text` holds (`kubectl get pod -o json`);
    /// nil when `text` is not a pod.
    public func choose(podJSON text: String) -> Choice? {
        guard let parser = parsers.parser(PodReading.parser) else { return nil }
        let facts = parser.facts(from: CommandResult(stdout: text), context: ParserContext(node: PodReading.parser))
        guard facts["pod_found"] != nil, let pod = try? Pod.decode(text) else { return nil }
        return choice(pod, facts: facts)
    }

    /// A choice for each pod of a `kubectl get pods -o json` list, in list order.
    public func choose(podListJSON text: String) throws(KubernetesError) -> [Choice] {
        let document = try KubernetesDocument.parse(text)
        let items = document["kind"]?.string == Pod.kind ? [document] : (document["items"]?.elements ?? [])
        guard document["kind"]?.string == Pod.kind || document["items"] != nil else {
            throw .wrongKind(expected: Pod.kind, found: document["kind"]?.string)
        }
        return items.compactMap { item in
            var object = item
            if object["kind"] == nil, case .object(var members) = object {
                members.append((key: "kind", value: .string(Pod.kind)))
                object = .object(members)
            }
            return choose(podJSON: object.json)
        }
    }

    /// The runbooks whose `selects:` holds over `facts`, in library order: for callers that
    /// know only part of a pod (the scan's streamed reading).
    public func runbooks(for facts: Facts) -> [Runbook] {
        runbooks.filter { $0.selection?.condition.evaluate(facts).holds == true }
    }

    private func choice(_ pod: Pod, facts: Facts) -> Choice {
        Choice(
            pod: pod.name, facts: facts, runbooks: runbooks(for: facts), state: VisibleText.escapingControls(Self.state(of: pod)),
            isHealthy: pod.runsAsDeclared)
    }

    /// The pod's phase (with the kubelet's reason and message, when it ended the pod itself), then
    /// each container's state and how it ended last.
    static func state(of pod: Pod) -> String {
        let containers = pod.spec.containers.map { container -> String in
            guard let status = pod.status(of: container) else { return "\(container.name): no status yet" }
            var words: String
            switch status.state {
            case .waiting(let reason, _): words = "waiting \(reason ?? "(no reason)")"
            case .running: words = "running"
            case .terminated(let termination): words = "terminated \(Self.ending(termination))"
            case .unknown: words = "no state"
            }
            if case .terminated = status.state {
            } else if let last = status.lastState.termination {
                words += ", last \(Self.ending(last))"
            }
            if status.restartCount > 0 { words += ", \(status.restartCount) restart\(status.restartCount == 1 ? "" : "s")" }
            let kind = container.kind == .regular ? "" : " (\(container.isSidecar ? "sidecar" : container.kind.rawValue))"
            return "\(container.name)\(kind): \(words)"
        }
        let phase = [pod.status.phase ?? "no phase", pod.status.reason, pod.status.message].compactMap { $0 }.joined(separator: ": ")
        return ([phase] + [containers.joined(separator: "; ")].filter { !$0.isEmpty }).joined(separator: "; ")
    }

    private static func ending(_ termination: Termination) -> String {
        let code = termination.exitCode.map { " (exit \($0))" } ?? ""
        return (termination.reason ?? "with no reason") + code
    }

    /// What to read next about a pod no runbook covers: its events and every container's state.
    public static func nextCommand(pod: String, namespace: String) -> CommandInvocation {
        CommandInvocation(arguments: ["kubectl", "describe", "pod", pod, "--namespace", namespace])
    }
}
