import Foundation
import Testing
import TriageModel
@testable import TriageEngine

/// The parsers of Steps 2–4, on kubectl's JSON.
struct ClusterParserTests {
    func secret(_ name: String, type: String, hosts: [String]) -> String {
        let auths = hosts.map { #""\#($0)":{"auth":"dXNlcjpwYXNz"}"# }.joined(separator: ",")
        let config = type == "kubernetes.io/dockercfg" ? "{\(auths)}" : #"{"auths":{\#(auths)}}"#
        let key = type == "kubernetes.io/dockercfg" ? ".dockercfg" : ".dockerconfigjson"
        return
            #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"\#(name)"},"type":"\#(type)","data":{"\#(key)":"\#(Data(config.utf8).base64EncodedString())"}}"#
    }

    func context(registry: String) -> ParserContext {
        ParserContext(node: "check-secrets", facts: ["registry": Fact(registry)])
    }

    @Test func pullSecretsFoundMissingWrongTypeAndHosts() {
        let list = """
            {"apiVersion":"v1","kind":"List","items":[
            \(secret("hub", type: "kubernetes.io/dockerconfigjson", hosts: ["https://index.docker.io/v1/"])),
            \(secret("legacy", type: "kubernetes.io/dockercfg", hosts: ["quay.io"])),
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"opaque"},"type":"Opaque","data":{"x":"eQ=="}}
            ]}
            """
        let stderr = #"Error from server (NotFound): secrets "regcred" not found"#
        let facts = PullSecretsParser().facts(from: CommandResult(stdout: list, stderr: stderr, exitStatus: 1), context: context(registry: "ghcr.io"))
        #expect(facts["secrets_found"]?.values == ["hub", "legacy", "opaque"])
        #expect(facts["secrets_missing"]?.values == ["regcred"])
        #expect(facts["secrets_missing"]?.evidence?.text == stderr)
        #expect(facts["secrets_wrong_type"]?.values == ["opaque (Opaque)"])
        #expect(facts["secret_registries"]?.values == ["docker.io", "quay.io"])
        #expect(facts["secret_for_registry"]?.value == "false")
        for fact in facts.values {
            #expect(!fact.values.joined().contains("dXNlcjpwYXNz"), "a fact carries the auth field")
        }
    }

    /// The secret a fix recreates is a missing one first, then one the kubelet ignores, then the
    /// one whose credentials were refused; and the object naming it is the ServiceAccount when it
    /// lists the secret, else the pod spec.
    @Test(arguments: [
        (["regcred"], "regcred", "pod/web-1"), (["hub", "opaque"], "opaque", "serviceaccount/builder"),
        (["hub"], "hub", "pod/web-1"),
    ])
    func theSecretToFixAndWhoNamesIt(asked: [String], toFix: String, namedBy: String) {
        let items = [
            secret("hub", type: "kubernetes.io/dockerconfigjson", hosts: ["ghcr.io"]),
            #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"opaque"},"type":"Opaque","data":{"x":"eQ=="}}"#,
        ]
        .filter { item in asked.contains { item.contains(#""name":"\#($0)""#) } }
        let list = #"{"apiVersion":"v1","kind":"List","items":[\#(items.joined(separator: ","))]}"#
        let stderr = asked.contains("regcred") ? #"Error from server (NotFound): secrets "regcred" not found"# : ""
        let account = ServiceAccountParser().facts(
            from: CommandResult(stdout: #"{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"builder"},"imagePullSecrets":[{"name":"opaque"}]}"#),
            context: ParserContext(
                node: "service-account", facts: ["pod": Fact("web-1"), "service_account": Fact("builder"), "pull_secrets": Fact(values: ["regcred", "hub"])]))
        #expect(account["pull_secrets_named_by"]?.values == ["pod/web-1", "pod/web-1", "serviceaccount/builder"])
        let facts = PullSecretsParser().facts(
            from: CommandResult(stdout: list, stderr: stderr),
            context: ParserContext(
                node: "check-secrets", facts: account.merging(["registry": Fact("ghcr.io")]) { old, _ in old }))
        #expect(facts["secret_to_fix"]?.value == toFix)
        #expect(facts["secret_named_by"]?.value == namedBy)
    }

    @Test func dockerHubAliasesMatchTheImageRegistry() {
        let one = secret("hub", type: "kubernetes.io/dockerconfigjson", hosts: ["registry-1.docker.io"])
        let facts = PullSecretsParser().facts(from: CommandResult(stdout: one), context: context(registry: "docker.io"))
        #expect(facts["secret_for_registry"]?.value == "true")
        #expect(PullSecretsParser.canonicalHost("https://registry.example.com:5000/v2/") == "registry.example.com:5000")
    }

    @Test func forbiddenIsReported() {
        let stderr =
            #"Error from server (Forbidden): secrets "regcred" is forbidden: User "dev" cannot get resource "secrets" in API group "" in the namespace "shop""#
        let facts = PullSecretsParser().facts(from: CommandResult(stdout: "", stderr: stderr, exitStatus: 1), context: context(registry: "docker.io"))
        #expect(facts["secrets_forbidden"]?.value == "true")
    }

    @Test func nodeRuntimePlatformAndPressure() {
        let node = """
            {"apiVersion":"v1","kind":"Node","metadata":{"name":"worker-2"},"status":{
            "conditions":[{"type":"DiskPressure","status":"True"},{"type":"Ready","status":"True"}],
            "nodeInfo":{"architecture":"arm64","containerRuntimeVersion":"containerd://1.7.22","kubeletVersion":"v1.31.2","operatingSystem":"linux"}}}
            """
        let facts = NodeParser().facts(from: CommandResult(stdout: node), context: ParserContext(node: "node-info"))
        #expect(facts["node_runtime"]?.value == "containerd")
        #expect(facts["node_runtime_version"]?.value == "1.7.22")
        #expect(facts["node_platform"]?.value == "linux/arm64")
        #expect(facts["node_disk_pressure"]?.value == "True")
        #expect(facts["kubelet_version"]?.value == "v1.31.2")
    }

    @Test func serviceAccountSecretsMergeWithThePods() {
        let account = #"{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"builder"},"imagePullSecrets":[{"name":"ecr"},{"name":"regcred"}]}"#
        let context = ParserContext(node: "service-account", facts: ["pull_secrets": Fact(values: ["regcred", "hub"])])
        let facts = ServiceAccountParser().facts(from: CommandResult(stdout: account), context: context)
        #expect(facts["sa_pull_secrets"]?.values == ["ecr", "regcred"])
        #expect(facts["all_pull_secrets"]?.values == ["regcred", "hub", "ecr"])
    }
}
