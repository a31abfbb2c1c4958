import Foundation
import Testing
import TriageTestSupport

/// The REPL of the real `triage` binary in a real terminal (tmux): line editing, Tab completion
/// of commands and of a question's choices, history recalled with the up arrow across sessions.
@Suite("The REPL in a real terminal", .serialized, .timeLimit(.minutes(2)))
struct REPLTerminalTests {
    /// The line the cursor is on.
    func currentLine(_ screen: String) -> String {
        screen.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test func completionAndHistoryWorkInATerminal() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("triage-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let command = [TriageBinary.url.path, "replay", "nginx-tag-typo"]
        let environment = ["XDG_STATE_HOME": state.path]

        let first = try TmuxSession(command: command, environment: environment)
        defer { first.close() }
        let prompt = "[image-pull-backoff 1/5 describe] >"
        try await first.waitFor(prompt)

        // Tab completes a unique command prefix: "exp" → "explain ".
        try first.type("exp")
        try first.sendKeys("Tab")
        try await first.waitUntil("explain completed") { currentLine($0).hasSuffix("> explain") }
        try first.sendKeys("Enter")
        try await first.waitFor("shows nothing here")
        try await first.waitFor(prompt, count: 2)

        // Several matches list the choices.
        try first.type("s")
        try first.sendKeys("Tab")
        try await first.waitUntil("choices listed") { $0.contains("show") && $0.contains("skip") }
        try first.sendKeys("C-u")
        try first.type("next")
        try first.sendKeys("Enter")
        try await first.waitFor("[image-pull-backoff 1/5 check-image] >")

        // The up arrow recalls the last line.
        try first.sendKeys("Up")
        try await first.waitUntil("history recall") { currentLine($0).hasSuffix("> next") }
        try first.sendKeys("C-u")
        try first.sendKeys("C-d")
        #expect(try await first.waitForExit() == 3, "left before its diagnosis")

        // History outlives the session.
        let second = try TmuxSession(command: command, environment: environment)
        defer { second.close() }
        try await second.waitFor(prompt)
        try second.sendKeys("Up")
        try await second.waitUntil("history from the first session") { currentLine($0).hasSuffix("> next") }
        try second.sendKeys("Up")
        try await second.waitUntil("older history") { currentLine($0).hasSuffix("> explain") }
        try second.sendKeys("C-u", "C-d")
        #expect(try await second.waitForExit() == 3, "left before its diagnosis")
    }

    /// A change's "Run it?" is answered only by what is typed after it shows: a "yes" already in
    /// the terminal's input (typed ahead, or the rest of a paste) is dropped, not taken as the
    /// answer.
    @Test func aChangeIsNotApprovedByTypeAhead() async throws {
        let folder = try LabDirectory("triage-typeahead")
        defer { folder.remove() }
        let step = ChangingStep()
        defer { step.clean() }
        let runbooks = folder.path("runbooks"), scenarios = folder.path("scenarios")
        try FileManager.default.createDirectory(at: runbooks, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try step.yaml.write(to: runbooks.appendingPathComponent("changer.yaml"), atomically: true, encoding: .utf8)
        let scenario = """
            id: changer-scenario
            runbook: changer
            title: A change
            difficulty: beginner
            teaches: asking first
            commands:
              - run: [touch, "\(step.marker)"]
                stdout: "touched by the recording\\n"
            expect: {ending: done}
            """
        try scenario.write(to: scenarios.appendingPathComponent("changer-scenario.yaml"), atomically: true, encoding: .utf8)
        let session = try TmuxSession(command: [
            TriageBinary.url.path, "replay", "changer-scenario", "--runbooks", runbooks.path, "--scenarios", scenarios.path,
        ])
        defer { session.close() }
        try await session.waitFor("[changer change] >")
        try session.type("next\ryes\r")
        try await session.waitFor("Run it? [y/N] >")
        // The answer typed now is the one taken: a typed-ahead yes would have run the change, and
        // this "no" would have gone to the next prompt.
        try session.type("no")
        try session.sendKeys("Enter")
        let screen = try await session.waitFor("it was not confirmed")
        #expect(!screen.contains("replaying: $ touch"), "the typed-ahead yes answered")
        try session.type("next")
        try session.sendKeys("Enter")
        try await session.waitFor("Run it? [y/N] >", count: 2)
        try session.type("yes")
        try session.sendKeys("Enter")
        try await session.waitFor("replaying: $ touch")
        try session.sendKeys("C-d")
        _ = try await session.waitForExit()
        #expect(!step.ran, "a replay runs nothing")
    }
}
