import TriageKubernetes
import TriageModel
import TriageParserSignatures

/// Reads `kubectl get serviceaccount NAME -o json`: the pull secrets the ServiceAccount adds,
/// every pull secret the pod may use (its own and its ServiceAccount's), and which object names
/// each: `serviceaccount/NAME` when the ServiceAccount lists it (admission copied it into the
/// pod), else `pod/NAME`, the pod spec's own `imagePullSecrets`.
struct ServiceAccountParser: OutputParser {
    let signature = ParserSignatures.serviceAccount

    func facts(from result: CommandResult, context: ParserContext) -> Facts {
        var facts: Facts = [:]
        let podSecrets = context.facts["pull_secrets"]?.values ?? []
        var saSecrets: [String] = []
        if let account = try? ServiceAccount.decode(result.stdout) {
            facts["service_account_found"] = Fact("true")
            saSecrets = account.imagePullSecrets
            facts["sa_pull_secrets"] = JSONFacts(result.stdout, node: context.node).fact(saSecrets)
        } else if result.stderr.contains("NotFound") {
            facts["service_account_found"] = Fact(
                "false", evidence: Evidence(line: 1, text: result.stderr.lines(omittingEmpty: true).first.map(String.init) ?? "", node: context.node))
        }
        var seen: Set<String> = []
        let all = (podSecrets + saSecrets).filter { seen.insert($0).inserted }
        facts["all_pull_secrets"] = Fact.list(all)
        let account = context.facts["service_account"]?.value ?? "default"
        let pod = context.facts["pod"]?.value
        facts["pull_secrets_named_by"] = Fact.list(
            all.compactMap { name in
                saSecrets.contains(name) ? "serviceaccount/\(account)" : pod.map { "pod/\($0)" }
            })
        return facts
    }

    /// The objects that name `secrets` (as `serviceaccount/NAME` or `pod/NAME`), in their order,
    /// from the facts this parser gave.
    static func namedBy(_ secrets: [String], in facts: Facts) -> [String] {
        let all = facts["all_pull_secrets"]?.values ?? [], owners = facts["pull_secrets_named_by"]?.values ?? []
        guard all.count == owners.count else { return [] }
        return secrets.compactMap { secret in all.firstIndex(of: secret).map { owners[$0] } }
    }
}
