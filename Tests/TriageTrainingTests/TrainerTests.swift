import Foundation
import Testing
import TriageEngine
import TriageModel
import TriageTraining

/// Trainee mode in-process: scripted replies through a plain line reader, a stepping clock.
struct TrainerTests {
    @Test func aPerfectAttemptScoresFullMarksAndTheDebriefShowsThePath() async throws {
        let (result, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: ["check-image", "image-not-found"])
        let finished = try #require(result)
        #expect(finished.score == 100)
        #expect(finished.path == ["describe", "check-image", "image-not-found"])
        #expect(finished.steps.allSatisfy { $0.isCorrect })
        #expect(finished.cause == "image-not-found")
        #expect(shown.contains("Score: 100/100"))
        #expect(shown.contains("Path: describe → check-image → image-not-found"))
        #expect(shown.contains("✓ you chose check-image"))
        #expect(shown.contains("Why this step:"))
    }

    @Test func wrongChoicesAndHintsCostPoints() async throws {
        let (result, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: ["hint", "invalid-name", "hint", "hint", "image-not-found"])
        let finished = try #require(result)
        // One wrong choice (−15) and two steps with a hint (−5 each; a second hint at a step is free).
        #expect(finished.score == 75)
        #expect(finished.wrongChoices == 1)
        #expect(finished.hints == 2)
        #expect(shown.contains("Not quite: the runbook goes to Read the pod's own status beside the events [check-image], not [invalid-name]."))
        #expect(shown.contains("✗ you chose invalid-name"))
        #expect(shown.contains("Score: 75/100 (1 wrong choice −15, 2 hints −10)"))
        #expect(shown.contains("The line that decides:"))
        #expect(shown.contains("docker.io/library/nginx:1.27-alpne: not found"))
    }

    @Test func theTimeTakenComesFromTheInjectedClock() async throws {
        let (result, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: ["check-image", "image-not-found"], clock: SteppingClock(step: 125))
        #expect(result?.seconds == 125)
        #expect(shown.contains("Time: 2m 05s"))
    }

    @Test func repliesByNumberAndPrefixAreAcceptedAndNonsenseIsRefused() async throws {
        let (scenario, runbook) = TrainingFixtures.scenario("nginx-tag-typo")
        let facts = try Session(runbook: runbook, inputs: scenario.inputs).facts
        let choices = StepChoices(node: runbook.node("describe")!, runbook: runbook, seed: 7, facts: facts)
        let number = try #require(choices.options.firstIndex { $0.target == "check-image" }) + 1
        let (result, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: ["banana", String(number), "image-not"])
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
            let replies = try TrainingFixtures.perfectReplies(scenario.id)
            let (result, _) = try await TrainingFixtures.play(scenario.id, replies: replies)
            #expect(result?.score == 100, "\(scenario.id)")
            #expect(result?.ending == scenario.expectation.ending, "\(scenario.id)")
        }
    }

    @Test func nothingSecretIsShownToTheTrainee() async throws {
        let planted = ["Q7VZ2JX8M4KD1WPA6T3NBY0RLCF5HSGE9UIO4QXZ7KMB2VN1", "dckr_pat_Vq8ZbL3xN7mT2kR5wY9pC1dF6hJ0sA4e", "ghp_T4kXw9Lm2Qv7Rb5Nz8Yc1Hd6Jf3Gs0Pa9Ue2"]
        for id in ["quay-opaque-secret", "dockerhub-missing-repository", "sidecar-pull-fails"] {
            let replies = try TrainingFixtures.perfectReplies(id).flatMap { ["show", "hint", $0] }
            let (_, shown) = try await TrainingFixtures.play(id, replies: replies)
            for secret in planted { #expect(!shown.contains(secret), "\(id)") }
            #expect(!shown.contains("eyJhdXRocyI6"), "\(id): a base64 docker config was shown")
        }
    }
}
