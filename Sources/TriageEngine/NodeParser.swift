import TriageModel

/// Reads `kubectl get node NAME -o json`: the container runtime, the platform and the
/// conditions that stop pulls (DiskPressure).
struct NodeParser: OutputParser {
    let signature = ParserSignature(
        name: "node-json",
        summary: "kubectl get node -o json: runtime and version, platform, DiskPressure and Ready",
        facts: ["node_runtime", "node_runtime_version", "node_platform", "node_arch", "node_disk_pressure", "node_ready", "kubelet_version"],
        headline: [.init("node_runtime", "runtime"), .init("node_platform", "platform"), .init("node_ready", "ready"), .init("node_disk_pressure", "disk pressure")]
    )

    func facts(from result: CommandResult, context: ParserContext) -> Facts {
        guard let object = JSONFacts.object(result.stdout), object["kind"] as? String == "Node" else { return [:] }
        let json = JSONFacts(result.stdout, node: context.node)
        var facts: Facts = [:]
        if let runtime = object.string(at: "status.nodeInfo.containerRuntimeVersion") {
            // e.g. containerd://1.7.22, cri-o://1.30.4, docker://24.0.7
            let parts = runtime.split(separator: ":", maxSplits: 1)
            let name = parts.first.map(String.init) ?? runtime
            facts["node_runtime"] = json.fact([name], seenAt: runtime)
            if parts.count == 2 {
                facts["node_runtime_version"] = json.fact([String(parts[1].drop { $0 == "/" })], seenAt: runtime)
            }
        }
        let os = object.string(at: "status.nodeInfo.operatingSystem") ?? "linux"
        if let arch = object.string(at: "status.nodeInfo.architecture") {
            facts["node_arch"] = json.fact([arch])
            facts["node_platform"] = json.fact(["\(os)/\(arch)"], seenAt: "\"\(arch)\"")
        }
        facts["kubelet_version"] = object.string(at: "status.nodeInfo.kubeletVersion").flatMap { json.fact([$0]) }
        for condition in object.value(at: "status.conditions") as? [[String: Any]] ?? [] {
            guard let type = condition["type"] as? String, let status = condition["status"] as? String else { continue }
            switch type {
            case "DiskPressure": facts["node_disk_pressure"] = json.fact([status], seenAt: "\"DiskPressure\"")
            case "Ready": facts["node_ready"] = json.fact([status], seenAt: "\"Ready\"")
            default: continue
            }
        }
        return facts
    }
}
