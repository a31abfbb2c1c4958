import Foundation
import Testing
import TriageExecution
import TriageModel

@Suite("kubectl cluster options")
struct KubectlScopingTests {
    @Test func flagsGoRightAfterKubectlForClusterCommands() throws {
        let options = try KubectlOptions(context: "prod", kubeconfig: "/tmp/kc", namespace: "shop")
        let scoped = options.scope(CommandInvocation(arguments: ["kubectl", "get", "pods", "-n", "web"]))
        #expect(
            scoped.arguments == [
                "kubectl", "--context", "prod", "--kubeconfig", "/tmp/kc", "--namespace", "shop",
                "get", "pods", "-n", "web",
            ])
        let byPath = options.scope(CommandInvocation(arguments: ["/usr/bin/kubectl", "version"]))
        #expect(byPath.arguments.count == 8)
    }

    @Test func onlyTheGivenFlagsAreAdded() throws {
        let scoped = try KubectlOptions(context: "dev").scope(CommandInvocation(arguments: ["kubectl", "get", "nodes"]))
        #expect(scoped.arguments == ["kubectl", "--context", "dev", "get", "nodes"])
    }

    @Test func otherCommandsAreLeftAlone() throws {
        let options = try KubectlOptions(context: "prod")
        let crictl = CommandInvocation(arguments: ["crictl", "pull", "nginx"], location: .cluster)
        let lookalike = CommandInvocation(arguments: ["kubectl-foo"])
        #expect(options.scope(crictl) == crictl)
        #expect(options.scope(lookalike) == lookalike)
        let none = try KubectlOptions()
        let plain = CommandInvocation(arguments: ["kubectl", "get", "pods"])
        #expect(none.scope(plain) == plain)
    }

    @Test(arguments: CommandLocation.allCases)
    func everyKubectlCommandGetsTheFlagsWhateverItsWhere(location: CommandLocation) throws {
        let options = try KubectlOptions(context: "prod", kubeconfig: "/tmp/kc")
        let scoped = options.scope(CommandInvocation(arguments: ["kubectl", "get", "pods"], location: location))
        #expect(scoped.arguments == ["kubectl", "--context", "prod", "--kubeconfig", "/tmp/kc", "get", "pods"])
        let wrapped = options.scope(CommandInvocation(arguments: ["env", "A=1", "/usr/bin/kubectl", "get", "pods"], location: location))
        #expect(wrapped.arguments == ["env", "A=1", "/usr/bin/kubectl", "--context", "prod", "--kubeconfig", "/tmp/kc", "get", "pods"])
    }

    @Test(arguments: [
        ("", "it is empty"),
        ("-n", "starts with \"-\""),
        ("prod\nother", "control character"),
        ("prod\u{1B}[0m", "control character"),
    ])
    func badValuesAreRejected(value: String, reason: String) throws {
        let error = #expect(throws: ExecutionError.self) { try KubectlOptions(context: value) }
        let message = try #require(error?.localizedDescription)
        #expect(message.hasPrefix("Invalid --context value"))
        #expect(message.contains(reason))
        #expect(throws: ExecutionError.self) { try KubectlOptions(kubeconfig: value) }
        #expect(throws: ExecutionError.self) { try KubectlOptions(namespace: value) }
    }

    @Test func decoratorPassesTheScopedCommandToTheBaseRunner() async throws {
        let base = RecordingRunner(
            base: ReplayRunner(recordings: [
                Scenario.Recording(arguments: ["kubectl", "--context", "prod", "get", "pods"], result: CommandResult(stdout: "pods\n"))
            ]))
        let runner = ClusterScopedRunner(base: base, options: try KubectlOptions(context: "prod"))
        let result = try await runner.run(CommandInvocation(arguments: ["kubectl", "get", "pods"]))
        #expect(result.stdout == "pods\n")
        #expect(base.recordings.map(\.arguments) == [["kubectl", "--context", "prod", "get", "pods"]])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/kubectl")))
    func realKubectlHonoursTheFlags() async throws {
        let dir = try ProcessProbe.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let kubeconfig = dir.appendingPathComponent("empty-kubeconfig")
        try Data().write(to: kubeconfig)
        let options = try KubectlOptions(context: "nosuch", kubeconfig: kubeconfig.path)
        let runner = ClusterScopedRunner(base: LiveRunner(timeout: .seconds(20)), options: options)

        let result = try await runner.run(CommandInvocation(arguments: ["kubectl", "get", "pods"]))

        #expect(result.exitStatus != 0)
        #expect(!result.timedOut)
        #expect(result.stderr.contains("context was not found for specified context: nosuch"))
        #expect(result.duration < 30, "kubectl failed at once rather than trying to reach a cluster")
    }
}
