import Foundation
import Testing
import TriageEngine
import TriageModel
import TriageRunbooks
@testable import TriageTraining

/// The question after the cause, at every ending a scenario reaches.
struct FixQuestionTests {
    /// The replies of a perfect attempt at `id` up to the fix question.
    static func untilTheFix(_ id: String) async throws -> [String] {
        let replies = try await TrainingFixtures.perfectReplies(id)
        return Array(replies.dropLast((try await TrainingFixtures.rightFix(id)).count))
    }

    /// Every shipped scenario played through the trainer: each one whose ending finds a cause
    /// asks for the fix, without showing it first, and scores it; only "could not look" and
    /// "nothing wrong" ask none.
    @Test func everyEndingWithACauseAsksForTheFix() async throws {
        var nothingToFix: [String] = []
        for scenario in TrainingFixtures.library.scenarios {
            let (result, shown) = try await TrainingFixtures.play(scenario.id, replies: try await TrainingFixtures.perfectReplies(scenario.id))
            let finished = try #require(result, "\(scenario.id)")
            let runbook = try #require(TrainingFixtures.library.runbook(scenario.runbook))
            let diagnosis = try #require(runbook.node(finished.ending)?.diagnosis, "\(scenario.id)")
            if diagnosis.outcome == .causeFound {
                #expect(shown.contains("\nNow the fix. "), "\(scenario.id) ends at \(finished.ending) without a fix question")
                #expect(finished.steps.last?.kind == .fix && finished.steps.last?.isCorrect == true, "\(scenario.id)")
                if let question = shown.range(of: "\nNow the fix. "), let expected = finished.steps.last?.expected {
                    #expect(!shown[..<question.lowerBound].contains(expected), "\(scenario.id) shows its fix before asking for it")
                }
            } else {
                #expect(!shown.contains("Now the fix."), "\(scenario.id)")
                nothingToFix.append(scenario.id)
            }
        }
        #expect(nothingToFix == ["crash-loop-is-not-a-pull-failure"])
    }

    /// For every scenario and several seeds: no option twice, by text or by command; the right
    /// one once; two or three wrong ones; none from an ending with the same cause.
    @Test func theChoicesNeverRepeatAndAreTheSameForTheSameSeed() async throws {
        for scenario in TrainingFixtures.library.scenarios {
            let runbook = try #require(TrainingFixtures.library.runbook(scenario.runbook))
            for seed: UInt64 in [1, 7, 42, 2026] {
                let prompt = try await TrainingFixtures.fixPrompt(scenario.id, seed: seed)
                switch prompt {
                case let fix as FixQuestion:
                    let shown = fix.options.map(\.invocation.description)
                    #expect(Set(shown).count == shown.count, "\(scenario.id) seed \(seed): \(shown)")
                    #expect(Set(fix.options.map(\.invocation.arguments)).count == fix.options.count, "\(scenario.id)")
                    #expect(fix.options.filter { $0.whyWrong == nil }.map(\.invocation) == [fix.right], "\(scenario.id)")
                    #expect(fix.options.count > 1, "\(scenario.id)")
                case let fix as RemedyQuestion:
                    let texts = fix.options.map(\.text)
                    #expect(Set(texts).count == texts.count, "\(scenario.id) seed \(seed): \(texts)")
                    #expect(Set(fix.options.map(\.ending)).count == texts.count, "\(scenario.id)")
                    #expect(fix.options.filter { $0.whyWrong == nil } == [fix.right], "\(scenario.id)")
                    #expect((3...4).contains(fix.options.count), "\(scenario.id): \(texts)")
                    let cause = runbook.node(fix.right.ending)?.diagnosis?.cause
                    for option in fix.options where option != fix.right {
                        #expect(runbook.node(option.ending)?.diagnosis?.cause != cause, "\(scenario.id): \(option.ending)")
                    }
                    #expect(!texts.contains { $0.contains("{{") || $0.contains("(not known)") }, "\(scenario.id): \(texts)")
                default:
                    continue
                }
                let again = try await TrainingFixtures.fixPrompt(scenario.id, seed: seed)
                #expect(again?.menu(styler: .init(enabled: false)) == prompt?.menu(styler: .init(enabled: false)), "\(scenario.id)")
            }
        }
    }

    /// The flagship drill's fix has no command of its own: "Which fix?" is asked.
    @Test func theFlagshipDrillAsksWhichFix() async throws {
        let fix = try #require(try await TrainingFixtures.fixPrompt("nginx-tag-typo") as? RemedyQuestion)
        #expect(fix.right.text == "Set a tag that exists in the repository where the image is declared, or push the missing one.")
        #expect(fix.right.ending == "image-not-found")
    }

