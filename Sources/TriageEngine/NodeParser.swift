import TriageKubernetes
import TriageModel
import TriageParserSignatures

/// Reads `kubectl get node NAME -o json` through the Kubernetes model: the container runtime,
/// the platform, and the conditions that stop pulls (DiskPressure); and, when the registry check
/// has said which platforms the image offers, whether one of them runs on this node.
struct NodeParser: OutputParser {
    let signature = ParserSignatures.node

    func facts(from result: CommandResult, context: ParserContext) -> Facts {
        guard let node = try? Node.decode(result.stdout) else { return [:] }
        let json = JSONFacts(result.stdout, node: context.node)
        var facts: Facts = [:]
        if let runtime = node.info.runtime, let written = node.info.containerRuntimeVersion {
            facts["node_runtime"] = json.fact(runtime.name, seenAt: written)
            facts["node_runtime_version"] = json.fact(runtime.version, seenAt: written)
        }
        facts["node_os"] = json.fact(node.info.operatingSystem, seenAt: "\"operatingSystem\"")
        if let arch = node.info.architecture, let platform = node.info.platform {
            facts["node_arch"] = json.fact(arch)
            facts["node_platform"] = json.fact(platform, seenAt: "\"\(arch)\"")
            facts["platform_offered"] = Self.platformOffered(node: platform, image: context.facts["image_platforms"]?.values)
        }
        facts["kubelet_version"] = json.fact(node.info.kubeletVersion)
        facts["node_disk_pressure"] = json.fact(node.condition("DiskPressure")?.status, seenAt: "\"DiskPressure\"")
        facts["node_ready"] = json.fact(node.condition("Ready")?.status, seenAt: "\"Ready\"")
        return facts
    }

    /// `true` when one of the image's platforms runs on the node's, `false` when none does; nil
    /// when either is unknown (a single-platform image lists none).
    static func platformOffered(node: String?, image platforms: [String]?) -> Fact? {
        guard let node = node.flatMap(Platform.init), let offered = platforms?.compactMap(Platform.init), !offered.isEmpty else {
            return nil
        }
        return Fact(offered.contains(where: node.runs) ? "true" : "false")
    }
}
