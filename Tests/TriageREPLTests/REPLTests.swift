import Foundation
import Synchronization
import Testing
import TriageEngine
import TriageExecution
import TriageModel
@testable import TriageREPL
import TriageRunbooks
import TriageTerminal

/// The REPL driven through plain lines, as a pipe or script drives it.
struct REPLTests {
    /// Collects everything the REPL writes.
    final class CapturingConsole: Console {
        private let storage = Mutex("")
        var text: String { storage.withLock { $0 } }
        func write(_ text: String) { storage.withLock { $0 += text } }
    }

    static let yaml = """
        id: demo
        title: Demo runbook
        inputs:
          pod: {format: dns-1123-subdomain}
        start: look
        nodes:
          look:
            step: 1
            title: Look at the pod
            explain: |
              First paragraph.

              Second paragraph with detail.
            run: [kubectl, get, pod, "{{pod}}"]
            facts:
              reason: 'reason: (\\w+)'
            branches:
              - when: {fact: reason, equals: ErrImagePull}
                goto: ask
                label: the pull failed
              - otherwise: fine
          ask:
            step: 2
            title: Ask about the registry
            ask: {question: Is the registry private?, answer: yes-no, fact: private}
            branches:
              - when: {fact: private, equals: "yes"}
                goto: creds
              - otherwise: fine
          creds:
            title: Credentials
            diagnosis:
              cause: auth
              summary: "{{pod}} needs a pull secret"
              evidence: "{{reason}}"
              fix:
                - text: Create it
                  run: [kubectl, create, secret, docker-registry, regcred]
                  mutates: true
          fine:
            title: Fine
            diagnosis:
              cause: other
              summary: nothing wrong
              fix: []
        """

    static let recordings = [
        Scenario.Recording(arguments: ["kubectl", "get", "pod", "web"], result: CommandResult(stdout: "name: web\nreason: ErrImagePull\n", duration: 0.2)),
        Scenario.Recording(
            arguments: ["kubectl", "create", "secret", "docker-registry", "regcred"], result: CommandResult(stdout: "secret/regcred created\n")),
    ]

    /// Runs the REPL over `lines` and returns what it printed and how it ended.
    func drive(
        _ lines: [String], yaml: String = yaml, recordings: [Scenario.Recording] = recordings, readOnly: Bool = false,
        transcript: TranscriptWriter? = nil
    ) async throws -> (String, REPL.Outcome) {
        let runbook = try RunbookDecoder.decode(yaml, file: "demo.yaml").get()
        let session = try Session(runbook: runbook, inputs: ["pod": "web"])
        let console = CapturingConsole()
        let input = SharedLineReader(prompter: PlainLineReader(source: .lines(lines), echo: .promptAndInput, output: console.write))
        let repl = REPL(
            session: session, runner: ReplayRunner(recordings: recordings), parsers: .standard, input: input,
            console: console, styler: Styler(enabled: false), mode: .replay, transcript: transcript, readOnly: readOnly
        )
        let outcome = await repl.run()
        return (console.text, outcome)
    }

    @Test func enterRunsTheStepAndFollowsTheBranch() async throws {
        let (text, outcome) = try await drive(["", "yes"])
        #expect(text.contains("[demo 1/2 look] > "))
        #expect(text.contains("── Step 1/2 · Look at the pod"))
        #expect(text.contains("Next: $ kubectl get pod web"))
        #expect(text.contains("Found:\n  reason  ErrImagePull\n"))
        #expect(text.contains("→ ask because branch 1 held: reason == ErrImagePull (the pull failed)"))
        #expect(text.contains("[demo 2/2 ask] > "))
        #expect(text.contains("Diagnosis: auth"))
        #expect(text.contains("web needs a pull secret"))
        #expect(outcome.diagnosis?.cause == "auth")
        #expect(outcome.path == ["look", "ask", "creds"])
    }

    static let describeYAML = """
        id: demo
        title: Demo runbook
        inputs:
          pod: {format: dns-1123-subdomain}
        start: look
        nodes:
          look:
            title: Describe the pod
            run: [kubectl, describe, pod, "{{pod}}"]
            parser: pull-failure
            branches:
              - otherwise: done
          done:
            title: Done
            diagnosis:
              cause: other
              summary: done
              fix: []
              verify:
                text: Watch the pod
                run: [kubectl, get, pod, "{{pod}}"]
                parser: pull-failure
                until: {all: [{fact: cause, equals: image-not-found}, {not: {fact: image_suggestion, present: true}}]}
                every: 1
                for: 1
        """
    static let describeOutput = """
        Events:
          Warning  Failed  12s  kubelet  Failed to pull image "nginx:1.27-alpne": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.27-alpne": failed to resolve reference "docker.io/library/nginx:1.27-alpne": docker.io/library/nginx:1.27-alpne: not found

        """

