import Testing
import TriageExecution
import TriageModel
import TriageTestSupport

@Suite("ProposeRunner")
struct ProposeRunnerTests {
    private let describe = CommandInvocation(arguments: ["kubectl", "describe", "pod", "web 1"])

    @Test func showsTheCommandAndReadsUpToADot() async throws {
        let paste = ScriptedPasteSource(["Name: web", "", "Events:", ".", "not output"])
        let sink = TextSink()
        let result = try await ProposeRunner(paste: paste, write: sink.write).run(describe)

        #expect(result == CommandResult(stdout: "Name: web\n\nEvents:\n"))
        #expect(await paste.remaining == ["not output"])
        #expect(sink.text.contains("    kubectl describe pod 'web 1'\n"))
        #expect(sink.text.contains("wherever kubectl can reach the cluster"))
        #expect(sink.text.contains("a single \".\" or Ctrl-D"))
        #expect(!sink.text.contains("changes the cluster"))
    }

    @Test func endOfInputEndsThePaste() async throws {
        let result = try await ProposeRunner(paste: ScriptedPasteSource(["one", "two"]), write: { _ in }).run(describe)
        #expect(result.stdout == "one\ntwo\n")
        #expect(result.exitStatus == 0)
    }

    @Test func nothingPastedIsEmptyOutput() async throws {
        let result = try await ProposeRunner(paste: ScriptedPasteSource([" . "]), write: { _ in }).run(describe)
        #expect(result.stdout == "")
    }

    @Test func lineEndingsAreNormalised() async throws {
        let paste = ScriptedPasteSource(["a\r", "b\r\nc", "d\re", ".\r", "after"])
        let result = try await ProposeRunner(paste: paste, write: { _ in }).run(describe)
        #expect(result.stdout == "a\n\nb\nc\nd\ne\n")
        #expect(await paste.remaining == ["after"])
    }

    @Test func saysWhereToRunIt() async throws {
        let sink = TextSink()
        let runner = ProposeRunner(paste: ScriptedPasteSource([]), write: sink.write)
        _ = try await runner.run(CommandInvocation(arguments: ["crictl", "pull", "nginx:1.27"], location: .node))
        #expect(sink.text.contains("on the Kubernetes node itself"))
        #expect(sink.text.contains("crictl pull nginx:1.27"))

        let local = TextSink()
        _ = try await ProposeRunner(paste: ScriptedPasteSource([]), write: local.write)
            .run(CommandInvocation(arguments: ["kubectl", "delete", "pod", "web"], location: .local, mutates: true))
        #expect(local.text.contains("on this machine"))
        #expect(local.text.contains("This command changes the cluster."))
    }
}