    @Test func aRightFixKeepsEveryPointAndShowsTheRunbooksStepsOnlyThen() async throws {
        let before = try await Self.untilTheFix("nginx-tag-typo")
        let (result, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: before + (try await TrainingFixtures.rightFix("nginx-tag-typo")))
        #expect(result?.score == 100)
        #expect(shown.contains("Now the fix. Which fix removes this cause? Answer with its number."))
        #expect(shown.contains("Right: that is the fix.\nWhat the runbook says to do:\n  - See the image exactly as the pod's spec has it\n"))
        #expect(shown.contains("✓ fix: the right one"))
        let question = try #require(shown.range(of: "Which fix removes this cause?"))
        #expect(!shown[..<question.lowerBound].contains("See the image exactly as the pod's spec has it"), "the fix was shown before it was earned")
        #expect(!shown[..<question.lowerBound].contains("Set a tag that exists"), "the fix was shown before it was earned")
    }

    @Test func aWrongFixSaysWhatItIsForAndARetryEarnsPartOfThePoints() async throws {
        let before = try await Self.untilTheFix("nginx-tag-typo")
        let fix = try #require(try await TrainingFixtures.fixPrompt("nginx-tag-typo") as? RemedyQuestion)
        let wrong = try await TrainingFixtures.wrongFix("nginx-tag-typo")
        let option = try #require(fix.option(for: wrong))
        let title = try #require(TrainingFixtures.scenario("nginx-tag-typo").1.node(option.ending)?.title)

        let (retried, shown) = try await TrainingFixtures.play(
            "nginx-tag-typo", replies: before + [wrong] + (try await TrainingFixtures.rightFix("nginx-tag-typo")))
        #expect(retried?.score == 93)
        #expect(retried?.mistakes == 1)
        #expect(shown.contains("Not that fix: it is the fix for another problem: \(title.trimmingTrailingPeriod) [\(option.ending)]."))
        #expect(shown.contains("Try again (1 more try): a right answer now earns 8 of its 15 points."))
        #expect(shown.contains("Right: on try 2."))
        #expect(shown.contains("✓ fix: the right one (on try 2)"))
        let notThat = try #require(shown.range(of: "Not that fix:"))
        #expect(!shown[..<notThat.lowerBound].contains("What the runbook says to do"), "the fix was shown before it was earned")

        let (missed, said) = try await TrainingFixtures.play("nginx-tag-typo", replies: before + [wrong, wrong])
        #expect(missed?.score == 85)
        #expect(missed?.wrongChoices == 1)
        #expect(said.contains("Not quite. The fix: \(fix.right.text)\nWhat the runbook says to do:"))
        #expect(said.contains("✗ fix: a wrong one"))

        let progress = ProgressReport(trainee: "t", attempts: [retried, missed].compactMap { $0.map(Attempt.init) }, causes: [])
        #expect(progress.scenarios.map(\.mistakes) == [3], "the fix question's wrong answers count as mistakes")
        #expect(ProgressReport.csv([progress]).contains(",2,2,0,93,"), "two attempts, both passed, no exam, best 93")
    }

    @Test func aHintRulesOutOneWrongFixAndAnExamGivesNoHintAndNoRetry() async throws {
        let before = try await Self.untilTheFix("nginx-tag-typo")
        let right = try await TrainingFixtures.rightFix("nginx-tag-typo")
        let fix = try #require(try await TrainingFixtures.fixPrompt("nginx-tag-typo") as? RemedyQuestion)
        let (hinted, shown) = try await TrainingFixtures.play("nginx-tag-typo", replies: before + ["hint", "hint"] + right)
        #expect(hinted?.score == 95)
        #expect(hinted?.hints == 1)
        let (number, ruledOut) = try #require(fix.ruledOut)
        #expect(ruledOut != fix.right)
        #expect(shown.contains("(a hint: −5 points)\nNot \(number): it is the fix for another problem: "))

        let (exam, said) = try await TrainingFixtures.play(
            "nginx-tag-typo", replies: before + ["hint", try await TrainingFixtures.wrongFix("nginx-tag-typo")], settings: .exam)
        #expect(exam?.score == 85)
        #expect(exam?.hints == 0)
        #expect(!said.contains("Try again"))
        #expect(said.contains("Not quite. The fix: \(fix.right.text)"))
    }

    /// What loading and checking runbook r.yaml reports, whose first node `a` (line 5) goes on
    /// with the lines `rest`.
    static func problems(withNodeA rest: String) -> [String] {
        let runbook = "id: r\ntitle: R\nstart: a\nnodes:\n  a:\n    title: A\n" + rest
        switch RunbookDecoder.decode(runbook, file: "r.yaml") {
        case .success(let decoded): return RunbookValidator(parsers: []).validate(decoded).map(\.description)
        case .failure(let error): return error.diagnostics.map(\.description)
        }
    }

