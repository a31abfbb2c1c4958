import Testing
import TriageModel
import TriageTestSupport
@testable import TriageRunbooks

/// The training keys of a runbook (`hint:` on nodes and branches, `checks:`) and of a scenario
/// (`practises:`, `required:`): read, and every mistake in them reported where it is.
struct TeachingLoadingTests {
    static let book = DiskRunbook.text

    func problems(_ yaml: String) -> [String] {
        switch RunbookDecoder.decode(yaml, file: "book.yaml") {
        case .success: return []
        case .failure(let error): return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    @Test func hintsAndChecksAreRead() throws {
        let runbook = try RunbookDecoder.decode(Self.book, file: "book.yaml").get()
        let df = try #require(runbook.node("df"))
        #expect(df.teaching.hint == "Which filesystem is at 100%?")
        #expect(df.teaching.otherwiseHint == "No filesystem is full.")
        #expect(df.branches.first?.hint == "A line ends at 100%.")
        #expect(
            df.teaching.checks == [
                ConceptCheck(
                    question: "What does a full /var do to new pods?", choices: ["They cannot start", "Nothing"], answer: "They cannot start",
                    explanation: "Images and logs live there.", location: df.teaching.checks.first?.location)
            ])
    }

    @Test func aCheckWhoseAnswerIsNotAChoiceIsReportedAtTheAnswer() {
        let yaml = Self.book.replacingOccurrences(of: "answer: They cannot start", with: "answer: They can not start")
        #expect(
            problems(yaml) == ["17:17: 'answer' of check 1 of node 'df' is 'They can not start', which is not one of its choices (They cannot start, Nothing)"])
    }

    @Test func aCheckNeedsTwoDifferentChoicesAndKnownKeys() {
        let one = Self.book.replacingOccurrences(of: "choices: [They cannot start, Nothing]", with: "choices: [They cannot start]")
        #expect(problems(one) == ["16:18: 'choices' of check 1 of node 'df' needs at least two answers to choose between"])
        let twice = Self.book.replacingOccurrences(of: "choices: [They cannot start, Nothing]", with: "choices: [They cannot start, They cannot start]")
        #expect(problems(twice) == ["16:18: 'choices' of check 1 of node 'df' has the same answer twice"])
        let typo = Self.book.replacingOccurrences(of: "explain: Images", with: "explian: Images")
        #expect(problems(typo).first?.hasPrefix("18:9: unknown key 'explian' in check 1 of node 'df'") == true)
    }

    /// A check may give its answer and the wrong ones instead of choices with the answer among
    /// them, so that the answer is written once: the same check, the answer first.
    @Test func aCheckMayGiveTheAnswerAndTheWrongOnes() throws {
        let wrong = Self.book.replacingOccurrences(of: "choices: [They cannot start, Nothing]", with: "wrong: [Nothing]")
        let check = try #require(try RunbookDecoder.decode(wrong, file: "book.yaml").get().node("df")?.teaching.checks.first)
        #expect(check.choices == ["They cannot start", "Nothing"])
        #expect(check.answer == "They cannot start")
        let none = Self.book.replacingOccurrences(of: "choices: [They cannot start, Nothing]", with: "wrong: []")
        #expect(problems(none) == ["16:16: 'wrong' of check 1 of node 'df' needs at least one wrong answer to choose between"])
        let same = Self.book.replacingOccurrences(of: "choices: [They cannot start, Nothing]", with: "wrong: [They cannot start]")
        #expect(problems(same) == ["16:16: 'wrong' of check 1 of node 'df' has the same answer twice"])
        let both = Self.book.replacingOccurrences(of: "choices: [They cannot start, Nothing]", with: "choices: [a, b]\n        wrong: [Nothing]")
        #expect(
            problems(both).first?.hasSuffix(
                "check 1 of node 'df' gives 'choices' and 'wrong'; give the answer and the wrong ones, or the choices with the answer among them") == true)
    }

    @Test func anEndingCannotAskChecks() {
        let yaml = Self.book.replacingOccurrences(
            of: "    title: The disk is full",
            with: """
                    title: The disk is full
                    checks: [{question: Q?, choices: [a, b], answer: a}]
                """)
        #expect(problems(yaml) == ["27:13: node 'full' is an ending; ask its concept checks at the step where the output shows them"])
    }

    @Test func aScenarioReadsWhatItPractisesAndTheStepsItRequires() throws {
        let text = """
            id: full-var
            runbook: disk
            title: A full /var
            difficulty: beginner
            practises: reading df
            required: [df]
            inputs: {node: worker-1}
            expect: {ending: full}
            """
        let scenario = try ScenarioDecoder.decode(text, file: "s.yaml").get()
        #expect(scenario.practises == "reading df")
        #expect(scenario.required == ["df"])
    }
}
