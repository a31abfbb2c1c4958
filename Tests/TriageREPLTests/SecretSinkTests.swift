import Foundation
import Synchronization
import Testing
import TriageEngine
import TriageExecution
import TriageModel
import TriageREPL
import TriageRunbooks
import TriageTerminal
import TriageTestSupport

/// A password planted in every form, pasted into a proposed session, appears nowhere: not on the
/// screen (`show`, `facts`, `why`, the diagnosis), not in the transcript, not in the history.
struct SecretSinkTests {
    /// A reader of scripted lines that keeps what it is asked to remember, as the history would.
    final class RememberingReader: LineReader {
        var plain: PlainLineReader
        let remembered = Mutex<[String]>([])

        init(_ lines: [String], output: @escaping @Sendable (String) -> Void) {
            plain = PlainLineReader(source: .lines(lines), echo: .promptAndInput, output: output)
        }

        func readLine(prompt: String, completion: CompletionProvider?) -> String? {
            plain.readLine(prompt: prompt, completion: completion)
        }

        func remember(_ line: String) {
            remembered.withLock { $0.append(line) }
        }
    }

    static let yaml = """
        id: paste
        title: Paste runbook
        inputs:
          pod: {format: dns-1123-subdomain}
        start: look
        nodes:
          look:
            title: Read the pull failure
            run: [kubectl, describe, pod, "{{pod}}"]
            parser: pull-failure
            facts:
              url: '(https://\\S+)'
              password_line: '(password.*)'
            branches:
              - when: {fact: cause, present: true}
                goto: found
              - otherwise: found
          found:
            title: Found
            diagnosis:
              cause: auth
              summary: "{{cause}}: {{url}}"
              evidence: "{{evidence}}"
              fix: []
        """

    @Test func aPastedPasswordAppearsNowhere() async throws {
        let runbook = try RunbookDecoder.decode(Self.yaml, file: "paste.yaml").get()
        let session = try Session(runbook: runbook, inputs: ["pod": "web"], settings: .init(mode: "propose", offline: true))
        let console = REPLTests.CapturingConsole()
        let pasted = PlantedSecrets.everything.replacingOccurrences(of: "\n", with: "\r\n").split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        let reader = RememberingReader(["next"] + pasted + [".", "show", "facts", "why", "path"], output: console.write)
        let input = SharedLineReader(prompter: reader)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let transcriptPath = directory.appendingPathComponent("t.md").path
        let transcript = try TranscriptWriter(path: transcriptPath, runbook: runbook, inputs: ["pod": "web"], mode: "propose")
        let repl = REPL(
            session: session, runner: ProposeRunner(paste: input, write: console.write), parsers: .standard, input: input,
            console: console, styler: Styler(enabled: false), mode: .propose, transcript: transcript
        )
        let outcome = await repl.run()
        #expect(outcome.diagnosis?.cause == "auth")
        let screen = console.text
        // The pasted lines were read (the echo shows them, with their controls made visible) —
        // what Triage printed back must be clean.
        let pastedLines = Set(
            pasted.flatMap { line in
                VisibleText.escapingControls(line.hasSuffix("\r") ? String(line.dropLast()) : line).split(separator: "\n").map(String.init)
            })
        let printed = screen.split(separator: "\n").map(String.init).filter { !pastedLines.contains($0) }.joined(separator: "\n")
        #expect(PlantedSecrets.leaks(in: printed).isEmpty, "screen: \(printed)")
        #expect(printed.contains("<redacted>"))
        let written = try String(contentsOfFile: transcriptPath, encoding: .utf8)
        #expect(PlantedSecrets.leaks(in: written).isEmpty, "transcript")
        let facts = repl.session.facts.values.flatMap { $0.values + [$0.evidence?.text ?? ""] }.joined(separator: "\n")
        #expect(PlantedSecrets.leaks(in: facts).isEmpty, "facts: \(facts)")
        #expect(facts.contains("https://robot:<redacted>@registry.example.com"))
        #expect(reader.remembered.withLock { $0 } == ["next", "show", "facts", "why", "path"])
    }
}

/// A Secret's value printed bare (`-o jsonpath`), pasted back, is masked because of the command
/// that printed it: `show`, the facts read from it and the transcript never hold it.
struct BareSecretSinkTests {
    static let yaml = """
        id: bare
        title: Read one key of a Secret
        start: read
        nodes:
          read:
            title: Read the token
            run: [kubectl, get, secret, regcred, --output, "jsonpath={.data.token}"]
            facts:
              token_value: '(\\S+)'
            next: done
          done:
            title: Done
            diagnosis: {cause: other, summary: "read {{token_value}}", fix: []}
        """

    @Test func aBareSecretValueAppearsNowhere() async throws {
        let runbook = try RunbookDecoder.decode(Self.yaml, file: "bare.yaml").get()
        let session = try Session(runbook: runbook, inputs: [:], settings: .init(mode: "propose", offline: true))
        let console = REPLTests.CapturingConsole()
        let reader = SecretSinkTests.RememberingReader(["next", PlantedSecrets.password, ".", "show", "facts"], output: { _ in })
        let input = SharedLineReader(prompter: reader)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-bare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let transcriptPath = directory.appendingPathComponent("t.md").path
        let transcript = try TranscriptWriter(path: transcriptPath, runbook: runbook, inputs: [:], mode: "propose")
        let repl = REPL(
            session: session, runner: ProposeRunner(paste: input, write: console.write), parsers: .standard, input: input,
            console: console, styler: Styler(enabled: false), mode: .propose, transcript: transcript
        )
        _ = await repl.run()
        #expect(PlantedSecrets.leaks(in: console.text).isEmpty, "screen: \(console.text)")
        #expect(console.text.contains("<redacted>"))
        #expect(PlantedSecrets.leaks(in: try String(contentsOfFile: transcriptPath, encoding: .utf8)).isEmpty, "transcript")
        #expect(repl.session.facts["token_value"]?.value == "<redacted>")
    }
}

/// Escape sequences pasted into a session are shown as text on the screen and in the transcript.
struct EscapeSinkREPLTests {
    @Test func pastedEscapesAreShownNotObeyed() async throws {
        let runbook = try RunbookDecoder.decode(SecretSinkTests.yaml, file: "paste.yaml").get()
        let session = try Session(runbook: runbook, inputs: ["pod": "web"], settings: .init(mode: "propose", offline: true))
        let console = REPLTests.CapturingConsole()
        let reader = SecretSinkTests.RememberingReader(["next", HostileEscapes.line, ".", "show", "facts", "why"], output: { _ in })
        let input = SharedLineReader(prompter: reader)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-escapes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let transcriptPath = directory.appendingPathComponent("t.md").path
        let transcript = try TranscriptWriter(path: transcriptPath, runbook: runbook, inputs: ["pod": "web"], mode: "propose")
        let repl = REPL(
            session: session, runner: ProposeRunner(paste: input, write: console.write), parsers: .standard, input: input,
            console: console, styler: Styler(enabled: false), mode: .propose, transcript: transcript
        )
        _ = await repl.run()
        #expect(!HostileEscapes.hasRawControls(console.text), "\(console.text.debugDescription)")
        #expect(console.text.contains("]0;owned-title"))
        let written = try String(contentsOfFile: transcriptPath, encoding: .utf8)
        #expect(!HostileEscapes.hasRawControls(written))
    }
}
