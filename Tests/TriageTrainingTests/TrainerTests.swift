import Foundation
import Testing
import TriageEngine
import TriageModel
@testable import TriageTraining

/// Trainee mode in-process: scripted replies through a plain line reader, a stepping clock.
struct TrainerTests {
    /// The concept checks of the pull runbook's first two steps, answered right.
    static let describeChecks = ["Pending → ContainerCreating → ErrImagePull → ImagePullBackOff", "The container never started, so it has written no log"]
    static let statusChecks = [
        "10 seconds, doubling after each failure, up to 5 minutes",
        "No, restartPolicy governs containers that ran and exited; a pull that failed is retried on the image back-off",
    ]

    @Test func aPerfectAttemptScoresFullMarksAndTheDebriefShowsThePath() async throws {
        let (result, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: try await TrainingFixtures.perfectReplies("nginx-tag-typo"))
        let finished = try #require(result)
        #expect(finished.score == 100)
        #expect(finished.passed)
        #expect(finished.path == ["describe", "check-image", "image-not-found"])
        #expect(finished.steps.allSatisfy { $0.isCorrect })
        #expect(finished.steps.filter { $0.kind == .check }.count == 4)
        #expect(finished.cause == "image-not-found")
        #expect(shown.contains("Score: 100/100"))
        #expect(shown.contains("Path: describe → check-image → image-not-found"))
        #expect(shown.contains("✓ you chose check-image"))
        #expect(shown.contains("Why this step:"))
        #expect(shown.contains("Passed (a pass needs 60 points)."))
    }

