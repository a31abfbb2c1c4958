import Foundation
import Testing
import TriageTestSupport

/// What kubectl users expect: `-o json|yaml` for structured output, "did you mean" for a
/// mistyped subcommand, `kubectl triage` when run as the plugin, and the parser catalogue.
struct KubectlConventionsTests {
    @Test(arguments: ["repaly", "lnt", "scna", "trian"])
    func aMistypedSubcommandGetsDidYouMean(typo: String) throws {
        let run = try TriageBinary.run([typo])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("error: unknown command \"\(typo)\" for \"triage\"\n\nDid you mean this?\n\t"), "\(run.stderr)")
        let unrelated = try TriageBinary.run(["zzzzzz"])
        #expect(unrelated.status == 64)
        #expect(!unrelated.stderr.contains("Did you mean"))
    }

    /// Every error of Triage's own on standard error starts `error: `, as kubectl's do: a usage
    /// error (ArgumentParser writes `Error: `), a failure of a command, a scan or a diagnosis
    /// that could not read its input, and a mistyped subcommand.
    @Test(
        arguments: [
            (["scan", "--run", "0"], 64), (["scan", "--from", "/nonexistent/pods.json"], 2), (["diagnose", "/nonexistent/events.txt"], 2),
            (["lint", "--nope"], 64), (["repaly"], 64), (["replay", "no-such-scenario", "--no-input"], 64),
        ] as [([String], Int32)])
    func everyErrorStartsLikeKubectls(arguments: [String], status: Int32) throws {
        let run = try TriageBinary.run(arguments)
        #expect(run.status == status, "\(arguments): \(run.stderr)")
        #expect(run.stderr.hasPrefix("error: "), "\(arguments): \(run.stderr)")
        #expect(!run.stderr.contains("Error: ") && !run.stderr.contains("triage \(arguments[0]): "), "\(arguments): \(run.stderr)")
    }

    @Test func asTheKubectlPluginHelpAndMessagesSayKubectlTriage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plugin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugin = folder.appendingPathComponent("kubectl-triage")
        try FileManager.default.createSymbolicLink(at: plugin, withDestinationURL: TriageBinary.url)
        let help = try TriageBinary.run(["--help"], executable: plugin)
        #expect(help.stdout.contains("USAGE: kubectl triage <subcommand>"))
        #expect(help.stdout.contains("    kubectl triage run --pod web-7d4b9 -n shop"))
        #expect(!help.stdout.contains("\n    triage "))
        let scan = try TriageBinary.run(["scan", "--help"], executable: plugin)
        #expect(scan.stdout.contains("USAGE: kubectl triage scan"))
        #expect(scan.stdout.contains("kubectl triage scan -A"))
        let typo = try TriageBinary.run(["repaly"], executable: plugin)
        #expect(typo.stderr.contains("for \"kubectl triage\""))
        #expect(typo.stderr.contains("Run 'kubectl triage --help' for usage."))
    }

    @Test func yamlIsTheSameDocumentAsJSON() throws {
        let json = try TriageBinary.run(["replay", "nginx-tag-typo", "--no-input", "-o", "json"])
        let yaml = try TriageBinary.run(["replay", "nginx-tag-typo", "--no-input", "-o", "yaml"])
        #expect(json.status == 0 && yaml.status == 0, "\(yaml.stderr)")
        #expect(yaml.stdout.hasPrefix("cause: image-not-found\n"))
        #expect(yaml.stdout.contains("\n  - command:\n      - kubectl\n      - describe\n"))
        #expect(yaml.stdout.contains("      - \"--namespace\"\n"))
        #expect(json.stdout.contains("\"cause\" : \"image-not-found\""))
        let list = try TriageBinary.run(["list", "-o", "yaml"])
        #expect(list.stdout.hasPrefix("runbooks:\n  - file: "))
    }

    @Test func trainProgressPrintsJSONAndYAMLAndTrainingItselfRefusesThem() throws {
        let json = try TriageBinary.run(["train", "--progress", "--trainee", "ada", "-o", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["trainee"] as? String == "ada")
        #expect((object["never_practised"] as? [String])?.contains("image-not-found") == true)
        #expect(object["practised"] as? [Any] != nil)
        let yaml = try TriageBinary.run(["train", "--progress", "--trainee", "ada", "-o", "yaml"])
        #expect(yaml.stdout.contains("trainee: ada\n"))
        let session = try TriageBinary.run(["train", "nginx-tag-typo", "-o", "json"])
        #expect(session.status == 64)
        #expect(session.stderr.contains("-o json goes with --progress"))
    }

    @Test func theParserCatalogueListsEveryParserAndItsFacts() throws {
        let text = try TriageBinary.run(["list", "--parsers"], environment: ["COLUMNS": "80"])
        #expect(text.status == 0, "\(text.stderr)")
        for parser in ["pull-failure", "pod-json", "node-json", "registry-check", "service-account-json", "pull-secrets"] {
            #expect(text.stdout.contains("\n\(parser)\n") || text.stdout.hasPrefix("\(parser)\n"), "\(parser)")
        }
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let json = try TriageBinary.run(["list", "--parsers", "-o", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let pullFailure = try #require(entries.first { $0["name"] as? String == "pull-failure" })
        #expect((pullFailure["facts"] as? [String])?.contains("registry_family") == true)
        let readme = try String(contentsOf: TriageBinary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for entry in entries {
            let name = try #require(entry["name"] as? String)
            #expect(readme.contains("`\(name)`"), "README documents the parser \(name)")
            for fact in entry["facts"] as? [String] ?? [] {
                #expect(readme.contains("`\(fact)`"), "README documents \(name)'s fact \(fact)")
            }
        }
    }
}

/// `--help` of every command against golden files. `TRIAGE_RECORD_GOLDEN=1 swift test --filter
/// HelpGoldenTests` rewrites them, and fails the run so that a recording is never mistaken for
/// a pass.
struct HelpGoldenTests {
    static let commands = [[], ["run"], ["replay"], ["diagnose"], ["lint"], ["list"], ["scan"], ["train"]]

    @Test(arguments: commands)
    func helpMatchesItsGoldenFile(command: [String]) throws {
        let run = try TriageBinary.run(command + ["--help"], environment: ["COLUMNS": "100"])
        #expect(run.status == 0, "\(run.stderr)")
        try Golden.check(run.stdout, against: "help-\(command.first ?? "triage").txt")
    }
}
