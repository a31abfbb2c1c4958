import Foundation
import Testing
import TriageTestSupport

/// What a scenario author does: start from `triage new scenario`, fill it in, lint and replay it;
/// record a proposed session with its answers.
struct AuthoringTests {
    @Test func aSkeletonFromNewScenarioFilledInPassesLintAndReplaysToItsEnding() throws {
        let lab = try LabDirectory("triage-authoring")
        defer { lab.remove() }
        let runbooks = lab.path("runbooks"), scenarios = lab.path("scenarios")
        try FileManager.default.createDirectory(at: runbooks, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try DiskRunbook.text.write(to: runbooks.appendingPathComponent("disk.yaml"), atomically: true, encoding: .utf8)
        let file = scenarios.appendingPathComponent("full-var.yaml")

        let made = try TriageBinary.run(["new", "scenario", file.path, "--runbook", "disk", "--input", "node=worker-1", "--runbooks", runbooks.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("Wrote scenario 'full-var'"))
        let skeleton = try String(contentsOf: file, encoding: .utf8)
        #expect(skeleton.contains("  - run: [kubectl, describe, node, worker-1]"))
        #expect(skeleton.contains("  namespace: default"))
        #expect(skeleton.contains("  ending: TODO                # one of: full, fine"))
        for key in [
            "id:", "runbook:", "title:", "difficulty:", "teaches:", "practises:", "required:", "inputs:", "commands:", "stdout:", "stderr:", "exit:",
            "duration:", "timed_out:", "answers:", "expect:",
        ] {
            #expect(skeleton.contains(key), "the skeleton has no '\(key)'")
        }

        let unfilled = try TriageBinary.run(["lint", file.path, "--runbooks", runbooks.path])
        #expect(unfilled.status == 1)
        #expect(unfilled.stdout.contains("TODO") || unfilled.stderr.contains("TODO"))

        var filled = skeleton
        for (todo, text) in [
            ("TODO what happened, in one line", "A full /var on worker-1"),
            ("TODO what this incident teaches", "Reading df"),
            ("TODO what the trainee practises, without naming the cause (the menu shows it)", "reading disk usage"),
            ("TODO paste what the command printed on standard output", "/dev/sda1    40G   40G     0 100% /var"),
            ("ending: TODO", "ending: full"),
        ] {
            filled = filled.replacingOccurrences(of: todo, with: text)
        }
        let values = filled.split(separator: "\n").map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }
        #expect(!values.contains { $0.contains("TODO") }, "a TODO is left outside the comments")
        try filled.write(to: file, atomically: true, encoding: .utf8)
        let lint = try TriageBinary.run(["lint", file.path, "--runbooks", runbooks.path])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        let replay = try TriageBinary.run(["replay", file.path, "--no-input", "--runbooks", runbooks.path])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")

        let again = try TriageBinary.run(["new", "scenario", file.path, "--runbook", "disk", "--runbooks", runbooks.path])
        #expect(again.status == 64)
        #expect(again.stderr.contains("already exists"))
        #expect(try String(contentsOf: file, encoding: .utf8) == filled)
        let badInput = try TriageBinary.run([
            "new", "scenario", lab.path("other.yaml").path, "--runbook", "disk", "--input", "node=Worker_1", "--runbooks", runbooks.path,
        ])
        #expect(badInput.status == 64)
        #expect(badInput.stderr.contains("--input node=Worker_1"))
        #expect(!FileManager.default.fileExists(atPath: lab.path("other.yaml").path))
    }

    /// A placeholder the skeleton cannot fill says where its value comes from: an input not given
    /// is written under `inputs:`, a fact comes from an earlier command's output.
    @Test func eachUnfilledPlaceholderSaysWhereItsValueComesFrom() throws {
        let lab = try LabDirectory("triage-authoring")
        defer { lab.remove() }
        let file = lab.path("web.yaml")
        let made = try TriageBinary.run(["new", "scenario", file.path, "--runbook", "image-pull-backoff"])
        #expect(made.status == 0, "\(made.stderr)")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        let notes = lines.filter { $0.contains("TODO replace") }
        #expect(notes.contains { $0.contains("{{pod}}") && $0.hasSuffix("with the value given under inputs:") })
        #expect(notes.contains { $0.contains("{{node}}") && $0.hasSuffix("with the value the earlier output gives") })
        #expect(!notes.contains { $0.contains("{{pod}}") && $0.contains("earlier output") })
    }

    @Test func aProposedSessionRecordsTheAnswersGivenAtItsQuestions() throws {
        let lab = try LabDirectory("triage-propose-record")
        defer { lab.remove() }
        let runbook = """
            id: ask-demo
            title: Ask demo
            inputs:
              pod: {format: dns-1123-subdomain}
              namespace: {format: dns-1123-label, default: default}
            start: private
            nodes:
              private:
                title: Is the registry private?
                ask: {question: Does the image need credentials?, answer: yes-no, fact: private}
                branches:
                  - {when: {fact: private, equals: "yes"}, goto: needs-secret}
                  - otherwise: public
              needs-secret:
                title: A private image needs a pull secret
                diagnosis: {cause: auth, summary: Private, fix: [Add a pull secret.]}
              public:
                title: A public image
                diagnosis: {cause: other, summary: Public, fix: [Look elsewhere.]}
            """
        try FileManager.default.createDirectory(at: lab.path("runbooks"), withIntermediateDirectories: true)
        try runbook.write(to: lab.path("runbooks/ask-demo.yaml"), atomically: true, encoding: .utf8)
        let file = lab.path("ask-case.yaml")
        let run = try TriageBinary.run(
            ["run", "ask-demo", "--pod", "web", "-n", "shop", "--propose", "--record", file.path, "--runbooks", lab.path("runbooks").path],
            input: "yes\n"
        )
        #expect(run.status == 0, "\(run.stderr)")
        let recorded = try String(contentsOf: file, encoding: .utf8)
        #expect(recorded.contains("answers:\n  private: yes\n"))
        let replay = try TriageBinary.run(["replay", file.path, "--no-input", "--runbooks", lab.path("runbooks").path])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
    }
}
