import TriageDiagnosis
import TriageJSON
import TriageKubernetes
import TriageModel
import TriageParserSignatures

/// Reads `kubectl get pod NAME -o json` through the Kubernetes model: where the pod runs, what
/// it pulls with which credentials, who declares it, and the present state of every container
/// (init, regular and ephemeral). A container's waiting message (where Kubernetes 1.32 and later
/// keep the last pull error) is classified like any pull-failure text.
struct PodParser: OutputParser {
    let signature = ParserSignatures.pod

    /// The value of an aligned per-container fact where the container has none.
    static let notApplicable = "-"

    func facts(from result: CommandResult, context: ParserContext) -> Facts {
        guard result.succeeded, let pod = try? Pod.decode(result.stdout) else { return [:] }
        let json = JSONFacts(result.stdout, node: context.node)
        var facts: Facts = ["pod_found": Fact("true")]
        facts["phase"] = json.fact(pod.status.phase, seenAt: "\"phase\"")
        facts["pod_reason"] = json.fact(pod.status.reason)
        facts["node"] = json.fact(pod.spec.nodeName)
        facts["images"] = json.fact(pod.spec.images)
        facts["service_account"] = json.fact(pod.spec.serviceAccountName, seenAt: "\"serviceAccountName\"")
        facts["pull_secrets"] = json.fact(pod.spec.imagePullSecrets)
        facts["restart_policy"] = json.fact(pod.spec.restartPolicy, seenAt: "\"restartPolicy\"")
        facts["sidecars"] = json.fact(pod.spec.containers.filter(\.isSidecar).map(\.name))
        if let owner = pod.metadata.controller {
            facts["owner_kind"] = json.fact(owner.kind)
            facts["owner_name"] = json.fact(owner.name)
            let workload = WorkloadResolver().workload(of: pod)
            facts["workload_kind"] = json.fact(workload.kind, seenAt: JSONValue.string(owner.name).json)
            facts["workload_name"] = json.fact(workload.name, seenAt: JSONValue.string(owner.name).json)
            facts["workload"] = json.fact(workload.reference, seenAt: JSONValue.string(owner.name).json)
        }
        facts["waiting_reasons"] = json.fact(pod.status.containerStatuses.compactMap(\.state.waitingReason))
        facts.merge(containerFacts(pod, json), uniquingKeysWith: { _, new in new })
        facts.merge(failingFacts(pod, json, context: context), uniquingKeysWith: { _, new in new })
        facts.merge(recoveryFacts(pod, json), uniquingKeysWith: { _, new in new })
        facts.merge(restartFacts(pod, json, named: context.facts["container"]?.value), uniquingKeysWith: { _, new in new })
        return facts
    }

    /// One value per container, in spec order (init, regular, ephemeral), aligned across facts.
    private func containerFacts(_ pod: Pod, _ json: JSONFacts) -> Facts {
        let rows = pod.spec.containers.map { container in (container, pod.status(of: container)) }
        func aligned(_ value: (Container, ContainerStatus?) -> String) -> [String] { rows.map(value) }
        var facts: Facts = [:]
        facts["containers"] = json.fact(aligned { container, _ in container.name })
        facts["container_kinds"] = Fact.list(aligned { container, _ in container.kind.rawValue })
        facts["container_images"] = json.fact(aligned { container, _ in container.image })
        facts["container_pull_policies"] = Fact.list(aligned { container, _ in container.effectivePullPolicy })
        facts["container_restart_counts"] = Fact.list(aligned { _, status in String(status?.restartCount ?? 0) })
        facts["container_states"] = Fact.list(aligned { _, status in Self.stateName(status?.state ?? .unknown) })
        facts["container_waiting_reasons"] = Fact.list(aligned { _, status in status?.state.waitingReason ?? Self.notApplicable })
        facts["container_waiting_messages"] = Fact.list(aligned { _, status in status?.state.waitingMessage ?? Self.notApplicable })
        return facts
    }

