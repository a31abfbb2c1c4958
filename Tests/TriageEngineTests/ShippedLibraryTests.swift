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

    /// Every cause the pull runbook can end in is practised by at least two scenarios that
    /// reach it, so a trainee meets each cause twice and the trainer can pick fairly.
    @Test func everyCauseOfThePullRunbookHasTwoScenarios() async throws {
        let (library, _) = Self.load()
        let runbook = try #require(library.runbook("image-pull-backoff"))
        let causes = Set(runbook.nodes.compactMap(\.diagnosis?.cause))
        let replayer = ScenarioReplay(parsers: .standard)
        var reached: [String: Int] = [:]
        for scenario in library.scenarios where scenario.runbook == runbook.id {
            let report = await replayer.replay(scenario, runbook: runbook)
            if report.passed, let cause = report.cause { reached[cause, default: 0] += 1 }
        }
        for cause in causes.sorted() {
            #expect(reached[cause, default: 0] >= 2, "cause \(cause) has \(reached[cause, default: 0]) scenario(s)")
        }
        #expect(causes.contains("never-pull"))
    }

    /// The diagnosis every scenario ends at as a person reads it: the summary, explanation and
    /// evidence, the fix and verification steps that apply, their commands, and the facts the
    /// session held there.
    struct Ending {
        var texts: [String]
        var fix: [String]
        var commands: [[String]]
        /// Fix or verification steps with a command that could not be filled in, which a reader
        /// would see without it.
        var dropped: [String]
        var facts: Facts
    }

    static func endings() async throws -> [String: Ending] {
        let (library, _) = load()
        var endings: [String: Ending] = [:]
        for scenario in library.scenarios {
            let runbook = try #require(library.runbook(scenario.runbook))
            let session = try #require(await ScenarioReplay(parsers: .standard).replay(scenario, runbook: runbook).session)
            endings[scenario.id] = try ending(of: session)
        }
        return endings
    }

    static func ending(of session: Session) throws -> Ending {
        let diagnosis = try #require(session.current.diagnosis)
        let texts = [diagnosis.summary, diagnosis.explanation].map(session.render) + (session.evidence(of: diagnosis).map { [$0] } ?? [])
        let steps = diagnosis.fix.filter { $0.when?.evaluate(session.facts).holds ?? true } + (diagnosis.verify.map { [$0] } ?? [])
        let resolved = steps.map(session.resolve)
        let dropped = zip(steps, resolved).filter { $0.0.command != nil && $0.1.invocation == nil }.map(\.1.text)
        return Ending(
            texts: texts, fix: resolved.map(\.text), commands: resolved.compactMap { $0.invocation?.arguments },
            dropped: dropped, facts: session.facts)
    }

    /// Words a reader would have to replace by hand, with the facts that may hold their value.
    static let placeholderWords: [String: [String]] = [
        "IMAGE": ["image", "failing_image", "checked_image"], "POD": ["pod"], "CONTAINER": ["container", "failing_container"],
        "NAMESPACE": ["namespace"], "REGION": ["ecr_region"], "REGISTRY": ["registry", "checked_registry"], "NODE": ["node"],
        "SECRET": ["all_pull_secrets", "pull_secrets", "secrets_missing", "secrets_found"], "TAG": ["nearest_tag"],
        "WORKLOAD": ["workload"], "DEPLOYMENT": ["workload"], "SERVICEACCOUNT": ["service_account"], "NAME": ["pod", "workload"],
        "REPOSITORY": ["repository", "image_repository"], "HOST": ["registry_hostname", "registry"],
    ]

    /// The placeholder-shaped tokens of `line` whose value the session knows (an `<angle>` token
    /// or "(not known)" always counts: a step whose value is unknown is left out with `when:`).
    static func unfilled(in line: String, facts: Facts) throws -> [String] {
        var found = line.matches(of: try Regex(#"<(?!redacted>)[a-z][a-z_-]*>|\(not known\)|\{\{[^}]*\}\}"#)).map { String(line[$0.range]) }
        for match in line.matches(of: try Regex(#"\b[A-Z][A-Z_]{2,}\b"#)) {
            let word = String(line[match.range])
            if let names = placeholderWords[word.replacingOccurrences(of: "_", with: "")], names.contains(where: { facts[$0] != nil }) {
                found.append(word)
            }
        }
        return found
    }

    @Test func endingsNameEveryValueTheSessionKnows() async throws {
        for (id, ending) in try await Self.endings() {
            for line in ending.texts + ending.fix + ending.commands.flatMap({ $0 }) {
                #expect(try Self.unfilled(in: line, facts: ending.facts) == [], "\(id): \(line)")
            }
            #expect(ending.dropped == [], "\(id): a fix step shown without its command, for a value not known")
        }
    }

    /// What an ending says was read from kubectl's JSON by the JSON reader, never as JSON's text:
    /// no summary, explanation, evidence, fix text or fact keeps an escaped quote, line end or tab.
    @Test func endingsQuoteJSONValuesDecoded() async throws {
        var checked = 0
        for (id, ending) in try await Self.endings() {
            let facts = ending.facts.values.flatMap(\.values)
            for line in ending.texts + ending.fix + facts {
                #expect(!line.contains(#"\""#) && !line.contains(#"\n"#) && !line.contains(#"\t"#), "\(id): \(line)")
            }
            checked += id.hasPrefix("crash-exec-format") ? 1 : 0
        }
        #expect(checked == 2)
    }

    /// Every ending about credentials names the secret at fault and the object that names it (the
    /// pod spec or which ServiceAccount), and its commands recreate that very secret; with no
    /// secret at all, it names the ServiceAccount that a new secret is added to.
    @Test func credentialEndingsNameTheSecretAndWhoNamesIt() async throws {
        var checked = 0
        for (id, ending) in try await Self.endings() {
            let said = (ending.texts + ending.fix).joined(separator: "\n")
            let creates = ending.commands.filter { $0.starts(with: ["kubectl", "create", "secret"]) }
            if let secret = ending.facts["secret_to_fix"]?.value, let owner = ending.facts["secret_named_by"]?.value {
                checked += 1
                #expect(said.contains(secret) && said.contains(owner), "\(id): names \(secret) and \(owner)")
                #expect(!creates.isEmpty && creates.allSatisfy { $0.contains(secret) }, "\(id): \(creates)")
            } else if ending.facts["service_account"] != nil, ending.facts["all_pull_secrets"] == nil, !creates.isEmpty {
                checked += 1
                let account = try #require(ending.facts["service_account"]?.value)
                #expect(said.contains("ServiceAccount \(account)"), "\(id)")
                #expect(ending.commands.contains { $0.starts(with: ["kubectl", "patch", "serviceaccount", account]) }, "\(id)")
            }
        }
        #expect(checked >= 6)
    }

    @Test func thePlaceholderCheckFindsEveryShape() throws {
        let facts: Facts = ["image": Fact("ghcr.io/acme/api:1"), "ecr_region": Fact("eu-west-1")]
        #expect(try Self.unfilled(in: "kubectl set image deployment/web <container>=IMAGE", facts: facts) == ["<container>", "IMAGE"])
        #expect(try Self.unfilled(in: "aws ecr get-login-password --region REGION (not known)", facts: facts) == ["(not known)", "REGION"])
        #expect(try Self.unfilled(in: "Give the nodes' IAM role read access; set HTTP_PROXY and NO_PROXY", facts: facts) == [])
        #expect(try Self.unfilled(in: "pull IMAGE on the node", facts: [:]) == [])
    }

    @Test func endingsFollowTheRegistryFamily() async throws {
        let endings = try await Self.endings()
        let ecr = try #require(endings["ecr-token-expired"]?.fix)
        #expect(
            ecr.contains(
                "Test a login from the node: `aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com`."
            ))
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
        let ending = try ShippedLibraryTests.ending(of: session)
        for line in ending.texts + ending.fix + ending.commands.flatMap({ $0 }) {
            #expect(try ShippedLibraryTests.unfilled(in: line, facts: ending.facts) == [], "\(line)")
        }
        #expect(
            ending.commands.contains(["kubectl", "set", "image", "deployment/web", "web=docker.io/library/nginx:1.27-alpine", "--namespace", "shop"]),
            "\(ending.commands)")
        #expect(session.render(session.current.diagnosis!.summary).contains("1.27-alpine"))
    }

    @Test func aMissingRepositoryEndsAtRepositoryMissing() async throws {
        let session = try await drive(registryCheck: Self.result(missing: "repository", nearest: []))
        #expect(session.path == ["describe", "check-image", "registry-check", "repository-missing"])
        let ending = try ShippedLibraryTests.ending(of: session)
        for line in ending.texts + ending.fix + ending.commands.flatMap({ $0 }) {
            #expect(try ShippedLibraryTests.unfilled(in: line, facts: ending.facts) == [], "\(line)")
        }
    }

    @Test func offlineSkipsTheRegistry() async throws {
        let (library, _) = ShippedLibraryTests.load()
        let scenario = try #require(library.scenario("nginx-tag-typo"))
        let report = await ScenarioReplay(parsers: .standard).replay(scenario, runbook: try #require(library.runbook("image-pull-backoff")))
        #expect(report.session?.path.contains("registry-check") == false)
    }
}
