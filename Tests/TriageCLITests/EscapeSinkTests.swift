import Foundation
import Testing
import TriageTestSupport

/// Escape sequences in cluster output or a paste are shown, never obeyed: `diagnose` text and
/// JSON, and a replayed session's screen and transcript, carry no raw control character.
struct EscapeSinkTests {
    @Test(arguments: [["diagnose"], ["diagnose", "-o", "json"], ["diagnose", "-o", "yaml"]])
    func diagnoseShowsEscapesAsText(_ arguments: [String]) throws {
        let run = try TriageBinary.run(arguments, input: HostileEscapes.line + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!HostileEscapes.hasRawControls(run.stdout), "\(run.stdout.debugDescription)")
        #expect(run.stdout.contains("]0;owned-title"), "the sequence is shown as text")
    }
}