    @Test func foundIsAShortSummaryAndFactsListsEverything() async throws {
        let recordings = [Scenario.Recording(arguments: ["kubectl", "describe", "pod", "web"], result: CommandResult(stdout: Self.describeOutput))]
        let (text, _) = try await drive(["", "facts"], yaml: Self.describeYAML, recordings: recordings)
        let found = try #require(text.components(separatedBy: "Found:").dropFirst().first?.components(separatedBy: "→").first)
        #expect(found.contains("more; 'facts' lists all"))
        #expect(found.contains("  cause     image-not-found\n"))
        #expect(found.contains("  image     docker.io/library/nginx:1.27-alpne\n"))
        #expect(found.contains("  evidence  Warning  Failed  12s  kubelet  Failed to pull image"))
        for hidden in ["causes", "registry_family", "fix", "explanation", "…"] {
            #expect(!found.contains(hidden), "the summary shows no \(hidden)")
        }
        let facts = try #require(text.components(separatedBy: "> facts").last)
        #expect(facts.contains("registry_family = dockerhub"))
        #expect(facts.contains("causes = image-not-found"))
    }

    @Test func verifySaysInWordsWhatItWaitsFor() async throws {
        let recordings = [
            Scenario.Recording(arguments: ["kubectl", "describe", "pod", "web"], result: CommandResult(stdout: Self.describeOutput)),
            Scenario.Recording(arguments: ["kubectl", "get", "pod", "web"], result: CommandResult(stdout: Self.describeOutput)),
        ]
        let (text, _) = try await drive(["", "verify"], yaml: Self.describeYAML, recordings: recordings)
        #expect(text.contains("Watching until cause is image-not-found and there is no image suggestion, every 1 s"))
        #expect(text.contains("Recovered at poll 1: cause is image-not-found and there is no image suggestion."))
        #expect(!text.contains("all of ("))
        #expect(!text.contains("=="))
    }

    /// A watch replayed from 30 identical recorded polls, then the change: poll 1, one line for
    /// the 29 that saw the same over 145 s, and the poll that changed.
    @Test func replayedPollsThatSawTheSameAreOneLine() async throws {
        let yaml = Self.describeYAML.replacingOccurrences(of: "every: 1", with: "every: 5").replacingOccurrences(of: "for: 1", with: "for: 300")
        let unauthorized =
            "Events:\n  Warning  Failed  12s  kubelet  Failed to pull image \"ghcr.io/acme/api:1\": rpc error: code = Unknown desc = failed to pull and unpack image \"ghcr.io/acme/api:1\": failed to resolve reference \"ghcr.io/acme/api:1\": unexpected status from HEAD request to https://ghcr.io/v2/acme/api/manifests/1: 401 Unauthorized\n"
        let poll = ["kubectl", "get", "pod", "web"]
        let recordings =
            [Scenario.Recording(arguments: ["kubectl", "describe", "pod", "web"], result: CommandResult(stdout: Self.describeOutput))]
            + Array(repeating: Scenario.Recording(arguments: poll, result: CommandResult(stdout: unauthorized)), count: 30)
            + [Scenario.Recording(arguments: poll, result: CommandResult(stdout: Self.describeOutput))]
        let (text, _) = try await drive(["", "verify"], yaml: yaml, recordings: recordings)
        let polls = text.split(separator: "\n").filter { $0.hasPrefix("  poll") }
        #expect(polls.count == 3, "\(polls)")
        #expect(polls.first?.hasPrefix("  poll 1: exit 0 · cause: auth") == true, "\(polls)")
        #expect(polls.dropFirst().first?.hasPrefix("  polls 2–30: the same as poll 1 (29 polls over 145 s): exit 0 · cause: auth") == true, "\(polls)")
        #expect(polls.last?.hasPrefix("  poll 31: exit 0 · cause: image-not-found") == true, "\(polls)")
        #expect(text.contains("Recovered at poll 31"))
    }

    /// A watch that gives up after polls that all saw the same ends with the run's line.
    @Test func aRunOfRepeatsIsShownWhenTheWatchEnds() {
        var folder = PollFolder()
        var lines = folder.add(.init(attempt: 1, text: "Pending")) + folder.add(.init(attempt: 2, text: "Pending"))
        lines += folder.add(.init(attempt: 3, text: "Pending")) + folder.flush()
        #expect(lines == [.poll(attempt: 1, text: "Pending"), .repeated(from: 2, through: 3, since: 1, text: "Pending")])
        #expect(folder.flush() == [])
        #expect(folder.add(.init(attempt: 4, text: "Running")) == [.poll(attempt: 4, text: "Running")])
    }

