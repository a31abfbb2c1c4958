import TriageKubernetes
import TriageModel

/// The `pod-json` facts about the first container in trouble (waiting for something other than
/// a normal start, ended with an error, or restarted), or the one the session names: how it ended last, the limits and probes
/// that can end it, and what it runs and reads.
extension PodParser {
    /// The facts of the container called `named` when the pod has one (the session's
    /// `container` input), else of the first container in trouble.
    func restartFacts(_ pod: Pod, _ json: JSONFacts, named: String? = nil) -> Facts {
        let rows = pod.spec.containers.map { pod.status(of: $0) }
        var facts: Facts = [:]
        facts["container_terminated_reasons"] = Fact.list(rows.map { $0?.state.termination?.reason ?? Self.notApplicable })
        facts["container_last_reasons"] = Fact.list(rows.map { $0?.lastTermination?.reason ?? Self.notApplicable })
        facts["container_last_exit_codes"] = Fact.list(rows.map { $0?.lastTermination?.exitCode.map(String.init) ?? Self.notApplicable })
        let chosen = named.flatMap { name in pod.status.containerStatuses.first { $0.name == name } }
        let troubled = chosen.map { $0.isInTrouble ? $0 : nil } ?? pod.status.containerStatuses.first(where: \.isInTrouble)
        facts["problem_now"] = Fact(troubled == nil ? "false" : "true")
        guard let status = troubled else { return facts }
        let spec = pod.container(for: status)
        facts["problem_container"] = json.fact(status.name)
        facts["problem_container_kind"] = Fact(status.kind.rawValue)
        facts["problem_image"] = json.fact(spec?.image ?? status.image)
        facts["problem_restart_count"] = Fact(String(status.restartCount))
        facts["problem_state"] = Fact(Self.stateName(status.state))
        facts["problem_waiting_reason"] = json.fact(status.state.waitingReason)
        facts["problem_waiting_message"] = status.state.waitingMessage.flatMap { json.fact($0, seenAt: Self.marker(of: $0)) }
        if let last = status.lastTermination {
            facts["last_reason"] = json.fact(last.reason, seenAt: last.reason.map { "\"reason\": \"\($0)\"" })
            facts["last_exit_code"] = last.exitCode.flatMap { json.fact(String($0), seenAt: "\"exitCode\": \($0)") }
            facts["last_signal"] = last.signal.flatMap { json.fact(String($0), seenAt: "\"signal\": \($0)") }
            facts["last_message"] = last.message.flatMap { json.fact($0, seenAt: Self.marker(of: $0)) }
            facts["last_ran_seconds"] = last.ranSeconds.map { Fact(String($0)) }
            facts["last_finished_at"] = last.finishedAt.flatMap { json.fact($0.text) }
        }
        guard let spec else { return facts }
        facts.merge(limitFacts(spec, json), uniquingKeysWith: { _, new in new })
        facts.merge(probeFacts(spec), uniquingKeysWith: { _, new in new })
        facts["container_command"] = Fact.list(spec.command)
        facts["container_args"] = Fact.list(spec.args)
        let references = spec.configReferences + pod.spec.volumes.filter { spec.volumeMounts.contains($0.name) }.flatMap(\.references)
        func names(_ kind: ConfigReference.Kind) -> Fact? {
            var seen: Set<String> = []
            return json.fact(references.filter { $0.kind == kind && !$0.optional }.map(\.name).filter { seen.insert($0).inserted })
        }
        facts["config_maps_used"] = names(.configMap)
        facts["secrets_used"] = names(.secret)
        facts["claims_used"] = names(.persistentVolumeClaim)
        return facts
    }

    private func limitFacts(_ spec: Container, _ json: JSONFacts) -> Facts {
        var facts: Facts = [:]
        if let limit = spec.limits["memory"] {
            facts["memory_limit"] = json.fact(limit, seenAt: "\"memory\": \"\(limit)\"")
            facts["memory_limit_doubled"] = Self.doubled(limit).map { Fact($0) }
        }
        facts["memory_request"] = spec.requests["memory"].map { Fact($0) }
        facts["cpu_limit"] = spec.limits["cpu"].map { Fact($0) }
        return facts
    }

    private func probeFacts(_ spec: Container) -> Facts {
        var facts: Facts = [:]
        if let probe = spec.livenessProbe {
            facts["liveness_probe"] = Fact(probe.handler)
            facts["liveness_initial_delay"] = Fact(String(probe.initialDelaySeconds))
            facts["liveness_period"] = Fact(String(probe.periodSeconds))
            facts["liveness_timeout"] = Fact(String(probe.timeoutSeconds))
            facts["liveness_threshold"] = Fact(String(probe.failureThreshold))
            facts["liveness_failure_seconds"] = Fact(String(probe.secondsUntilFailure))
        }
        facts["startup_probe"] = spec.startupProbe.map { Fact($0.handler) }
        facts["readiness_probe"] = spec.readinessProbe.map { Fact($0.handler) }
        return facts
    }

    /// Twice a quantity written as an integer with an optional unit suffix (`256Mi` → `512Mi`);
    /// nil for forms it does not read (decimals, exponents) or that would overflow.
    static func doubled(_ quantity: String) -> String? {
        let digits = quantity.prefix { $0.isASCII && $0.isNumber }
        let suffix = quantity.dropFirst(digits.count)
        guard !digits.isEmpty, ["", "k", "Ki", "M", "Mi", "G", "Gi", "T", "Ti"].contains(String(suffix)), let value = Int(digits) else { return nil }
        let (twice, overflow) = value.multipliedReportingOverflow(by: 2)
        return overflow ? nil : "\(twice)\(suffix)"
    }
}
