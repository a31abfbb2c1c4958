import Foundation
import TriageModel

/// Reads `kubectl get secret NAME… -o json` for a pod's imagePullSecrets and says, for each,
/// whether it exists in the pod's namespace, has a pull-secret type, and names the image's
/// registry. Only registry host names are read from a secret: passwords, tokens and `auth`
/// fields are never decoded into facts.
struct PullSecretsParser: OutputParser {
    let signature = ParserSignature(
        name: "pull-secrets",
        summary: "kubectl get secret NAMES -o json: which pull secrets exist, their types and registry hosts",
        facts: [
            "secrets_found", "secrets_missing", "secrets_wrong_type", "secret_registries", "secret_summary",
            "secret_for_registry", "secrets_forbidden",
        ],
        formats: [
            "secrets_found": .dns1123Subdomain, "secrets_missing": .dns1123Subdomain, "secrets_wrong_type": .dns1123Subdomain,
            "secret_for_registry": .dns1123Subdomain,
        ]
    )

    static let pullSecretTypes: Set = ["kubernetes.io/dockerconfigjson", "kubernetes.io/dockercfg"]

    func facts(from result: CommandResult, context: ParserContext) -> Facts {
        var facts: Facts = [:]
        let json = JSONFacts(result.stdout, node: context.node)
        let secrets = Self.secrets(in: result.stdout)
        var found: [String] = [], wrongType: [String] = [], registries: [String] = [], summary: [String] = []
        for secret in secrets {
            guard let name = secret.string(at: "metadata.name") else { continue }
            found.append(name)
            let type = secret["type"] as? String ?? "Opaque"
            guard Self.pullSecretTypes.contains(type) else {
                wrongType.append("\(name) (\(type))")
                summary.append("\(name): type \(type), which the kubelet does not read for pulls")
                continue
            }
            let hosts = Self.registryHosts(in: secret, type: type)
            registries += hosts.filter { !registries.contains($0) }
            summary.append("\(name): \(type), registries: \(hosts.isEmpty ? "none" : hosts.joined(separator: ", "))")
        }
        facts["secrets_found"] = json.fact(found)
        facts["secrets_wrong_type"] = json.fact(wrongType, seenAt: "\"type\"")
        facts["secret_registries"] = registries.isEmpty ? nil : Fact(values: registries)
        facts["secret_summary"] = summary.isEmpty ? nil : Fact(values: summary)

        let errors = result.stderr.split(separator: "\n")
        let missing = errors.compactMap(Self.missingSecretName)
        if let first = errors.firstIndex(where: { Self.missingSecretName($0) != nil }) {
            facts["secrets_missing"] = Fact(values: missing, evidence: Evidence(line: first + 1, text: String(errors[first]), node: context.node))
        }
        if let forbidden = errors.firstIndex(where: { $0.contains("Forbidden") }) {
            facts["secrets_forbidden"] = Fact("true", evidence: Evidence(line: forbidden + 1, text: String(errors[forbidden]), node: context.node))
        }
        if let registry = context.facts["registry"]?.value, !secrets.isEmpty || !missing.isEmpty {
            let wanted = Self.canonicalHost(registry)
            facts["secret_for_registry"] = Fact(registries.contains(wanted) ? "true" : "false")
        }
        return facts
    }

    /// The Secret objects in a single-object or `List` output.
    static func secrets(in output: String) -> [[String: Any]] {
        guard let object = JSONFacts.object(output) else { return [] }
        if object["kind"] as? String == "Secret" { return [object] }
        return (object["items"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "Secret" || $0["type"] != nil }
    }

    /// The registry hosts a pull secret has credentials for, canonical (Docker Hub as docker.io).
    static func registryHosts(in secret: [String: Any], type: String) -> [String] {
        let key = type == "kubernetes.io/dockercfg" ? ".dockercfg" : ".dockerconfigjson"
        guard let encoded = (secret["data"] as? [String: Any])?[key] as? String,
              let data = Data(base64Encoded: encoded),
              let config = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return [] }
        let entries = type == "kubernetes.io/dockercfg" ? config : (config["auths"] as? [String: Any] ?? [:])
        var hosts: [String] = []
        for host in entries.keys.map(canonicalHost).sorted() where !hosts.contains(host) { hosts.append(host) }
        return hosts
    }

    /// A registry as docker config files name it (`https://index.docker.io/v1/`, `ghcr.io`), as the
    /// host an image reference would carry.
    static func canonicalHost(_ entry: String) -> String {
        var host = Substring(entry.lowercased())
        for scheme in ["https://", "http://"] where host.hasPrefix(scheme) { host = host.dropFirst(scheme.count) }
        if let slash = host.firstIndex(of: "/") { host = host[..<slash] }
        switch host {
        case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com", "docker.io": return "docker.io"
        default: return String(host)
        }
    }

    /// `secrets "regcred" not found` → `regcred`.
    static func missingSecretName(_ line: Substring) -> String? {
        guard line.contains("NotFound"), let open = line.range(of: "secrets \""),
              let close = line[open.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(line[open.upperBound..<close])
    }
}
