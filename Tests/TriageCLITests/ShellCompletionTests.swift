import Foundation
import Testing
import TriageTestSupport

/// The values the shell completion scripts ask `triage` for, through the same hidden
/// `---completion` entry the generated bash, zsh and fish scripts call.
struct ShellCompletionTests {
    /// What `triage` offers for `flag` (or `positional@0`) of `subcommand`, the command line being `words`.
    func offered(_ subcommand: String, _ flag: String, _ words: [String]) throws -> TriageBinary.Run {
        let line = ["triage", subcommand] + words
        return try TriageBinary.run(["---completion", subcommand, "--", flag, "\(line.count - 1)", "0"] + line)
    }

    @Test func scenarioAndRunbookIdsAreOffered() throws {
        let scenarios = try offered("replay", "positional@0", [""])
        #expect(scenarios.status == 0, "\(scenarios.stderr)")
        #expect(scenarios.stdout.split(separator: "\n").contains("nginx-tag-typo"))
        #expect(scenarios.stdout.split(separator: "\n").contains("ghcr-tag-deleted"))
        let training = try offered("train", "positional@0", [""])
        #expect(training.stdout.split(separator: "\n").contains("nginx-tag-typo"))
        let runbooks = try offered("run", "positional@0", [""])
        #expect(runbooks.stdout.split(separator: "\n") == ["crash-loop-backoff", "image-pull-backoff"])
    }

    @Test func podsComeFromKubectlInTheNamespaceOnTheLine() throws {
        let objects = KubeObjects(pod: "checkout-7f9c-x2x", namespace: "shop", image: "127.0.0.1:1/lab/hello:v1", error: "unused")
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let pods = try offered("run", "--pod", ["--kubeconfig", fixture.kubeconfig.path, "-n", "shop", "--pod", ""])
        #expect(pods.status == 0, "\(pods.stderr)")
        #expect(pods.stdout.split(separator: "\n") == ["checkout-7f9c-x2x"])
        let scan = try offered("scan", "--pod", ["--kubeconfig", fixture.kubeconfig.path, "--namespace=shop", "--pod", ""])
        #expect(scan.stdout.split(separator: "\n") == ["checkout-7f9c-x2x"])
    }

    @Test(arguments: [KubeAPIFixture.Behavior.forbidden, .hang])
    func aClusterThatDoesNotAnswerGivesNothingSilently(behavior: KubeAPIFixture.Behavior) throws {
        let fixture = try KubeAPIFixture(objects: KubeObjects(image: "127.0.0.1:1/lab/hello:v1", error: "unused"), behavior: behavior)
        defer { fixture.close() }
        let pods = try offered("run", "--pod", ["--kubeconfig", fixture.kubeconfig.path, "-n", "shop", "--pod", ""])
        #expect(pods.status == 0)
        #expect(pods.stdout.isEmpty)
        #expect(pods.stderr.isEmpty)
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func filesAreCompletedWhereAFileIsExpected(shell: String) throws {
        let script = try TriageBinary.run(["--generate-completion-script", shell]).stdout
        switch shell {
        case "bash":
            #expect(script.contains("'--transcript')\n        __triage_add_completions -f"))
            #expect(script.contains("'--runbooks')\n        __triage_add_completions -d"))
        case "zsh":
            #expect(script.contains("--transcript[Write the session to this Markdown file as it happens.]:file:_files"))
        default:
            #expect(script.contains("-l 'transcript' -d 'Write the session to this Markdown file as it happens.' -rF"))
        }
        #expect(script.contains("---completion replay -- positional@0"))
    }
}
