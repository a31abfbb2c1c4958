import Foundation
import Testing
import TriageTraining

struct ProgressTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("triage-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func result(_ scenario: String, cause: String, score: Int, at seconds: TimeInterval) -> TrainingResult {
        TrainingResult(
            scenario: scenario, cause: cause, difficulty: "beginner", path: ["describe"], ending: "x", steps: [],
            score: score, maximum: 100, seconds: 30, finishedAt: Date(timeIntervalSince1970: seconds)
        )
    }

    @Test func attemptsAreKeptPerTraineeInAPrivateFileAndSummarisedPerCause() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = ProgressStore(directory: directory)
        try store.record(result("nginx-tag-typo", cause: "image-not-found", score: 70, at: 1_795_000_000), for: "alice")
        try store.record(result("ghcr-tag-deleted", cause: "image-not-found", score: 95, at: 1_795_000_600), for: "alice")
        try store.record(result("harbor-self-signed", cause: "tls", score: 100, at: 1_795_000_900), for: "bob")

        let attributes = try FileManager.default.attributesOfItem(atPath: store.file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "progress.json" }
        #expect(leftovers.isEmpty, "temporary files left behind: \(leftovers)")

        let progress = try store.load()
        let report = ProgressReport(trainee: "alice", attempts: progress.trainees["alice"] ?? [], causes: ["auth", "image-not-found", "tls"])
        #expect(report.lines.count == 1)
        #expect(report.lines[0].attempts == 2)
        #expect(report.lines[0].bestScore == 95)
        #expect(report.lines[0].lastPlayed == Date(timeIntervalSince1970: 1_795_000_600))
        #expect(report.neverPractised == ["auth", "tls"])
        #expect(report.text.contains("Never practised: auth, tls"))
    }

    @Test func aDamagedProgressFileIsReportedWithItsPath() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = ProgressStore(directory: directory)
        try Data("{not json".utf8).write(to: store.file)
        #expect(throws: TrainingError.self) { try store.load() }
        do {
            _ = try store.load()
        } catch {
            #expect(error.localizedDescription.contains(store.file.path))
        }
    }

    /// A progress file that is not what Triage writes is reported at the line and column of the
    /// problem, however it is wrong: its JSON, a member missing, a value of the wrong kind.
    @Test(arguments: [
        (
            "{\n  \"version\": 1,\n  \"trainees\": {\n    \"ann\": [ { \"scenario\": \"x\", } ]\n  }\n}\n",
            ":4:33: not JSON: expected a member name in quotes, found '}'"
        ),
        (
            "{\n  \"version\": 1,\n  \"trainees\": {\n    \"ann\": [\n      { \"scenario\": \"x\" }\n    ]\n  }\n}\n",
            ":5:7: trainees.ann[0] has no 'cause'"
        ),
        (
            "{\n  \"version\": 1,\n  \"trainees\": {\n    \"ann\": [\n"
                + "      { \"scenario\": \"x\", \"cause\": \"auth\", \"difficulty\": \"beginner\", \"score\": \"ten\" }\n    ]\n  }\n}\n",
            ":5:78: trainees.ann[0].score must be a whole number"
        ),
        ("{\"version\": 1, \"trainees\": {\"ann\": {}}}", ":1:36: trainees.ann must be a list"),
        ("[]", ":1:1: the document must be an object"),
        ("", ":1:1: not JSON: the input is empty"),
        ("{\"version\": 1.5, \"trainees\": {}}", ":1:13: version must be a whole number"),
        ("{\"version\": 1, \"trainees\": null}", ":1:28: trainees is null"),
        ("{\"version\": 1, \"trainees\": {\"a\\u001b[2Jb\": [7]}}", ":1:45: trainees.a\\u{1B}[2Jb[0] must be an object"),
        (
            "{\"version\": 1, \"trainees\": {\"ann\": [{\"scenario\": \"x\", \"cause\": \"auth\", \"difficulty\": \"b\", \"score\": 1,"
                + " \"maximum\": 3, \"seconds\": 2, \"wrongChoices\": 0, \"hints\": 0, \"playedAt\": \"yesterday\"}]}}",
            ":1:174: trainees.ann[0].playedAt must be a date and time like \"2026-12-03T10:00:00Z\""
        ),
    ])
    func aDamagedProgressFileIsReportedAtItsLineAndColumn(text: String, expected: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("ann.json")
        try Data(text.utf8).write(to: file)
        let error = #expect(throws: TrainingError.self) { try ProgressStore.gather(from: file) }
        let message = error?.localizedDescription ?? ""
        #expect(message.hasPrefix(file.path + expected), "\(message)")
        #expect(!message.contains("\u{1B}"))
    }

    @Test func whatIsRecordedReadsBackTheSame() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = ProgressStore(directory: directory)
        var retried = result("nginx-tag-typo", cause: "image-not-found", score: 55, at: 1_795_000_000)
        retried.exam = true
        retried.timedOut = true
        retried.passed = false
        let recorded = try store.record(retried, for: "ann")
        #expect(try store.load() == recorded)
        #expect(recorded.trainees["ann"] == [Attempt(retried)])
    }

    @Test func progressIsPerScenarioWithTimeHintsAndMistakesAndAsCSV() throws {
        let steps = [
            TrainingStep(node: "describe", expected: "check-image", tries: ["events", "check-image"], hints: 2),
            TrainingStep(kind: .check, node: "describe", expected: "a", tries: ["b"]),
        ]
        var slow = result("nginx-tag-typo", cause: "image-not-found", score: 70, at: 1_795_000_000)
        slow.steps = steps
        slow.seconds = 200
        var fast = result("nginx-tag-typo", cause: "image-not-found", score: 90, at: 1_795_000_600)
        fast.seconds = 50
        var late = result("ghcr-tag-deleted", cause: "image-not-found", score: 0, at: 1_795_000_900)
        late.timedOut = true
        late.passed = false
        late.exam = true
        let attempts = [slow, fast, late].map(Attempt.init)
        #expect(attempts[0].mistakes == 2)
        #expect(attempts[0].hints == 2)

        let report = ProgressReport(trainee: "=cmd|x", attempts: attempts, causes: ["image-not-found"])
        let typo = try #require(report.scenarios.first { $0.scenario == "nginx-tag-typo" })
        #expect(typo.attempts == 2 && typo.bestScore == 90 && typo.bestSeconds == 50 && typo.totalSeconds == 250)
        #expect(typo.hints == 2 && typo.mistakes == 2 && typo.passed == 2)
        let deleted = try #require(report.scenarios.first { $0.scenario == "ghcr-tag-deleted" })
        #expect(deleted.bestSeconds == nil && deleted.exams == 1 && deleted.passed == 0)
        #expect(report.text.contains("nginx-tag-typo"))

        let csv = ProgressReport.csv([report]).split(separator: "\r\n").map(String.init)
        #expect(csv[0] == ProgressReport.csvColumns.joined(separator: ","))
        #expect(csv[1] == "'=cmd|x,ghcr-tag-deleted,image-not-found,beginner,1,0,1,0,,30.0,0,0,2026-11-18T11:21:40Z")
        #expect(csv[2].hasPrefix("'=cmd|x,nginx-tag-typo,image-not-found,beginner,2,2,0,90,50.0,250.0,2,2,"))
    }

    @Test func aFolderOfTraineesFilesIsGatheredAndAnOldFileStillReads() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = """
            {"version": 1, "trainees": {"ann": [{"scenario": "nginx-tag-typo", "cause": "image-not-found", "difficulty": "beginner",
            "score": 85, "maximum": 100, "seconds": 40, "wrongChoices": 1, "hints": 0, "playedAt": "2026-11-20T10:00:00Z"}]}}
            """
        try Data(old.utf8).write(to: directory.appendingPathComponent("ann.json"))
        let bob = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: bob) }
        try ProgressStore(directory: bob).record(result("harbor-self-signed", cause: "tls", score: 100, at: 1_795_000_900), for: "bob")
        try FileManager.default.copyItem(at: bob.appendingPathComponent("progress.json"), to: directory.appendingPathComponent("bob.json"))
        try Data("notes".utf8).write(to: directory.appendingPathComponent("README.txt"))

        let gathered = try ProgressStore.gather(from: directory)
        #expect(gathered.trainees.keys.sorted() == ["ann", "bob"])
        #expect(gathered.trainees["ann"]?.first?.mistakes == 1)
        #expect(gathered.trainees["ann"]?.first?.passed == true)
        #expect(try ProgressStore.gather(from: directory.appendingPathComponent("bob.json")).trainees.keys.sorted() == ["bob"])

        try Data("[]".utf8).write(to: directory.appendingPathComponent("broken.json"))
        #expect(throws: TrainingError.self) { try ProgressStore.gather(from: directory) }
        #expect(throws: TrainingError.self) { try ProgressStore.gather(from: directory.appendingPathComponent("missing")) }
    }
}
