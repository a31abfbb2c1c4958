import TriageModel

/// Reads `kubectl get serviceaccount NAME -o json`: the pull secrets the ServiceAccount adds, and
/// every pull secret the pod may use (its own and its ServiceAccount's).
struct ServiceAccountParser: OutputParser {
    let signature = ParserSignature(
        name: "service-account-json",
        summary: "kubectl get serviceaccount -o json: its imagePullSecrets, merged with the pod's",
        facts: ["service_account_found", "sa_pull_secrets", "all_pull_secrets"],
        formats: ["sa_pull_secrets": .dns1123Subdomain, "all_pull_secrets": .dns1123Subdomain]
    )

    func facts(from result: CommandResult, context: ParserContext) -> Facts {
        var facts: Facts = [:]
        let podSecrets = context.facts["pull_secrets"]?.values ?? []
        var saSecrets: [String] = []
        if let object = JSONFacts.object(result.stdout), object["kind"] as? String == "ServiceAccount" {
            let json = JSONFacts(result.stdout, node: context.node)
            facts["service_account_found"] = Fact("true")
            saSecrets = (object["imagePullSecrets"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            facts["sa_pull_secrets"] = json.fact(saSecrets)
        } else if result.stderr.contains("NotFound") {
            facts["service_account_found"] = Fact("false", evidence: Evidence(line: 1, text: result.stderr.split(separator: "\n").first.map(String.init) ?? "", node: context.node))
        }
        var seen: Set<String> = []
        let all = (podSecrets + saSecrets).filter { seen.insert($0).inserted }
        if !all.isEmpty { facts["all_pull_secrets"] = Fact(values: all) }
        return facts
    }
}