    /// `remedy:` is one short line, only where a cause is found, and names only facts known there.
    @Test func aRemedyIsOneShortLineWhereThereIsACause() {
        func problems(_ diagnosis: String) -> [String] {
            Self.problems(withNodeA: "    diagnosis:\n" + diagnosis.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
        }
        #expect(problems("{cause: c, summary: S, remedy: Do it., fix: [x]}") == [])
        #expect(problems("{cause: c, summary: S, remedy: Do it.}") == [])
        #expect(problems("{cause: c, summary: S}").first?.contains("'fix'") == true)
        #expect(
            problems("{cause: c, summary: S, remedy: \"a\\nb\", fix: [x]}")
                == ["r.yaml:8:38: error: 'remedy' of the diagnosis of node 'a' must be one line: a trainee chooses it from a list of fixes"])
        let long = String(repeating: "word ", count: 30)
        #expect(
            problems("{cause: c, summary: S, remedy: \(long), fix: [x]}")
                == [
                    "r.yaml:8:38: error: 'remedy' of the diagnosis of node 'a' is 149 characters; keep it to 120, so that it reads as one line beside the other fixes"
                ])
        #expect(
            problems("{cause: c, outcome: could-not-look, summary: S, remedy: Look again., fix: [x]}")
                == [
                    "r.yaml:8:63: error: 'remedy' of the diagnosis of node 'a' is offered as the fix of a cause, and an ending whose outcome is could-not-look has none to fix"
                ])
        #expect(
            problems("{cause: c, summary: S, remedy: \"Fix {{wrokload}}.\", fix: [x]}").first?.contains(
                "placeholder '{{wrokload}}' in node 'a' names no input and no fact produced before it") == true)
    }

    /// Two endings with other causes may not offer remedies that read alike, since "Which fix?"
    /// sets them side by side: the same words (placeholders, case and punctuation aside) or most
    /// of the same words are a lint problem at the later ending; endings with one cause may share
    /// one, and the runbook still loads.
    @Test func remediesOfOtherCausesReadApart() {
        func problems(_ first: String, _ second: String, sameCause: Bool = false) -> [String] {
            let rest = """
                    ask: {question: B?, fact: pick}
                    branches: [{when: {fact: pick, equals: "yes"}, goto: b}, {otherwise: c}]
                  b:
                    title: B
                    diagnosis: {cause: one, summary: S, remedy: "\(first)", fix: [x]}
                  c:
                    title: C
                    diagnosis: {cause: \(sameCause ? "one" : "two"), summary: S, remedy: "\(second)", fix: [x]}
                """
            #expect(Self.problems(withNodeA: rest) == [], "remedies that read alike do not stop a runbook from loading")
            let runbook = "id: r\ntitle: R\nstart: a\nnodes:\n  a:\n    title: A\n" + rest
            guard case .success(let decoded) = RunbookDecoder.decode(runbook, file: "r.yaml") else { return ["does not decode"] }
            return RunbookValidator.remedyProblems(decoded).map(\.description)
        }
        #expect(
            problems("Create the missing ConfigMap in {{pick}}.", "create the missing configmap, in {{pick}}")
                == [
                    "r.yaml:12:3: error: the remedy of node 'c' has the same words as that of node 'b' (line 9), whose cause differs: a trainee choosing the fix could not tell them apart; say what is specific to each"
                ])
        #expect(
            problems(
                "Create the missing ConfigMap or Secret in {{pick}}, or correct its name.",
                "Create the ConfigMap, Secret or claim the volume is made from, or correct the volume's source."
            ).first?.contains("the remedy of node 'c' shares most words (4 of the shorter one's 6) with that of node 'b' (line 9)") == true)
        #expect(problems("Create the missing ConfigMap in {{pick}}.", "Create the missing ConfigMap in {{pick}}.", sameCause: true) == [])
        #expect(problems("{{pick}}", "{{pick}}.") == [], "remedies with no words of their own are not alike")
        #expect(
            problems(
                "Create the ConfigMap or Secret the container's environment names, or correct that name.",
                "Make the volume mountable: create the ConfigMap, Secret or claim it is made from, or correct its source.") == [])
    }

    /// `triage lint` reports an ending a scenario reaches that finds a cause and has neither a
    /// command of its own nor a remedy; an ending with a command question needs none.
    @Test func lintWantsARemedyWhereAScenarioEnds() async throws {
        var (scenario, runbook) = TrainingFixtures.scenario("nginx-tag-typo")
        let index = try #require(runbook.nodes.firstIndex { $0.id == "image-not-found" })
        #expect(FixReadiness.problems([await ScenarioReplay(parsers: .standard).replay(scenario, runbook: runbook)]).isEmpty)
        runbook.nodes[index].diagnosis?.remedy = nil
        let replay = await ScenarioReplay(parsers: .standard).replay(scenario, runbook: runbook)
        scenario.id = "another"
        let again = await ScenarioReplay(parsers: .standard).replay(scenario, runbook: runbook)
        let problems = FixReadiness.problems([replay, again])
        #expect(problems.count == 1)
        #expect(problems.first?.location == runbook.nodes[index].location)
        let (typo, typoRunbook) = TrainingFixtures.scenario("nginxy-typo")
        var withoutRemedies = typoRunbook
        for node in withoutRemedies.nodes.indices { withoutRemedies.nodes[node].diagnosis?.remedy = nil }
        #expect(FixReadiness.problems([await ScenarioReplay(parsers: .standard).replay(typo, runbook: withoutRemedies)]).isEmpty)
        #expect(
            problems.first?.message
                == "the diagnosis of node 'image-not-found', where scenario 'nginx-tag-typo' ends, has no 'remedy' and no change of its own to run: training asks which fix removes its cause 'image-not-found', so give the fix in one line"
        )
    }
}
