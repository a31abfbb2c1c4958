import Foundation
import Testing
import TriageTestSupport

/// `triage` copied alone into an empty folder on PATH and run from another folder with a clean
/// environment, as after `install triage /usr/local/bin/`: the built-in runbooks and scenarios
/// travel inside it, and team or personal ones come from the documented places, in order.
@Suite(.serialized)
struct InstalledBinaryTests {
    /// A folder holding only a copy of the built `triage`, a working folder, and a home.
    final class Install {
        let root: LabDirectory
        let bin: URL, work: URL, home: URL

        init() throws {
            root = try LabDirectory("install")
            bin = root.path("bin")
            work = root.path("work")
            home = root.path("home")
            for folder in [bin, work, home] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            try FileManager.default.copyItem(at: TriageBinary.url, to: bin.appendingPathComponent("triage"))
        }

        /// `triage arguments…` from the working folder, with only PATH, HOME and `extra` set.
        func triage(_ arguments: [String], input: String = "", extra: [String: String] = [:]) throws -> TriageBinary.Run {
            var environment = ["PATH": "\(bin.path):/usr/bin:/bin", "HOME": home.path, "NO_COLOR": "1"]
            environment.merge(extra) { _, new in new }
            return try TriageBinary.run(
                arguments, input: input, exactEnvironment: environment, directory: work,
                executable: bin.appendingPathComponent("triage"))
        }

        func write(_ text: String, to path: String) throws -> URL {
            let file = root.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return file
        }
    }

