import TriageDiagnosis
import TriageKubernetes
import TriageModel
import TriageParserSignatures

/// Reads `kubectl get secret NAME… -o json` for a pod's imagePullSecrets and says, for each,
/// whether it exists in the pod's namespace, has a pull-secret type, and names the image's
/// registry; and the secret a fix recreates, with the object that names it (the pod spec or its
/// ServiceAccount). Only registry host names are read from a secret: passwords, tokens and `auth`
/// fields are never decoded into facts.
struct PullSecretsParser: OutputParser {
    let signature = ParserSignatures.pullSecrets

    func facts(from result: CommandResult, context: ParserContext) -> Facts {
        var facts: Facts = [:]
        let json = JSONFacts(result.stdout, node: context.node)
        let secrets = (try? Secret.decodeList(result.stdout)) ?? []
        let wanted = (context.facts["registry"]?.value ?? context.facts["checked_registry"]?.value).map(Self.canonicalHost)
        var registries: [String] = [], wrongType: [String] = [], wrongTypeNames: [String] = [], forRegistry: [String] = [], summary: [String] = []
        for secret in secrets {
            let name = secret.metadata.name
            guard secret.isPullSecret else {
                wrongType.append("\(name) (\(secret.type))")
                wrongTypeNames.append(name)
                summary.append("\(name): type \(secret.type), which the kubelet does not read for pulls")
                continue
            }
            var hosts: [String] = []
            for host in secret.registryHosts.map(Self.canonicalHost).sorted() where !hosts.contains(host) { hosts.append(host) }
            registries += hosts.filter { !registries.contains($0) }
            if let wanted, hosts.contains(wanted) { forRegistry.append(name) }
            summary.append("\(name): \(secret.type), registries: \(hosts.isEmpty ? "none" : hosts.joined(separator: ", "))")
        }
        facts["secrets_found"] = json.fact(secrets.map(\.metadata.name).filter { !$0.isEmpty })
        facts["secrets_wrong_type"] = json.fact(wrongType, seenAt: "\"type\"")
        facts["wrong_type_secrets"] = json.fact(wrongTypeNames, seenAt: "\"type\"")
        facts["registry_secrets"] = json.fact(forRegistry)
        // Its evidence is the docker config's line, which people see with its hosts in words.
        facts["secret_registries"] = json.fact(registries, seenAt: "\".dockerconfigjson\"") ?? json.fact(registries, seenAt: "\".dockercfg\"")
        facts["secret_summary"] = Fact.list(summary)

        let errors = result.stderr.lines(omittingEmpty: true)
        let missing = errors.compactMap(Self.missingSecretName)
        if let first = errors.firstIndex(where: { Self.missingSecretName($0) != nil }) {
            facts["secrets_missing"] = Fact(values: missing, evidence: Evidence(line: first + 1, text: String(errors[first]), node: context.node))
        }
        if let forbidden = errors.firstIndex(where: { $0.contains("Forbidden") }) {
            facts["secrets_forbidden"] = Fact("true", evidence: Evidence(line: forbidden + 1, text: String(errors[forbidden]), node: context.node))
        }
        // The secret a fix recreates under its own name: a missing one, else one the kubelet
        // ignores, else the one whose credentials the registry refused.
        if let toFix = missing.first ?? wrongTypeNames.first ?? forRegistry.first {
            facts["secret_to_fix"] = Fact(toFix)
            facts["secret_named_by"] = ServiceAccountParser.namedBy([toFix], in: context.facts).first.map { Fact($0) }
        }
        if let wanted, !secrets.isEmpty || !missing.isEmpty {
            facts["secret_for_registry"] = Fact(registries.contains(wanted) ? "true" : "false")
        }
        return facts
    }

    /// A registry as docker config files name it (`https://index.docker.io/v1/`, `ghcr.io`), as the
    /// host an image reference would carry.
    static func canonicalHost(_ entry: String) -> String {
        var host = Substring(entry.lowercased())
        for scheme in ["https://", "http://"] where host.hasPrefix(scheme) { host = host.dropFirst(scheme.count) }
        if let slash = host.firstIndex(of: "/") { host = host[..<slash] }
        return ImageReference.isDockerHub(host) ? "docker.io" : String(host)
    }

    /// `secrets "regcred" not found` → `regcred`.
    static func missingSecretName(_ line: Substring) -> String? {
        guard line.contains("NotFound"), let open = line.range(of: "secrets \""),
            let close = line[open.upperBound...].firstIndex(of: "\"")
        else { return nil }
        return String(line[open.upperBound..<close])
    }
}
