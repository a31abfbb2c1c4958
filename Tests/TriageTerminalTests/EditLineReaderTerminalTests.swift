import Foundation
import Testing
import TriageTerminal
import TriageTestSupport

/// Set in the environment of the test binary when it runs the line reader demo in tmux.
private let demoVariable = "TRIAGE_LINE_READER_DEMO"
private let isDemo = ProcessInfo.processInfo.environment[demoVariable] == "1"

/// The EditLineReader in a real terminal: the test binary runs itself in tmux with
/// ``demoVariable`` set, which enables ``lineReaderDemo()`` (a tiny REPL) and nothing else.
@Suite("Line editing in a real terminal", .serialized, .timeLimit(.minutes(2)))
struct EditLineReaderTerminalTests {
    /// A miniature REPL on the real terminal: echoes lines as `got [line]`, completes a few
    /// commands and, after `pick `, a question's choices; `secret` reads a password, `sleep`
    /// runs a command that Ctrl-C cancels. Only enabled inside tmux.
    @Test(.enabled(if: isDemo))
    func lineReaderDemo() async throws {
        let monitor = try InterruptMonitor()
        defer { monitor.stop() }
        let state = try StateDirectory.prepare()
        let styler = Styler(capabilities: .detect())
        var reader = try LineReaderFactory.make(capabilities: .detect(), historyFile: state.historyFile)
        #expect(reader is EditLineReader)
        let commands = ["help", "hello", "history", "pick", "secret", "sleep"]
        let completion: CompletionProvider = { request in
            request.lineBeforeCursor.hasPrefix("pick ") ? ["apple", "apricot", "banana"] : commands
        }
        while let line = reader.readLine(prompt: styler.apply(.prompt, to: "demo> "), completion: completion) {
            print("got [\(line)]")
            reader.remember(line)
            switch line {
            case "secret":
                let secret = SecretReader.readSecret(prompt: "Password: ") ?? ""
                print("secret has \(secret.count) characters")
            case "sleep":
                print("running")
                do {
                    try await monitor.runCancellable { try await Task.sleep(for: .seconds(60)) }
                } catch is CancellationError {
                    print("cancelled")
                }
            default:
                break
            }
        }
        print("bye")
    }

    /// The command that runs ``lineReaderDemo()`` in this very test binary.
    private var demoCommand: [String] {
        get throws {
            let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            return [executable, "--testing-library", "swift-testing", "--filter", "lineReaderDemo"]
        }
    }

    /// The line the cursor is on.
    private func currentLine(_ transcript: String) -> String {
        transcript.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test(.disabled(if: isDemo))
    func historyCompletionCtrlCAndSecretsWorkInATerminal() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("triage-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let history = state.appendingPathComponent("triage/history")

        let session = try TmuxSession(command: try demoCommand, environment: [demoVariable: "1", "XDG_STATE_HOME": state.path])
        defer { session.close() }
        var prompts = 1
        /// Types `text` and Enter, waits for `output` and, unless the program asks something
        /// else first, for the next prompt.
        func enter(_ text: String, expect output: String, thenPrompt: Bool = true) async throws {
            try session.type(text)
            try session.sendKeys("Enter")
            try await session.waitFor(output)
            guard thenPrompt else { return }
            prompts += 1
            try await session.waitFor("demo>", count: prompts)
        }
        try await session.waitFor("demo>")

        // History: repeats are not recorded, Up recalls.
        try await enter("hello world", expect: "got [hello world]")
        try session.type("hello world")
        try session.sendKeys("Enter")
        try await session.waitFor("got [hello world]", count: 2)
        prompts += 1
        try await enter("get pods", expect: "got [get pods]")
        try session.sendKeys("Up", "Up")
        try await session.waitUntil("recalled line") { self.currentLine($0) == "demo> hello world" }
        try session.sendKeys("Enter")
        try await session.waitFor("got [hello world]", count: 3)
        prompts += 1
        try await session.waitFor("demo>", count: prompts)

        // Completion: several matches insert the common prefix and are listed; one completes.
        try session.type("he")
        try session.sendKeys("Tab")
        try await session.waitFor("help   hello")
        try await session.waitUntil("common prefix") { self.currentLine($0) == "demo> hel" }
        try session.type("p")
        try session.sendKeys("Tab")
        try await session.waitUntil("completed word") { self.currentLine($0) == "demo> help" }
        try session.sendKeys("Enter")
        try await session.waitFor("got [help ]")
        prompts += 2  // the listing redisplayed the prompt once
        try await session.waitFor("demo>", count: prompts)
        try session.type("pick a")
        try session.sendKeys("Tab")
        try await session.waitFor("apple    apricot")
        try session.type("r")
        try session.sendKeys("Tab", "Enter")
        try await session.waitFor("got [pick apricot ]")
        prompts += 2
        try await session.waitFor("demo>", count: prompts)

        // Ctrl-C at the prompt abandons the line and prompts again.
        try session.type("discard me")
        try session.sendKeys("C-c")
        try await session.waitFor("discard me^C")
        prompts += 1
        try await session.waitFor("demo>", count: prompts)
        try await enter("kept", expect: "got [kept]")
        #expect(try !session.transcript().contains("got [discard me"))

        // A secret is not echoed.
        try await enter("secret", expect: "Password:", thenPrompt: false)
        try session.type("hunter2")
        try session.sendKeys("Enter")
        try await session.waitFor("secret has 7 characters")
        prompts += 1
        try await session.waitFor("demo>", count: prompts)
        #expect(try !session.transcript().contains("hunter2"))

        // Ctrl-C while a command runs cancels the command, not the session.
        try await enter("sleep", expect: "running", thenPrompt: false)
        try session.sendKeys("C-c")
        try await session.waitFor("cancelled")
        prompts += 1
        try await enter("still here", expect: "got [still here]")

        // Ctrl-D ends input.
        try session.sendKeys("C-d")
        try await session.waitFor("bye")
        #expect(try await session.waitForExit() == 0)
        session.close()

        let recorded = try String(contentsOf: history, encoding: .utf8)
        #expect(
            recorded == """
                hello world
                get pods
                hello world
                help 
                pick apricot 
                kept
                secret
                sleep
                still here

                """)
        let attributes = try FileManager.default.attributesOfItem(atPath: history.path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)

        // A new session recalls the previous one's history.
        let second = try TmuxSession(command: try demoCommand, environment: [demoVariable: "1", "XDG_STATE_HOME": state.path])
        defer { second.close() }
        try await second.waitFor("demo>")
        try second.sendKeys("Up")
        try await second.waitUntil("history from the file") { self.currentLine($0) == "demo> still here" }
        try second.sendKeys("C-u", "C-d")
        try await second.waitFor("bye")
        #expect(try await second.waitForExit() == 0)
    }
}