    /// The ids of the repository's scenarios, which the binary must carry.
    static let shippedScenarios: [String] = {
        let folder = TriageBinary.packageRoot.appendingPathComponent("Scenarios")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func shipped(_ path: String) throws -> String {
        try String(contentsOf: TriageBinary.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func aLoneBinaryListsReplaysAndTrainsEveryBuiltInScenario() throws {
        let install = try Install()
        let list = try install.triage(["list", "-o", "json"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stderr.isEmpty, "no warning about missing folders: \(list.stderr)")
        let listing = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        let scenarios = listing["scenarios"] as? [[String: Any]] ?? []
        #expect(scenarios.compactMap { $0["id"] as? String }.sorted() == Self.shippedScenarios)
        #expect(scenarios.allSatisfy { $0["origin"] as? String == "built-in" })
        #expect(
            (listing["runbooks"] as? [[String: Any]])?.compactMap { $0["file"] as? String } == [
                "Runbooks/crash-loop-backoff.yaml", "Runbooks/image-pull-backoff.yaml",
            ])
        #expect(Self.shippedScenarios.count >= 30)

        let lint = try install.triage(["lint"])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        #expect(lint.stdout.contains("\(Self.shippedScenarios.count) scenario(s) replayed (\(Self.shippedScenarios.count) reached their ending): no problems"))
        // lint has replayed every scenario; the trainer's menu offers every one.
        let menu = try install.triage(["train", "--trainee", "ci"])
        let numbers = menu.stdout.split(separator: "\n").compactMap { line in
            line.drop { $0 == " " }.split(separator: ")", maxSplits: 1).first.flatMap { Int($0) }
        }
        #expect(numbers == Array(1...Self.shippedScenarios.count), "\(menu.stdout)\(menu.stderr)")
        for id in [Self.shippedScenarios.first!, Self.shippedScenarios.last!] {
            let replay = try install.triage(["replay", id, "--no-input"])
            #expect(replay.status == 0, "\(id): \(replay.stdout)\(replay.stderr)")
            #expect(replay.stdout.contains("passed"), "\(id): \(replay.stdout)")
            let train = try install.triage(["train", id, "--trainee", "ci"], input: "")
            #expect(train.status == 3, "\(id): \(train.stdout)\(train.stderr)")
            #expect(train.stdout.contains("Stopped before the end"), "\(id): \(train.stdout)")
        }
    }

    @Test func localRunbooksOverrideTheBuiltInOnesInTheDocumentedOrder() throws {
        let install = try Install()
        let runbook = try Self.shipped("Runbooks/image-pull-backoff.yaml")
        let retitled = { (title: String) in runbook.replacingOccurrences(of: "title: ImagePullBackOff / ErrImagePull", with: "title: \(title)") }
        let personal = try install.write(retitled("Personal copy"), to: "home/.local/share/triage/runbooks/pull.yaml")
        let team = try install.write(retitled("Team copy"), to: "team/runbooks/pull.yaml")
        let system = try install.write(retitled("System copy"), to: "system/triage/runbooks/pull.yaml")

        func listed(_ extra: [String: String], _ arguments: [String] = []) throws -> (
            title: String?, file: String?, origin: String?, overrides: String?, text: String
        ) {
            let run = try install.triage(["list", "-o", "json"] + arguments, extra: extra)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
            let entry = (object["runbooks"] as? [[String: Any]])?.first { $0["id"] as? String == "image-pull-backoff" }
            let text = try install.triage(["list"] + arguments, extra: extra).stdout
            return (entry?["title"] as? String, entry?["file"] as? String, entry?["origin"] as? String, entry?["overrides"] as? String, text)
        }
        let systemDirs = ["XDG_DATA_DIRS": install.root.path("system").path]
        let fromSystem = try listed(systemDirs.merging(["XDG_DATA_HOME": install.root.path("nowhere").path]) { $1 })
        #expect(fromSystem.title == "System copy")
        #expect(fromSystem.file == system.path && fromSystem.origin == "XDG_DATA_DIRS")
        #expect(fromSystem.overrides == "Runbooks/image-pull-backoff.yaml")
        #expect(fromSystem.text.contains("from \(system.path) (XDG_DATA_DIRS); overrides the built-in Runbooks/image-pull-backoff.yaml"), "\(fromSystem.text)")

        let fromHome = try listed(systemDirs)
        #expect(fromHome.title == "Personal copy" && fromHome.file == personal.path && fromHome.origin == "XDG_DATA_HOME")
        #expect(fromHome.overrides == system.path, "the next one down is what it hides")

        let fromTeam = try listed(systemDirs.merging(["TRIAGE_PATH": "\(install.root.path("missing").path):\(install.root.path("team").path)"]) { $1 })
        #expect(fromTeam.title == "Team copy" && fromTeam.file == team.path && fromTeam.origin == "TRIAGE_PATH")

        let option = try install.write(retitled("Option copy"), to: "option/pull.yaml")
        let fromOption = try listed(systemDirs, ["--runbooks", option.deletingLastPathComponent().path])
        #expect(fromOption.title == "Option copy" && fromOption.origin == "--runbooks/--scenarios")

        // No guessing from the current directory.
        _ = try install.write(retitled("Current directory copy"), to: "work/Runbooks/image-pull-backoff.yaml")
        _ = try install.write(retitled("Current directory copy"), to: "work/runbooks/image-pull-backoff.yaml")
        let plain = try listed(["XDG_DATA_HOME": install.root.path("nowhere").path])
        #expect(plain.title == "ImagePullBackOff / ErrImagePull" && plain.origin == "built-in")
    }

    @Test func aReplayReadsOnlyItsScenarioAndRunbookAndStillHonoursOverrides() throws {
        let install = try Install()
        let team = ["TRIAGE_PATH": install.root.path("team").path]
        _ = try install.write("id: unrelated\nrunbook: [\n", to: "team/scenarios/unrelated.yaml")
        let shipped = try Self.shipped("Scenarios/nginx-tag-typo.yaml")
        let title = try #require(shipped.split(separator: "\n").first { $0.hasPrefix("title: ") })
        _ = try install.write(shipped.replacingOccurrences(of: String(title), with: "title: The team's own typo"), to: "team/scenarios/typo.yaml")
        _ = try install.write("id: image-pull-backoff\ntitle: A broken override\n", to: "team/runbooks/pull.yaml")

        let replay = try install.triage(["replay", "nginx-tag-typo", "--no-input"], extra: team)
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
        #expect(replay.stdout.contains("scenario: nginx-tag-typo (The team's own typo)"), "\(replay.stdout)")
        #expect(!replay.stderr.contains("unrelated.yaml"), "a scenario it does not replay is not read: \(replay.stderr)")
        // The override that does not load is said, and the next layer's runbook is used.
        #expect(replay.stderr.contains("team/runbooks/pull.yaml:1:1: error: the runbook is missing 'start'"), "\(replay.stderr)")

        // run chooses among runbooks and reads no scenario.
        let run = try install.triage(["run", "image-pull-backoff", "--pod", "web-1", "-n", "shop", "--no-input", "--kubeconfig", "/nonexistent"], extra: team)
        #expect(run.stderr.contains("team/runbooks/pull.yaml:1:1"), "\(run.stderr)")
        #expect(!run.stderr.contains("unrelated.yaml"), "\(run.stderr)")

        let lint = try install.triage(["lint"], extra: team)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("team/scenarios/unrelated.yaml:3:1"), "\(lint.stdout)")
    }

    @Test func aScenarioGivenByPathFindsItsRunbookByIdAnywhere() throws {
        let install = try Install()
        let scenario = try Self.shipped("Scenarios/nginx-tag-typo.yaml").replacingOccurrences(of: "id: nginx-tag-typo", with: "id: my-incident")
        let file = try install.write(scenario, to: "work/incidents/my-incident.yaml")
        let replay = try install.triage(["replay", "incidents/my-incident.yaml", "--no-input"])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
        #expect(replay.stdout.contains("scenario: my-incident"))

        // A personal runbook with another id is found for a scenario that names it.
        let runbook = try Self.shipped("Runbooks/image-pull-backoff.yaml").replacingOccurrences(of: "id: image-pull-backoff", with: "id: team-pull")
        _ = try install.write(runbook, to: "team/runbooks/team-pull.yaml")
        try scenario.replacingOccurrences(of: "runbook: image-pull-backoff", with: "runbook: team-pull").write(to: file, atomically: true, encoding: .utf8)
        let team = try install.triage(["replay", file.path, "--no-input"], extra: ["TRIAGE_PATH": install.root.path("team").path])
        #expect(team.status == 0, "\(team.stdout)\(team.stderr)")
        let missing = try install.triage(["replay", file.path, "--no-input"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("uses runbook 'team-pull', which is not among the runbooks"), "\(missing.stderr)")
    }
}
