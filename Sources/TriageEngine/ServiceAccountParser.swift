import TriageKubernetes
import TriageModel

/// Reads `kubectl get serviceaccount NAME -o json`: the pull secrets the ServiceAccount adds, and
/// every pull secret the pod may use (its own and its ServiceAccount's).
struct ServiceAccountParser: OutputParser {
    let signature = ParserSignature(
        name: "service-account-json",
        summary: "kubectl get serviceaccount -o json: its imagePullSecrets, merged with the pod's",
        facts: ["service_account_found", "sa_pull_secrets", "all_pull_secrets"],
        formats: ["sa_pull_secrets": .dns1123Subdomain, "all_pull_secrets": .dns1123Subdomain],
        headline: [.init("all_pull_secrets", "pull secrets")]
    )

    func facts(from result: CommandResult, context: ParserContext) -> Facts {
        var facts: Facts = [:]
        let podSecrets = context.facts["pull_secrets"]?.values ?? []
        var saSecrets: [String] = []
        if let account = try? ServiceAccount.decode(result.stdout) {
            facts["service_account_found"] = Fact("true")
            saSecrets = account.imagePullSecrets
            facts["sa_pull_secrets"] = JSONFacts(result.stdout, node: context.node).fact(saSecrets)
        } else if result.stderr.contains("NotFound") {
            facts["service_account_found"] = Fact("false", evidence: Evidence(line: 1, text: result.stderr.split(separator: "\n").first.map(String.init) ?? "", node: context.node))
        }
        var seen: Set<String> = []
        facts["all_pull_secrets"] = Fact.list((podSecrets + saSecrets).filter { seen.insert($0).inserted })
        return facts
    }
}