    @Test func whyQuotesTheEvidenceLine() async throws {
        let (text, _) = try await drive(["next", "why", "show"])
        #expect(text.contains("From 'look' the session went to 'ask' because branch 1 held"))
        #expect(text.contains("reason came from line 2 of the output of 'look':\n    reason: ErrImagePull"))
        #expect(text.contains("▶ 2  reason: ErrImagePull"))
        #expect(text.contains("  1  name: web"))
    }

    @Test func backUndoesAndSkipMovesOn() async throws {
        let (text, outcome) = try await drive(["next", "back", "facts", "skip"])
        #expect(text.contains("[demo 2/2 ask] > back"))
        #expect(text.contains("pod = web"))
        #expect(!text.contains("reason = ErrImagePull\n"))
        #expect(outcome.path == ["look", "fine"])
    }

    @Test func explainGivesTheWholeText() async throws {
        let (text, _) = try await drive(["explain"])
        #expect(text.contains("First paragraph.\n('explain' for more)"))
        #expect(text.contains("Second paragraph with detail."))
    }

    /// The remedy heads the fix, above the numbered steps, a fact not known named in words;
    /// `fix 1` is still the first step.
    @Test func theRemedyHeadsTheFix() async throws {
        let yaml = Self.yaml.replacingOccurrences(
            of: "summary: \"{{pod}} needs a pull secret\"",
            with: "remedy: Give {{pod}} a pull secret for {{registry}}.\n      summary: \"{{pod}} needs a pull secret\"")
        let (text, _) = try await drive(["", "yes", "fix 1", "n"], yaml: yaml)
        #expect(text.contains("Fix\n  Give web a pull secret for the registry.\n  1. Create it\n"))
        #expect(text.contains("This command changes the cluster:\n  $ kubectl create secret docker-registry regcred"))
        let (without, _) = try await drive(["", "yes"])
        #expect(without.contains("Fix\n  1. Create it\n"))
    }

    @Test func unknownCommandsAndBadAnswersAreExplained() async throws {
        let (text, outcome) = try await drive(["nxet", "next", "maybe", "no"])
        #expect(text.contains("error: unknown command 'nxet'; did you mean 'next'? Type 'help' for the list."))
        #expect(text.contains("error: answer yes or no"))
        #expect(outcome.diagnosis?.cause == "other")
    }

    @Test func aMutatingFixAsksFirst() async throws {
        let (declined, _) = try await drive(["", "yes", "fix 1", "n"])
        #expect(declined.contains("This command changes the cluster:\n  $ kubectl create secret docker-registry regcred"))
        #expect(declined.contains("was not confirmed. 'skip' goes on without it."))
        #expect(!declined.contains("secret/regcred created"))
        let (accepted, _) = try await drive(["", "yes", "fix 1", "yes"])
        #expect(accepted.contains("secret/regcred created"))
        let (readOnly, _) = try await drive(["", "yes", "fix 1"], readOnly: true)
        #expect(readOnly.contains("`kubectl create` changes the cluster, and read-only mode is on"))
        #expect(!readOnly.contains("Run it? [y/N]"))
    }

    @Test func aFixThatUnderstatesWhatItRunsStillAsksAndIsRefusedInReadOnlyMode() async throws {
        let understating = Self.yaml.replacingOccurrences(of: "mutates: true", with: "mutates: false")
        let (declined, _) = try await drive(["", "yes", "fix 1", "n"], yaml: understating)
        #expect(declined.contains("This command changes the cluster:\n  $ kubectl create secret docker-registry regcred"))
        #expect(!declined.contains("secret/regcred created"))
        let (readOnly, _) = try await drive(["", "yes", "fix 1"], yaml: understating, readOnly: true)
        #expect(readOnly.contains("read-only mode is on"))
        #expect(!readOnly.contains("secret/regcred created"))
        #expect(!readOnly.contains("Run it? [y/N]"))
    }

    @Test func theTranscriptIsWrittenAsTheSessionGoes() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("triage-transcript-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (text, _) = try await drive(["next", "transcript \(path)", "yes"])
        #expect(text.contains("Writing the transcript to \(path)."))
        let markdown = try String(contentsOfFile: path, encoding: .utf8)
        #expect(markdown.hasPrefix("# Triage transcript: Demo runbook"))
        #expect(markdown.contains("$ kubectl get pod web"))
        #expect(markdown.contains("reason: ErrImagePull"))
        #expect(markdown.contains("Answer: **yes**"))
        #expect(markdown.contains("## Diagnosis: auth"))
        #expect(markdown.contains("Path: `look` → `ask` → `creds`"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func endOfInputEndsTheSession() async throws {
        let (_, outcome) = try await drive([])
        #expect(outcome.path == ["look"])
        #expect(outcome.diagnosis == nil)
    }
}
