import Foundation
import Testing
import TriageTestSupport

/// In a real terminal (tmux): cluster output carrying an OSC 0 title change and an OSC 52
/// clipboard write has no effect when Triage shows it, while `cat` of the same file does.
struct EscapeTerminalTests {
    @Test func titleAndClipboardWritesInOutputDoNotTakeEffect() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-osc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("events.txt")
        try (HostileEscapes.line + "\n").write(to: file, atomically: true, encoding: .utf8)

        // The harness sees the effect: `cat` lets the terminal obey both sequences. The pane stays
        // open a while after, so tmux reads all of the output before the program's end closes it.
        let control = try TmuxSession(command: ["sh", "-c", "cat \"$0\" && sleep 3", file.path])
        for _ in 0..<100 where try control.paneTitle() != "owned-title" { try await Task.sleep(for: .milliseconds(100)) }
        #expect(try control.paneTitle() == "owned-title")
        #expect(try !control.pasteBuffers().isEmpty)
        #expect(try await control.waitForExit() == 0)
        control.close()

        let session = try TmuxSession(command: [TriageBinary.url.path, "diagnose", file.path])
        #expect(try await session.waitForExit() == 0)
        #expect(try session.paneTitle() != "owned-title")
        #expect(try session.pasteBuffers().isEmpty)
        #expect(try session.transcript().contains("]0;owned-title"), "the sequence is shown as text")
        session.close()
    }
}