    /// The containers that fail to pull now, the first of them in detail, and the cause its
    /// waiting message names.
    private func failingFacts(_ pod: Pod, _ json: JSONFacts, context: ParserContext) -> Facts {
        let failing = pod.containers(waitingFor: PullWaitingReason.names)
        var facts: Facts = ["failing_now": Fact(failing.isEmpty ? "false" : "true")]
        facts["failing_containers"] = json.fact(failing.map(\.name))
        facts["failing_container_kinds"] = Fact.list(failing.map(\.kind.rawValue))
        facts["failing_images"] = json.fact(failing.map { pod.container(for: $0)?.image ?? $0.image }.filter { !$0.isEmpty })
        if let first = failing.first {
            let spec = pod.container(for: first)
            facts["failing_container"] = json.fact(first.name)
            facts["failing_container_kind"] = Fact(first.kind.rawValue)
            facts["failing_image"] = json.fact(spec?.image ?? first.image)
            facts["failing_pull_policy"] = spec.map { Fact($0.effectivePullPolicy) }
            facts["failing_restart_count"] = Fact(String(first.restartCount))
            facts["failing_waiting_reason"] = json.fact(first.state.waitingReason)
            facts["failing_waiting_message"] = first.state.waitingMessage.flatMap { json.fact($0, seenAt: Self.marker(of: $0)) }
        }
        for status in failing {
            guard let message = status.state.waitingMessage, !message.isEmpty else { continue }
            let found = PullFailureParser().facts(from: CommandResult(stdout: message), context: context)
            guard let cause = found["cause"]?.value, cause != PullFailureCause.other.rawValue else { continue }
            let line = json.fact([message], seenAt: Self.marker(of: message))?.evidence
            let evidence = line.map { Evidence(line: $0.line, text: $0.text, node: context.node) }
            for name in Self.classifiedFacts {
                guard let fact = found[name] else { continue }
                facts[name] = Fact(values: fact.values, evidence: evidence ?? fact.evidence)
            }
            facts["status_cause"] = Fact(cause, evidence: evidence)
            facts["container"] = Fact(status.name, evidence: evidence)
            facts["container_kind"] = Fact(status.kind.rawValue, evidence: evidence)
            break
        }
        return facts
    }

    /// The facts of the `pull-failure` parser that a waiting message gives.
    static let classifiedFacts = [
        "cause", "causes", "alternatives", "evidence", "image", "image_problem", "image_suggestion", "registry",
        "registry_family", "runtime",
    ]

    /// Whether the pod runs as declared now: every regular container and sidecar running, no
    /// init container waiting.
    private func recoveryFacts(_ pod: Pod, _ json: JSONFacts) -> Facts {
        let serving = pod.spec.containers.filter { $0.kind == .regular || $0.isSidecar }
        let statuses = serving.map { pod.status(of: $0) }
        let initWaiting = pod.status.containerStatuses.contains { $0.kind == .initContainer && $0.state.waitingReason != nil }
        let allRunning = !serving.isEmpty && !initWaiting && statuses.allSatisfy { $0?.state.isRunning == true }
        var facts: Facts = ["all_running": Fact(allRunning ? "true" : "false")]
        if allRunning {
            let starts = statuses.compactMap { status -> KubernetesTime? in
                if case .running(let startedAt) = status?.state { return startedAt }
                return nil
            }
            facts["running_since"] = starts.max().flatMap { json.fact($0.text) }
        }
        facts["pod_ready"] = json.fact(pod.status.condition("Ready")?.status, seenAt: "\"Ready\"")
        return facts
    }

    static func stateName(_ state: ContainerState) -> String {
        switch state {
        case .waiting: "waiting"
        case .running: "running"
        case .terminated: "terminated"
        case .unknown: "unknown"
        }
    }

    /// What the output line of a long string starts with: its JSON spelling, cut short.
    static func marker(of text: String) -> String {
        String(JSONValue.string(text).json.dropLast().prefix(60))
    }
}

extension Fact {
    /// A fact of `values` with no evidence; nil when there are none.
    static func list(_ values: [String]) -> Fact? {
        values.isEmpty ? nil : Fact(values: values)
    }
}
