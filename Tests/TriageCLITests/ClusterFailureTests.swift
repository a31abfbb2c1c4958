import Foundation
import Testing
import TriageTestSupport

/// Never an all-clear Triage did not check: every command that asks the cluster, run with the real
/// kubectl against an API server that cannot be reached, refuses, hangs or lacks the pod, or with
/// no kubectl at all, says so with kubectl's own words and exits 2, and never quotes an internal
/// placeholder as evidence.
@Suite(.serialized)
struct ClusterFailureTests {
    /// A kubeconfig for a server on a port nothing listens on.
    static func closedPortKubeconfig(in directory: LabDirectory) throws -> String {
        let listener = try LoopbackListener(handler: { _ in })
        let port = listener.port
        listener.close()
        let file = directory.path("kubeconfig")
        try LoopbackKubeconfig.write(to: file, port: port, namespace: "shop", name: "gone")
        return file.path
    }

    static let objects = KubeObjects(image: "127.0.0.1:1/lab/hello:v1", error: "unused")

    /// `triage ARGUMENTS --kubeconfig FILE`, with a HOME of its own so that kubectl keeps no cache.
    func triage(_ arguments: [String], kubeconfig: String, input: String = "", environment: [String: String] = [:]) throws -> TriageBinary.Run {
        let home = try LabDirectory("home")
        defer { home.remove() }
        var env = ["HOME": home.url.path, "KUBECONFIG": ""]
        env.merge(environment) { _, new in new }
        return try TriageBinary.run(arguments + ["--kubeconfig", kubeconfig], input: input, environment: env, timeout: 90)
    }

    /// Every command that asks the cluster, and the exit status each must give when it cannot.
    static let askingCommands: [[String]] = [
        ["run", "-n", "shop"],
        ["run", "--pod", "web-6d9f7c8b5-k2x7p", "-n", "shop", "--no-input"],
        ["run", "--pod", "web-6d9f7c8b5-k2x7p", "-n", "shop", "--no-input", "-o", "json"],
        ["run", "--pod", "web-6d9f7c8b5-k2x7p", "-n", "shop"],
        ["scan", "-n", "shop"],
        ["scan", "-n", "shop", "--watch", "--interval", "1"],
    ]

    func expectCouldNotLook(_ run: TriageBinary.Run, _ arguments: [String], saying words: String) {
        let all = run.stdout + run.stderr
        #expect(run.status == 2, "\(arguments): \(all)")
        #expect(all.contains(words), "\(arguments) should say '\(words)': \(all)")
        #expect(!all.contains("unknown)"), "\(arguments) quotes a placeholder: \(all)")
        #expect(!all.contains("is failing to pull an image"), "\(arguments) gave an all-clear: \(all)")
    }

    @Test("an API server that cannot be reached", arguments: askingCommands)
    func unreachable(_ arguments: [String]) throws {
        let directory = try LabDirectory("closed")
        defer { directory.remove() }
        let run = try triage(arguments, kubeconfig: try Self.closedPortKubeconfig(in: directory), input: "\nquit\n")
        expectCouldNotLook(run, arguments, saying: "refused")
    }

    @Test("credentials that may not read pods", arguments: askingCommands)
    func forbidden(_ arguments: [String]) throws {
        let fixture = try KubeAPIFixture(objects: Self.objects, behavior: .forbidden)
        defer { fixture.close() }
        let run = try triage(arguments, kubeconfig: fixture.kubeconfig.path, input: "\nquit\n")
        expectCouldNotLook(run, arguments, saying: "forbidden")
    }

    @Test(
        "an API server that never answers",
        arguments: [
            ["run", "-n", "shop", "--timeout", "2"],
            ["run", "--pod", "web-6d9f7c8b5-k2x7p", "-n", "shop", "--no-input", "--timeout", "2"],
            ["scan", "-n", "shop", "--timeout", "2"],
            ["scan", "-A", "--timeout", "2"],
        ])
    func hang(_ arguments: [String]) throws {
        let fixture = try KubeAPIFixture(objects: Self.objects, behavior: .hang)
        defer { fixture.close() }
        let run = try triage(arguments, kubeconfig: fixture.kubeconfig.path)
        expectCouldNotLook(run, arguments, saying: "timed out after 2 s with no answer (--timeout SECONDS waits longer)")
    }

    @Test func aPodThatDoesNotExistIsNotLookedAt() throws {
        let fixture = try KubeAPIFixture(objects: Self.objects, behavior: .podNotFound)
        defer { fixture.close() }
        let selecting = ["run", "--pod", "web-6d9f7c8b5-k2x7p", "-n", "shop", "--no-input", "-o", "json"]
        let read = try triage(selecting, kubeconfig: fixture.kubeconfig.path)
        expectCouldNotLook(read, selecting, saying: #"pods "web-6d9f7c8b5-k2x7p" not found"#)
        #expect(!read.stdout.contains("\"diagnosis\""), "no runbook was chosen, so none ran: \(read.stdout)")
        let arguments = ["run", "image-pull-backoff", "--pod", "web-6d9f7c8b5-k2x7p", "-n", "shop", "--no-input", "-o", "json"]
        let run = try triage(arguments, kubeconfig: fixture.kubeconfig.path)
        expectCouldNotLook(run, arguments, saying: #"pods \"web-6d9f7c8b5-k2x7p\" not found"#)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(report["outcome"] as? String == "could-not-look")
        let evidence = (report["diagnosis"] as? [String: Any])?["evidence"] as? String
        #expect(evidence == #"Error from server (NotFound): pods "web-6d9f7c8b5-k2x7p" not found"#)
    }

    @Test func aNamespaceWithNoFailingPodIsNothingWrong() throws {
        let fixture = try KubeAPIFixture(objects: Self.objects, behavior: .podNotFound)
        defer { fixture.close() }
        let picker = try triage(["run", "-n", "shop"], kubeconfig: fixture.kubeconfig.path)
        #expect(picker.status == 1, "\(picker.stdout)\(picker.stderr)")
        #expect(picker.stdout.contains("No pod in namespace shop is in a state a runbook covers."))
        let scan = try triage(["scan", "-n", "shop"], kubeconfig: fixture.kubeconfig.path)
        #expect(scan.status == 1, "\(scan.stdout)\(scan.stderr)")
    }

    @Test("no kubectl on PATH", arguments: askingCommands)
    func noKubectl(_ arguments: [String]) throws {
        let fixture = try KubeAPIFixture(objects: Self.objects)
        defer { fixture.close() }
        let empty = try LabDirectory("path")
        defer { empty.remove() }
        let run = try triage(arguments, kubeconfig: fixture.kubeconfig.path, input: "\nquit\n", environment: ["PATH": empty.url.path])
        expectCouldNotLook(run, arguments, saying: "`kubectl` was not found on PATH")
    }

    @Test func theExitStatusesAreDocumentedInHelp() throws {
        let help = try TriageBinary.run(["--help"])
        #expect(help.status == 0)
        for line in [
            "Exit status:", "0   a cause was found", "1   Triage looked and found nothing wrong", "2   Triage could not look", "3   stopped before a diagnosis",
            "64  usage error",
        ] {
            #expect(help.stdout.contains(line), "\(line)")
        }
    }
}