    @Test func aWrongAnswerIsExplainedAndMayBeTriedAgainForPartOfThePoints() async throws {
        let fix = try await TrainingFixtures.rightFix("nginx-tag-typo")
        let replies = ["invalid-name", "check-image"] + Self.describeChecks + ["image-not-found"] + Self.statusChecks + fix
        let (result, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: replies)
        let finished = try #require(result)
        #expect(finished.score == 93)
        #expect(finished.mistakes == 1)
        #expect(finished.wrongChoices == 0)
        #expect(
            shown.contains(
                "Not [invalid-name]. That way is taken when: The event says InvalidImageName or \"couldn't parse image reference\", so the reference is refused before any pull. This output does not show that."
            ))
        #expect(shown.contains("Try again (1 more try): a right answer now earns 8 of its 15 points."))
        #expect(shown.contains("Right: the runbook goes to Read the pod's own status beside the events [check-image], on try 2."))
        #expect(shown.contains("✓ you chose check-image (on try 2)"))
        #expect(shown.contains("Score: 93/100 (1 retry −7)"))
        let before = try #require(shown.range(of: "Not [invalid-name]."))
        #expect(!shown[..<before.lowerBound].contains("Right:"), "the answer was shown before it was earned")
    }

    @Test func theRightAnswerIsShownWhenTheTriesAreUsedUp() async throws {
        let fix = try await TrainingFixtures.rightFix("nginx-tag-typo")
        let replies = ["invalid-name", "events"] + Self.describeChecks + ["image-not-found"] + Self.statusChecks + fix
        let (result, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: replies)
        #expect(result?.score == 85)
        #expect(result?.mistakes == 2)
        #expect(shown.contains("Not quite: the runbook goes to Read the pod's own status beside the events [check-image], not [events]."))
        #expect(shown.contains("✗ you chose events"))
        #expect(shown.contains("Score: 85/100 (1 wrong answer −15)"))
    }

    @Test func hintsAreGradedANudgeThenTheLineThatMatters() async throws {
        let replies = ["hint"]
        let (_, shown) = try await TrainingFixtures.play(
            "nginx-tag-typo", replies: replies + ["hint", "hint", "check-image"] + Self.describeChecks + ["image-not-found"] + Self.statusChecks)
        let first = try #require(shown.range(of: "(hint 1 of 2: −5 points)\n"))
        #expect(shown[first.upperBound...].hasPrefix("Scroll to the Events at the bottom."))
        let second = try #require(shown.range(of: "(hint 2 of 2: −5 points)\n"))
        #expect(shown[second.upperBound...].hasPrefix("The line that matters:\n  line 52: Warning  Failed"))
        #expect(shown.contains("That was the last hint."))
        let fix = try await TrainingFixtures.rightFix("nginx-tag-typo")
        let (result, _) = try await TrainingFixtures.play(
            "nginx-tag-typo", replies: ["hint", "hint", "hint", "check-image"] + Self.describeChecks + ["image-not-found"] + Self.statusChecks + fix)
        #expect(result?.score == 90)
        #expect(result?.hints == 2)
    }

    /// Every shipped scenario, with both hints and a wrong try at every step: what the trainee
    /// reads is words, never a condition as the runbook writes it.
    @Test func noHintVerdictOrExplanationShowsConditionSyntax() async throws {
        for scenario in TrainingFixtures.library.scenarios {
            let (_, runbook) = TrainingFixtures.scenario(scenario.id)
            let facts = try Session(runbook: runbook, inputs: scenario.inputs).facts
            let path = scenario.expectation.path ?? []
            var replies: [String] = []
            for (node, next) in zip(path, path.dropFirst()) {
                let step = runbook.node(node)!
                let choices = StepChoices(node: step, runbook: runbook, seed: 7, facts: facts)
                if choices.isChoice {
                    let wrong = choices.options.first { $0.target != next }!.target
                    replies += ["hint", "hint", wrong, next]
                }
                if step.command != nil { replies += step.teaching.checks.map(\.answer) }
            }
            let (_, shown) = try await TrainingFixtures.play(scenario.id, replies: replies + ["quit"])
            for syntax in [" == ", "matches /", "all of (", "any of (", "not (", " is known", "Look at the facts"] {
                #expect(!shown.contains(syntax), "\(scenario.id) shows '\(syntax)'")
            }
        }
    }

    @Test func aFixIsChosenOrTypedAndCheckedAgainstThisCluster() async throws {
        let fix = try #require(try await TrainingFixtures.fixQuestion("nginxy-typo"))
        #expect(fix.right.arguments == ["kubectl", "set", "image", "deployment/landing", "nginx=docker.io/library/nginx:1.27", "--namespace", "marketing"])
        let wrongNamespace = try #require(fix.options.firstIndex { $0.invocation.arguments.last == "default" }) + 1
        let replies = ["check-image", "image-typo"]
        let checks = Self.describeChecks + Self.statusChecks
        let perfect = try await TrainingFixtures.perfectReplies("nginxy-typo")
        #expect(Array(perfect.dropLast()).sorted() == (replies + checks).sorted())

        let typed = "kubectl -n marketing set image deployment/landing 'nginx=docker.io/library/nginx:1.27'"
        let (chosen, shown) = try await TrainingFixtures.play("nginxy-typo", replies: Array(perfect.dropLast()) + [String(wrongNamespace), typed])
        #expect(shown.contains("Now the fix. Which command fixes it on this cluster?"))
        #expect(shown.contains("Not that command: it works on namespace default, but here the namespace is marketing."))
        #expect(shown.contains("Right: on try 2. Correct the image where it is declared, in deployment/landing"))
        #expect(chosen?.score == 93)
        #expect(chosen?.steps.last?.kind == .fix)

        #expect(
            fix.problems(with: ["kubectl", "set", "image", "deployment/web", "nginx=docker.io/library/nginx:1.27", "-n", "marketing"])
                == ["it must name this cluster's workload, deployment/landing", "deployment/web does not belong in it"])
        #expect(
            fix.problems(with: ["kubectl", "set", "image", "deployment/landing", "nginx=docker.io/library/nginx:1.27", "--namespace=shop"])
                == ["it must name this cluster's namespace, marketing", "shop does not belong in it"])
        #expect(fix.problems(with: ["crictl", "pull", "nginx"]) == ["it runs crictl, but this fix is done with kubectl"])

        let (unreadable, said) = try await TrainingFixtures.play("nginxy-typo", replies: Array(perfect.dropLast()) + ["kubectl set 'image", "quit"])
        #expect(unreadable == nil)
        #expect(said.contains("That cannot be read as a command: a single quote is not closed."))
    }

    @Test func aPullSecretFixMustNameThisClustersNamespace() async throws {
        let fix = try #require(try await TrainingFixtures.fixQuestion("ghcr-private-no-secret"))
        #expect(fix.right.arguments.starts(with: ["kubectl", "create", "secret", "docker-registry"]))
        #expect(fix.right.arguments.contains("billing"))
        var typed = fix.right.arguments
        typed[typed.firstIndex(of: "billing")!] = "default"
        #expect(fix.problems(with: typed).first == "it must name this cluster's namespace, billing")
    }

    @Test func aConceptCheckAnsweredWrongCostsFivePointsAndSaysWhy() async throws {
        let fix = try await TrainingFixtures.rightFix("nginx-tag-typo")
        let replies =
            ["check-image", "Pending → Running → CrashLoopBackOff → ImagePullBackOff", Self.describeChecks[1], "image-not-found"] + Self.statusChecks + fix
        let (result, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: replies)
        #expect(result?.score == 95)
        #expect(shown.contains("Check: Before a failed pull shows as ImagePullBackOff, which states does the container pass through?"))
        #expect(
            shown.contains("Not quite: the answer is Pending → ContainerCreating → ErrImagePull → ImagePullBackOff. ErrImagePull is the failed attempt itself"))
        #expect(shown.contains("✗ check: you answered Pending → Running → CrashLoopBackOff → ImagePullBackOff"))
        let check = try #require(shown.range(of: "Check: Before a failed pull"))
        let explanation = try #require(shown.range(of: "Why this step:"))
        #expect(check.lowerBound < explanation.lowerBound, "the explanation gives the check's answer away")
    }

    @Test func anExamHasNoHintsNoRetriesAndEndsWhenTimeIsUp() async throws {
        let fix = try await TrainingFixtures.rightFix("nginx-tag-typo")
        let replies = ["hint", "explain", "invalid-name"] + Self.describeChecks + ["image-not-found"] + Self.statusChecks + fix
        let (result, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: replies, settings: .exam)
        let finished = try #require(result)
        #expect(finished.exam)
        #expect(finished.hints == 0)
        #expect(finished.score == 85)
        #expect(shown.contains("No hints or explanations in an exam"))
        #expect(!shown.contains("Try again"))
        #expect(shown.contains("Not quite: the runbook goes to"))

        let start = Date(timeIntervalSince1970: 1_795_000_000)
        let (late, said) = try await TrainingFixtures.play(
            "nginx-tag-typo", replies: ["check-image", "quit"], clock: SteppingClock(step: 60, start: start), settings: .exam,
            deadline: start.addingTimeInterval(30)
        )
        let timedOut = try #require(late)
        #expect(timedOut.timedOut)
        #expect(!timedOut.passed)
        #expect(timedOut.score == 0)
        #expect(said.contains("Time is up. The attempt ends at Describe the pod and read its events [describe]."))
    }

    @Test func aRequiredStepDecidedWrongMeansNotPassed() async throws {
        let fix = try await TrainingFixtures.rightFix("nginx-tag-typo")
        let replies = ["check-image"] + Self.describeChecks + ["node-info", "recovered"] + Self.statusChecks + fix
        let (result, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: replies) { $0.required = ["check-image"] }
        #expect(result?.score == 85)
        #expect(result?.passed == false)
        #expect(shown.contains("Not passed: this scenario requires [check-image] decided right."))
    }

    @Test func theTimeTakenComesFromTheInjectedClock() async throws {
        let replies = try await TrainingFixtures.perfectReplies("nginx-tag-typo")
        let (result, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: replies, clock: SteppingClock(step: 125))
        #expect(result?.seconds == 125)
        #expect(shown.contains("Time: 2m 05s"))
    }

    @Test func repliesByNumberAndPrefixAreAcceptedAndNonsenseIsRefused() async throws {
        let (scenario, runbook) = TrainingFixtures.scenario("nginx-tag-typo")
        let facts = try Session(runbook: runbook, inputs: scenario.inputs).facts
        let choices = StepChoices(node: runbook.node("describe")!, runbook: runbook, seed: 7, facts: facts)
        let number = try #require(choices.options.firstIndex { $0.target == "check-image" }) + 1
        let (result, shown) = try await TrainingFixtures.play(
            "nginx-tag-typo",
            replies: ["banana", String(number), "pending → containercreating", "the container never", "image-not"] + Self.statusChecks
                + (try await TrainingFixtures.rightFix("nginx-tag-typo")))
        #expect(result?.score == 100)
        #expect(shown.contains("'banana' is not one of the options"))
    }

    @Test func theSameSeedShufflesTheSameWayAndOfflineOnlyBranchesAreNotOffered() throws {
        let (scenario, runbook) = TrainingFixtures.scenario("nginx-tag-typo")
        let facts = try Session(runbook: runbook, inputs: scenario.inputs).facts
        let node = runbook.node("check-image")!
        let first = StepChoices(node: node, runbook: runbook, seed: 42, facts: facts)
        #expect(first == StepChoices(node: node, runbook: runbook, seed: 42, facts: facts))
        #expect(first != StepChoices(node: node, runbook: runbook, seed: 43, facts: facts))
        #expect(!first.options.contains { $0.target == "registry-check" })
        #expect(Set(first.options.map(\.target)).count == first.options.count)
    }

    @Test func quittingRecordsNothing() async throws {
        let (result, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: ["quit"])
        #expect(result == nil)
        #expect(!shown.contains("Score:"))
    }

    @Test func everyShippedScenarioCanBeCompletedWithFullMarks() async throws {
        for scenario in TrainingFixtures.library.scenarios where scenario.expectation.path != nil {
            let replies = try await TrainingFixtures.perfectReplies(scenario.id)
            let (result, _) = try await TrainingFixtures.play(scenario.id, replies: replies)
            #expect(result?.score == 100, "\(scenario.id)")
            #expect(result?.ending == scenario.expectation.ending, "\(scenario.id)")
        }
    }

    @Test func nothingSecretIsShownToTheTrainee() async throws {
        let planted = [
            "Q7VZ2JX8M4KD1WPA6T3NBY0RLCF5HSGE9UIO4QXZ7KMB2VN1", "dckr_pat_Vq8ZbL3xN7mT2kR5wY9pC1dF6hJ0sA4e", "ghp_T4kXw9Lm2Qv7Rb5Nz8Yc1Hd6Jf3Gs0Pa9Ue2",
        ]
        for id in ["quay-opaque-secret", "dockerhub-missing-repository", "sidecar-pull-fails"] {
            let replies = try await TrainingFixtures.perfectReplies(id).flatMap { ["show", "hint", $0] }
            let (_, shown) = try await TrainingFixtures.play(id, replies: replies)
            for secret in planted { #expect(!shown.contains(secret), "\(id)") }
            #expect(!shown.contains("eyJhdXRocyI6"), "\(id): a base64 docker config was shown")
        }
    }

    @Test func lintReportsARequiredStepTheScenarioDoesNotPassThrough() async {
        var (scenario, runbook) = TrainingFixtures.scenario("nginx-tag-typo")
        scenario.required = ["check-image"]
        #expect(await ScenarioReplay(parsers: .standard).replay(scenario, runbook: runbook).passed)
        scenario.required = ["registry-check"]
        let report = await ScenarioReplay(parsers: .standard).replay(scenario, runbook: runbook)
        #expect(!report.passed)
        #expect(report.mismatch == "requires the step 'registry-check', but its path describe → check-image → image-not-found does not pass through it")
    }

    /// A value read from JSON carries no line of its own: the pointer finds the line that holds it.
    @Test func theSecondHintPointsAtTheLineThatHoldsAValueReadFromJSON() async throws {
        let (_, shown) = try await TrainingFixtures.play("crash-oom-killed-at-limit", replies: ["hint", "hint", "quit"])
        let second = try #require(shown.range(of: "(hint 2 of 2: −5 points)\n"))
        let pointer = shown[second.upperBound...]
        #expect(pointer.hasPrefix("The line that matters:\n"))
        #expect(pointer.contains(": OOMKilled\n"), "the JSON string is read for the trainee")
        #expect(!pointer.contains("\"reason\""))
    }

    /// Why a step goes where it goes quotes the line of a JSON output as a person reads it: the
    /// string decoded, not a JSON line with its `\"` escapes.
    @Test func theWhyOfAStepReadFromJSONQuotesTheDecodedString() async throws {
        let (_, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: try await TrainingFixtures.perfectReplies("nginx-tag-typo"))
        let whys = shown.split(separator: "\n").filter { $0.hasPrefix("Why:") }
        let fromStatus = try #require(whys.first { $0.contains("Back-off pulling image") }, "\(whys)")
        #expect(fromStatus.contains(#": Back-off pulling image "nginx:1.27-alpne": ErrImagePull:"#), "\(fromStatus)")
        #expect(!whys.contains { $0.contains(#"\""#) }, "\(whys)")
    }

    /// A debrief's time reads any number of seconds without trapping.
    @Test func aDurationOfAnySecondsIsWritten() {
        #expect(Debrief.duration(125) == "2m 05s")
        #expect(Debrief.duration(.nan) == "0s")
        #expect(Debrief.duration(-.infinity) == "0s")
        #expect(Debrief.duration(.infinity) == "1440m 00s")
    }
}
