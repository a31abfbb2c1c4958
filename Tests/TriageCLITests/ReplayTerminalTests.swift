import Foundation
import Testing
import TriageTestSupport

/// A replay in a real 80-column terminal (tmux), which the program measures itself (no
/// `COLUMNS`): no line it writes is wider than the window, and no word that fits on a line is
/// broken across two.
@Suite("A replay in an 80-column terminal", .serialized, .timeLimit(.minutes(3)))
struct ReplayTerminalTests {
    /// Scenarios whose steps, explanations and fixes between them print every kind of text:
    /// paragraphs, commands with long arguments, quoted output, lists of branches.
    static let scenarios = ["nginx-tag-typo", "ghcr-secret-for-docker-hub", "node-out-of-disk"]

    /// What the user types after walking every step with Enter.
    static let closingCommands = ["why", "facts", "explain", "quit"]

    /// How many prompts (`[runbook step] > `) the screen has shown.
    static func prompts(_ transcript: String) -> Int {
        transcript.split(separator: "\n").filter { $0.hasPrefix("[") && $0.contains("] >") }.count
    }

    @Test(arguments: scenarios)
    func nothingIsWiderThanTheWindowAndNoWordIsBroken(scenario: String) async throws {
        let session = try TmuxSession(
            command: [TriageBinary.url.path, "replay", scenario], workingDirectory: TriageBinary.packageRoot,
            columns: 80, rows: 30)
        defer { session.close() }
        var typed: [String] = []
        var seen = Self.prompts(try await session.waitUntil("the first prompt") { Self.prompts($0) >= 1 })
        // Enter walks a step (or gives the scenario's answer to a question) until the session ends.
        for _ in 0..<12 {
            try session.sendKeys("Enter")
            typed.append("")
            let transcript = try await session.waitUntil("prompt \(seen + 1)") { Self.prompts($0) > seen }
            seen = Self.prompts(transcript)
            if transcript.contains("The session has ended") { break }
        }
        for command in Self.closingCommands {
            try session.type(command)
            try session.sendKeys("Enter")
            typed.append(command)
            if command != "quit" {
                seen = Self.prompts(try await session.waitUntil("prompt after \(command)") { Self.prompts($0) > seen })
            }
        }
        #expect(try await session.waitForExit() == 0, "the replay did not reach its ending")

        let screen = try session.unwrappedTranscript()
        let wide = screen.split(separator: "\n").filter { $0.count > 80 }
        #expect(wide.isEmpty, "lines wider than the 80-column window: \(wide.map { String($0) })")

        // The same keys on a pipe, where nothing is wrapped: every word it prints must be whole
        // somewhere on the terminal's screen.
        let piped = try TriageBinary.run(["replay", scenario], input: typed.joined(separator: "\n") + "\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        let broken = WrappedWords.broken(piped: piped.stdout, wrapped: screen)
        #expect(broken.isEmpty, "words broken across lines at 80 columns: \(broken.prefix(10))")
    }
}
