import Testing
import TriageModel
import TriageTerminal
import TriageTraining

struct ScenarioMenuTests {
    let library = TrainingFixtures.library

    @Test func filtersByCauseAndDifficulty() {
        let menu = ScenarioMenu(scenarios: library.scenarios, runbooks: library.runbooks, cause: "tls", difficulty: .intermediate)
        #expect(!menu.entries.isEmpty)
        #expect(menu.entries.allSatisfy { $0.cause == "tls" && $0.scenario.difficulty == .intermediate })
    }

    @Test func listsEasierScenariosFirstAndPicksByNumberOrId() {
        let menu = ScenarioMenu(scenarios: library.scenarios, runbooks: library.runbooks, cause: nil, difficulty: nil)
        let ranks = menu.entries.map { Scenario.Difficulty.allCases.firstIndex(of: $0.scenario.difficulty)! }
        #expect(ranks == ranks.sorted())
        #expect(menu.entry(for: "1") == menu.entries.first)
        #expect(menu.entry(for: "nginx-tag-typo")?.scenario.id == "nginx-tag-typo")
        #expect(menu.entry(for: "nope") == nil)
    }

    @Test func choosingAsksAgainUntilTheReplyNamesAScenario() {
        let menu = ScenarioMenu(scenarios: library.scenarios, runbooks: library.runbooks, cause: "auth", difficulty: nil)
        var reader: any LineReader = PlainLineReader(source: .lines(["zzz", "ecr-token-expired"]))
        var shown = ""
        let entry = menu.choose(reader: &reader, write: { shown += $0 }, styler: Styler(enabled: false))
        #expect(entry?.scenario.id == "ecr-token-expired")
        #expect(shown.contains("no scenario 'zzz' in this list"))
    }
}

struct ScenarioMenuSpoilerTests {
    let library = TrainingFixtures.library

    /// The menu names no cause and no id (most ids name the cause): title, difficulty and what
    /// the scenario practises only.
    @Test func theMenuShowsTitleDifficultyAndPractiseNeverTheAnswer() {
        let menu = ScenarioMenu(scenarios: library.scenarios, runbooks: library.runbooks, cause: nil, difficulty: nil)
        let text = menu.text(styler: Styler(enabled: false))
        for entry in menu.entries {
            #expect(text.contains(entry.scenario.title))
            #expect(!text.contains(entry.scenario.id + " "), "\(entry.scenario.id)")
            #expect(!text.contains(", \(entry.cause)"), "\(entry.scenario.id)")
            #expect(!entry.practises.isEmpty)
        }
        let typo = menu.entries.first { $0.scenario.id == "nginx-tag-typo" }
        #expect(typo?.practises == "ImagePullBackOff / ErrImagePull, 2 steps to the cause")
        #expect(text.contains("beginner · practises: "))
    }
}
