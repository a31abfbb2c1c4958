import Foundation
import Testing
import TriageExecution
import TriageModel
import TriageRunbooks
@testable import TriageEngine

/// The runbooks and scenarios in the repository load cleanly and every scenario reaches its ending.
struct ShippedLibraryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load() -> (Library, [RunbookDiagnostic]) {
        LibraryLoader(validator: RunbookValidator(parsers: ParserCatalog.standard.signatures)).load(
            runbookPaths: [root.appendingPathComponent("Runbooks").path],
            scenarioPaths: [root.appendingPathComponent("Scenarios").path]
        )
    }

    @Test func everyRunbookAndScenarioLoads() {
        let (library, problems) = Self.load()
        #expect(problems.map(\.description) == [])
        #expect(library.runbook("image-pull-backoff") != nil)
        #expect(!library.scenarios.isEmpty)
    }

    @Test func everyScenarioReachesItsEnding() async throws {
        let (library, _) = Self.load()
        let replayer = ScenarioReplay(parsers: .standard)
        for scenario in library.scenarios {
            let runbook = try #require(library.runbook(scenario.runbook))
            let report = await replayer.replay(scenario, runbook: runbook)
            #expect(report.passed, "\(scenario.id): \(report.mismatch ?? "")")
        }
    }

    /// The diagnosis every scenario ends at as a person reads it: the summary, explanation and
    /// evidence, and the fix steps that apply.
    static func endings() async throws -> [String: (texts: [String], fix: [String])] {
        let (library, _) = load()
        var endings: [String: (texts: [String], fix: [String])] = [:]
        for scenario in library.scenarios {
            let runbook = try #require(library.runbook(scenario.runbook))
            let session = try #require(await ScenarioReplay(parsers: .standard).replay(scenario, runbook: runbook).session)
            let diagnosis = try #require(session.current.diagnosis)
            let texts = [diagnosis.summary, diagnosis.explanation] + (diagnosis.evidence.map { [$0] } ?? [])
            endings[scenario.id] = (texts.map(session.render), session.fixSteps(of: diagnosis).map(\.text))
        }
        return endings
    }

    @Test func endingsFillEveryValueTheSessionKnowsAndFollowTheRegistryFamily() async throws {
        let endings = try await Self.endings()
        let placeholders = try Regex(#"\(\w+ unknown\)|<(region|registry|name|image|pod|node|repository|container)>|\bREGION\b|\bSERVER\b"#)
        for (id, ending) in endings {
            for line in ending.texts + ending.fix {
                #expect(line.firstMatch(of: placeholders) == nil, "\(id): \(line)")
            }
        }
        let ecr = try #require(endings["ecr-token-expired"]?.fix)
        #expect(ecr.contains("Test a login from the node: `aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com`."))
        #expect(!ecr.contains { $0.contains("ghcr.io") || $0.contains("docker login 123456789012.dkr.ecr.eu-west-1.amazonaws.com`") })
        let ghcr = try #require(endings["ghcr-private-no-secret"]?.fix)
        #expect(ghcr.contains { $0.hasPrefix("Log in to ghcr.io with a token that has read:packages") })
        #expect(!ghcr.contains { $0.contains("aws ecr") })
    }
}

/// Branches that offline replays never take: Step 2's registry check runs only live.
struct LiveOnlyBranchTests {
    /// The typo scenario's recordings, plus what `triage registry-check` printed for the image.
    func drive(registryCheck json: String) async throws -> Session {
        let (library, _) = ShippedLibraryTests.load()
        let scenario = try #require(library.scenario("nginx-tag-typo"))
        let runbook = try #require(library.runbook("image-pull-backoff"))
        let check = Scenario.Recording(
            arguments: ["triage", "registry-check", "nginx:1.27-alpne", "--output", "json"],  // the image as the pod spec writes it
            result: CommandResult(stdout: json)
        )
        var session = try Session(runbook: runbook, inputs: scenario.inputs, settings: Session.Settings(mode: "live", offline: false))
        let driver = SessionDriver(runner: ReplayRunner(recordings: scenario.recordings + [check]), parsers: .standard, answers: nil, policy: .unattended)
        _ = try await driver.drive(&session)
        return session
    }

    static func result(missing: String, nearest: [String]) -> String {
        let tags = nearest.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            {
              "api_host" : "registry-1.docker.io",
              "digest" : null,
              "error" : "manifest unknown",
              "error_cause" : "image-not-found",
              "exists" : false,
              "image" : "docker.io/library/nginx:1.27-alpne",
              "media_type" : null,
              "missing" : "\(missing)",
              "nearest_tags" : [\(tags)],
              "needs_auth" : false,
              "notes" : [],
              "platforms" : [],
              "reachable" : true,
              "registry" : "docker.io"
            }
            """
    }

    @Test func aMissingTagWithNeighboursEndsAtTagMissing() async throws {
        let session = try await drive(registryCheck: Self.result(missing: "tag", nearest: ["1.27-alpine", "1.27-alpine3.20"]))
        #expect(session.path == ["describe", "check-image", "registry-check", "tag-missing"])
        #expect(session.render(session.current.diagnosis!.summary).contains("1.27-alpine"))
    }

    @Test func aMissingRepositoryEndsAtRepositoryMissing() async throws {
        let session = try await drive(registryCheck: Self.result(missing: "repository", nearest: []))
        #expect(session.path == ["describe", "check-image", "registry-check", "repository-missing"])
    }

    @Test func offlineSkipsTheRegistry() async throws {
        let (library, _) = ShippedLibraryTests.load()
        let scenario = try #require(library.scenario("nginx-tag-typo"))
        let report = await ScenarioReplay(parsers: .standard).replay(scenario, runbook: try #require(library.runbook("image-pull-backoff")))
        #expect(report.session?.path.contains("registry-check") == false)
    }
}
