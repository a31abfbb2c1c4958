import Foundation
import Testing
import TriageTestSupport

/// The built `triage` binary, run as scripts and users run it.
struct CommandLineTests {
    func json(_ run: TriageBinary.Run) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        return try #require(object as? [String: Any], "stdout was not a JSON object: \(run.stdout)")
    }

    @Test func helpShowsExamples() throws {
        let run = try TriageBinary.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("    triage run --pod web-7d4b9 -n shop --propose\n"))
        for command in ["run", "replay", "diagnose", "lint", "list"] {
            #expect(run.stdout.contains("  \(command) "), "help lists \(command)")
        }
    }

    @Test func listAsJSON() throws {
        let run = try TriageBinary.run(["list", "-o", "json"])
        #expect(run.status == 0)
        let object = try json(run)
        let runbooks = try #require(object["runbooks"] as? [[String: Any]])
        let scenarios = try #require(object["scenarios"] as? [[String: Any]])
        #expect(runbooks.contains { $0["id"] as? String == "image-pull-backoff" && $0["title"] != nil })
        let typo = try #require(scenarios.first { $0["id"] as? String == "nginx-tag-typo" })
        #expect(typo["runbook"] as? String == "image-pull-backoff")
        #expect(typo["cause"] as? String == "image-not-found")
        #expect(typo["difficulty"] as? String == "beginner")
        #expect(typo["title"] != nil)
    }

    @Test func replayWithoutInputReportsThePathAndPasses() throws {
        let run = try TriageBinary.run(["replay", "nginx-tag-typo", "--no-input", "-o", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let object = try json(run)
        #expect(object["scenario"] as? String == "nginx-tag-typo")
        #expect(object["path"] as? [String] == ["describe", "check-image", "image-not-found"])
        #expect(object["cause"] as? String == "image-not-found")
        #expect(object["expected_cause"] as? String == "image-not-found")
        #expect(object["passed"] as? Bool == true)
        let diagnosis = try #require(object["diagnosis"] as? [String: Any])
        #expect(diagnosis["remedy"] as? String == "Set a tag that exists in the repository where the image is declared, or push the missing one.")
    }

    @Test func replayOfAScenarioThatMissesItsEndingFails() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(contentsOf: TriageBinary.packageRoot.appendingPathComponent("Scenarios/nginx-tag-typo.yaml"), encoding: .utf8)
        let broken =
            original
            .replacingOccurrences(of: "id: nginx-tag-typo", with: "id: wrong-expectation")
            .replacingOccurrences(of: "  ending: image-not-found\n  cause: image-not-found", with: "  ending: auth\n  cause: auth")
            .replacingOccurrences(of: "  path: [describe, check-image, image-not-found]\n", with: "")
        let file = folder.appendingPathComponent("wrong.yaml")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let run = try TriageBinary.run(["replay", file.path, "--no-input", "-o", "json"])
        #expect(run.status == 1)
        let object = try json(run)
        #expect(object["passed"] as? Bool == false)
        #expect(object["cause"] as? String == "image-not-found")
        #expect(object["expected_cause"] as? String == "auth")

        let lint = try TriageBinary.run(["lint", file.path])
        #expect(lint.status == 1)
        #expect(
            lint.stdout.contains("\(file.path):1:1: error: scenario 'wrong-expectation' ended at 'image-not-found' (image-not-found) but expects 'auth' (auth)")
        )
    }

    @Test func lintPassesOnTheShippedLibraryAndFindsEachProblemWithItsLine() throws {
        let clean = try TriageBinary.run(["lint"])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("no problems"))

        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.yaml")
        try """
        id: broken
        title: Broken
        start: first
        nodes:
          first:
            title: First
            run: [kubectl, get, pod, "{{pod}}"]
            branches:
              - when: {fact: cause, equals: auth}
                goto: missing
              - otherwise: first
          lonely:
            title: Lonely
            diagnosis: {cause: other, summary: never, fix: []}
        """.write(to: file, atomically: true, encoding: .utf8)
        let run = try TriageBinary.run(["lint", file.path, "-o", "json"])
        #expect(run.status == 1)
        let problems = try #require(try json(run)["problems"] as? [[String: Any]])
        let lines = problems.map { "\($0["line"] ?? ""):\($0["column"] ?? ""): \($0["message"] ?? "")" }
        #expect(lines.contains("7:10: placeholder '{{pod}}' in node 'first' names no input and no fact produced before it"))
        #expect(lines.contains { $0.hasPrefix("9:9: the condition 'cause == auth' in node 'first' reads fact 'cause'") })
        #expect(lines.contains("9:9: a branch of node 'first' goes to 'missing', which does not exist"))
        #expect(lines.contains("12:3: node 'lonely' can never be reached from 'first'"))
        #expect(lines.contains("5:3: the nodes loop: first → first; a runbook must be a tree that always ends"))
    }

    @Test func anInvalidPodNameIsRefusedBeforeAnythingRuns() throws {
        let run = try TriageBinary.run(["run", "--pod", "Web_1", "--no-input", "-o", "json"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--pod 'Web_1' contains upper-case letters"))
        #expect(run.stdout.isEmpty)
        let flag = try TriageBinary.run(["run", "--pod", "--kubeconfig=/etc/passwd", "--no-input"])
        #expect(flag.status != 0)
    }

    @Test func theReplayREPLWalksThroughAPipe() throws {
        let run = try TriageBinary.run(["replay"], input: "\n\nwhy\nquit\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("[image-pull-backoff 1/5 describe] > "))
        #expect(run.stdout.contains("replaying: $ kubectl describe pod web-6d9f7c8b5-k2x7p --namespace shop"))
        #expect(run.stdout.contains("Diagnosis: image-not-found"))
        #expect(run.stdout.contains("docker.io/library/nginx:1.27-alpne: not found"))
        #expect(run.stdout.contains("You reached 'image-not-found' (image-not-found), the ending this scenario expects."))
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// Step 4 reads pull secrets; nothing secret may reach the screen or the transcript.
struct SecretLeakTests {
    @Test func noSecretFromTheScenarioIsPrintedOrWritten() throws {
        let scenario = TriageBinary.packageRoot.appendingPathComponent("Scenarios/ghcr-secret-for-docker-hub.yaml")
        let text = try String(contentsOf: scenario, encoding: .utf8)
        // The planted credentials: the password, its base64 `auth`, and the base64 docker config.
        let password = "Sup3r-S3cret-Passw0rd!"
        let auth = Data("acme-ci:\(password)".utf8).base64EncodedString()
        let config = try #require(text.firstMatch(of: /"\.dockerconfigjson": "([A-Za-z0-9+\/=]+)"/)).output.1
        #expect(text.contains(auth) == false && String(decoding: Data(base64Encoded: String(config))!, as: UTF8.self).contains(password))

        let transcript = FileManager.default.temporaryDirectory.appendingPathComponent("triage-leak-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: transcript) }
        let commands = ["transcript \(transcript.path)", "", "show", "", "show", "", "show", "facts", "why", "", "show", "facts", "fix 1", "quit"]
        let run = try TriageBinary.run(["replay", "ghcr-secret-for-docker-hub"], input: commands.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Diagnosis: auth"))
        #expect(
            run.stdout.contains(#"".dockerconfigjson": "<redacted; registries: https://index.docker.io/v1/>""#),
            "the secret's output was shown with its credentials masked and its registry host named"
        )
        let marked = run.stdout.split(separator: "\n").filter { $0.contains("<redacted; registries:") }
        #expect(!marked.isEmpty && marked.allSatisfy { $0.hasPrefix("▶") }, "the registries fact's evidence is the config's line")
        let written = try String(contentsOf: transcript, encoding: .utf8)
        for secret in [password, auth, String(config), String(config.prefix(24))] {
            #expect(!run.stdout.contains(secret) && !run.stderr.contains(secret), "printed: \(secret.prefix(10))…")
            #expect(!written.contains(secret), "in the transcript: \(secret.prefix(10))…")
        }
        let json = try TriageBinary.run(["replay", "ghcr-secret-for-docker-hub", "--no-input", "-o", "json"])
        #expect(json.status == 0)
        for secret in [password, auth, String(config)] { #expect(!json.stdout.contains(secret)) }
    }
}

/// Status 1 means Triage looked and found nothing wrong: an error that escapes a command never
/// exits 1, and a filter that matches nothing is a usage error.
struct EscapedErrorStatusTests {
    @Test func anUnreadableProgressFileCouldNotBeRead() throws {
        let lab = try LabDirectory("triage-status")
        defer { lab.remove() }
        let state = ["XDG_STATE_HOME": lab.path("state").path]
        let missing = try TriageBinary.run(["train", "--progress", "--from", lab.path("none.json").path], environment: state)
        #expect(missing.status == 2, "\(missing.stderr)")
        #expect(missing.stderr.contains("none.json") && missing.stderr.contains("does not exist"))
        try "{broken".write(to: lab.path("bad.json"), atomically: true, encoding: .utf8)
        let broken = try TriageBinary.run(["train", "--progress", "--from", lab.path("bad.json").path], environment: state)
        #expect(broken.status == 2, "\(broken.stderr)")
    }

    @Test func aFilterThatMatchesNoScenarioIsAUsageError() throws {
        let lab = try LabDirectory("triage-status")
        defer { lab.remove() }
        let run = try TriageBinary.run(["train", "--cause", "no-such-cause"], environment: ["XDG_STATE_HOME": lab.path("state").path])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("no scenario matches --cause no-such-cause"))
    }

    @Test func lintStillExitsOneForTheProblemsItReports() throws {
        let lab = try LabDirectory("triage-status")
        defer { lab.remove() }
        try "id: x\n".write(to: lab.path("x.yaml"), atomically: true, encoding: .utf8)
        #expect(try TriageBinary.run(["lint", lab.path("x.yaml").path]).status == 1)
    }
}
