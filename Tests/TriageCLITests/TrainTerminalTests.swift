import Foundation
import Testing
import TriageTestSupport

/// `triage train` in a real terminal (tmux, libedit): a trainee's attempt and an exam, as a
/// trainee would play them.
@Suite("Training in a real terminal", .serialized, .timeLimit(.minutes(3)))
struct TrainTerminalTests {
    /// The number the screen shows before `answer` in the last list of numbered answers.
    private func number(of answer: String, in transcript: String) throws -> String {
        let line = try #require(transcript.split(separator: "\n").last { $0.hasSuffix(") " + answer) })
        return String(line.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
    }

    private func answer(_ session: TmuxSession, _ text: String) throws {
        try session.type(text)
        try session.sendKeys("Enter")
    }

    /// Answers the concept checks at a step by number, read from the screen.
    private func answerChecks(_ session: TmuxSession, _ answers: [String], at node: String, before count: Int) async throws {
        for (index, right) in answers.enumerated() {
            let shown = try await session.waitFor("[image-pull-backoff \(node)] check?", count: index + 1 + count)
            try answer(session, try number(of: right, in: shown))
        }
    }

    @Test func aTraineeEarnsEachAnswerSeesTheSecretsHostsRetriesNamesTheFixAndIsScored() async throws {
        let session = try TmuxSession(command: [TriageBinary.url.path, "train", "ghcr-secret-for-docker-hub", "--seed", "3", "--trainee", "ada"])
        defer { session.close() }

        let start = try await session.waitFor("[image-pull-backoff describe] where next?")
        for answer in ["Right:", "Why:", "Diagnosis", "secret-wrong-registry", "auth)", "ghcr-secret-for-docker-hub"] {
            #expect(!start.contains(answer), "'\(answer)' is shown before the first answer")
        }
        try session.type("check-i")
        try session.sendKeys("Tab")
        try await session.waitUntil("the completed option") { $0.split(separator: "\n").last?.hasSuffix("check-image") == true }
        try session.sendKeys("Enter")
        try await session.waitFor("Right: the runbook goes to Read the pod's own status beside the events [check-image].")
        try await answerChecks(
            session, ["Pending → ContainerCreating → ErrImagePull → ImagePullBackOff", "The container never started, so it has written no log"], at: "describe",
            before: 0)

        try await session.waitFor("[image-pull-backoff check-image] where next?")
        try answer(session, "node-info")
        try await session.waitFor("Not [node-info].")
        try await session.waitFor("Try again (1 more try): a right answer now earns 8 of its 15 points.")
        #expect(!(try session.transcript()).contains("[service-account]."), "the right answer is shown after one wrong try")
        try answer(session, "service-account")
        try await session.waitFor("[service-account], on try 2.")
        try await answerChecks(
            session,
            [
                "10 seconds, doubling after each failure, up to 5 minutes",
                "No, restartPolicy governs containers that ran and exited; a pull that failed is retried on the image back-off",
            ], at: "check-image", before: 0)

        try await session.waitFor("[image-pull-backoff service-account] where next?")
        try answer(session, "check-secrets")
        let secrets = try await session.waitFor("[image-pull-backoff check-secrets] where next?")
        #expect(secrets.contains("registries: https://index.docker.io/v1/"), "the secret's registry host is shown")
        #expect(!secrets.contains("eyJhdXRocyI6"), "the docker config is shown")
        try answer(session, "hint")
        try await session.waitFor("For each secret, check that it was found, its type, and which registry hosts")
        try answer(session, "secret-wrong-registry")

        try await session.waitFor("[image-pull-backoff secret-wrong-registry] fix?")
        try answer(session, "kubectl create secret docker-registry pull-ghcr.io -n default --from-file=.dockerconfigjson=.docker/config.json")
        try await session.waitFor("it must name this cluster's namespace, payments")
        try answer(session, "kubectl create secret docker-registry pull-ghcr.io --from-file=.dockerconfigjson=.docker/config.json --namespace=payments")
        try await session.waitFor("Right: on try 2.")

        let transcript = try await session.waitFor("Saved to ada's progress")
        #expect(transcript.contains("Score: 81/100 (2 retries −14, 1 hint −5)"))
        #expect(transcript.contains("Passed"))
        #expect(try await session.waitForExit() == 0)

        let progress = try TriageBinary.run(["train", "--progress", "--trainee", "ada", "-o", "json"], environment: ["XDG_STATE_HOME": session.stateHome.path])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8)) as? [String: Any])
        let scenarios = try #require(report["scenarios"] as? [[String: Any]])
        #expect(scenarios.first?["scenario"] as? String == "ghcr-secret-for-docker-hub")
        #expect(scenarios.first?["best_score"] as? Int == 81)
        #expect(scenarios.first?["hints"] as? Int == 1)
        #expect(scenarios.first?["mistakes"] as? Int == 2)
    }

    /// The flagship drill's fix has no command of its own: the trainee is asked which fix, may
    /// retry a wrong one for part of the points, and sees the runbook's steps only then.
    @Test func theFlagshipDrillAsksWhichFixAndTakesARetry() async throws {
        let session = try TmuxSession(command: [TriageBinary.url.path, "train", "nginx-tag-typo", "--seed", "3", "--trainee", "bea"])
        defer { session.close() }
        try await session.waitFor("[image-pull-backoff describe] where next?")
        try answer(session, "check-image")
        try await answerChecks(
            session, ["Pending → ContainerCreating → ErrImagePull → ImagePullBackOff", "The container never started, so it has written no log"], at: "describe",
            before: 0)
        try await session.waitFor("[image-pull-backoff check-image] where next?")
        try answer(session, "image-not-found")
        try await answerChecks(
            session,
            [
                "10 seconds, doubling after each failure, up to 5 minutes",
                "No, restartPolicy governs containers that ran and exited; a pull that failed is retried on the image back-off",
            ], at: "check-image", before: 0)

        let right = "Set a tag that exists in the repository where the image is declared, or push the missing one."
        let menu = try await session.waitFor("[image-pull-backoff image-not-found] fix?")
        let question = try #require(menu.range(of: "Now the fix. Which fix removes this cause? Answer with its number."))
        let options = menu[question.upperBound...].split(separator: "\n").filter { $0.contains(") ") && !$0.contains("fix?") }
        #expect(options.count == 4)
        #expect(!menu.contains("What the runbook says to do"), "the fix is shown before it is earned")
        let wrong = try #require(options.first { !$0.hasSuffix(right) })
        try answer(session, String(wrong.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }))
        try await session.waitFor("Not that fix: it is the fix for another problem: ")
        try await session.waitFor("Try again (1 more try): a right answer now earns 8 of its 15 points.")
        #expect(!(try session.transcript()).contains("What the runbook says to do"), "the fix is shown after one wrong try")
        try answer(session, try number(of: right, in: try session.transcript()))
        try await session.waitFor("Right: on try 2.")
        try await session.waitFor("What the runbook says to do:")

        let transcript = try await session.waitFor("Saved to bea's progress")
        #expect(transcript.contains("✓ fix: the right one (on try 2)"))
        #expect(transcript.contains("Score: 93/100 (1 retry −7)"))
        #expect(try await session.waitForExit() == 0)
    }

    /// The limit is one second and the answer is typed after the screen shows more than a second
    /// has passed, so the outcome does not depend on how fast the machine is.
    @Test func anExamGivesNoHintsAndEndsWhenTimeIsUp() async throws {
        let session = try TmuxSession(command: [
            TriageBinary.url.path, "train", "--exam", "--count", "1", "--cause", "image-not-found", "--difficulty", "beginner",
            "--time-limit", "1", "--seed", "5", "--trainee", "eve",
        ])
        defer { session.close() }
        try await session.waitFor("Exam: 1 scenario in 1s, no hints, no retries")
        try await session.waitFor("where next?")
        try answer(session, "hint")
        try await session.waitFor("No hints or explanations in an exam")
        try await Task.sleep(for: .seconds(1.5))
        try answer(session, "1")
        try await session.waitFor("Time is up.")
        let transcript = try await session.waitFor("Exam result: 0 of 1 passed, 0/100")
        #expect(!transcript.contains("(hint 1 of 2"))
        #expect(try await session.waitForExit() == 0)
        let csv = try TriageBinary.run(["train", "--progress", "--trainee", "eve", "-o", "csv"], environment: ["XDG_STATE_HOME": session.stateHome.path])
        let rows = csv.stdout.split(separator: "\r\n")
        #expect(rows.count == 2)
        #expect(rows.last?.hasPrefix("eve,") == true)
        #expect(rows.last?.contains(",1,0,1,0,,") == true, "one attempt, none passed, one exam, score 0, no time to its ending")
    }
}

/// Options of `triage train` that do not go together are refused with a usage error.
struct TrainOptionTests {
    @Test(arguments: [
        (["train", "--count", "2"], "--count 2 goes with --exam"),
        (["train", "--exam", "--count", "0"], "--count must be from 1 to 50, not 0"),
        (["train", "--time-limit", "60"], "--time-limit goes with --exam"),
        (["train", "--exam", "nginx-tag-typo"], "--exam draws its scenarios"),
        (["train", "--from", "x.json"], "--from goes with --progress"),
        (["train", "nginx-tag-typo", "-o", "csv"], "-o csv goes with --progress"),
    ])
    func isRefused(arguments: [String], message: String) throws {
        let run = try TriageBinary.run(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
