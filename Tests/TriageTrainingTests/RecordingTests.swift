import Foundation
import Testing
import TriageEngine
import TriageExecution
import TriageModel
import TriageRunbooks
import TriageTestSupport
import TriageTraining

/// `triage run --record`: a session recorded over a ReplayRunner (standing in for the cluster)
/// becomes a scenario that replays to the same ending, with no secret left in the file.
struct RecordingTests {
    /// Passwords, tokens and auth strings planted in the "live" outputs.
    static let planted = [
        "hunter2-Pl4nted!", "s3cr3t-Bearer-T0ken-Value-123456", "ghp_PlantedToken0123456789abcdefABCDEF01",
        "AKIAPLANTED0EXAMPLE", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.c2lnbmF0dXJlLXBsYW50ZWQ",
    ]

    /// A copy of `id`'s recordings with secrets planted in the pull-secret output and elsewhere.
    static func plantedRecordings(_ scenario: Scenario) throws -> [Scenario.Recording] {
        try scenario.recordings.map { recording in
            var recording = recording
            if recording.arguments.starts(with: ["kubectl", "get", "secret"]) {
                var object = try #require(try JSONSerialization.jsonObject(with: Data(recording.result.stdout.utf8)) as? [String: Any])
                let auth = Data("robot:\(planted[0])".utf8).base64EncodedString()
                let config =
                    "{\"auths\":{\"\(try #require(hosts(object).first))\":{\"username\":\"robot\",\"password\":\"\(planted[0])\",\"auth\":\"\(auth)\",\"identitytoken\":\"\(planted[4])\"}}}"
                func plant(_ secret: [String: Any]) -> [String: Any] {
                    var secret = secret
                    var data = secret["data"] as? [String: Any] ?? [:]
                    data[".dockerconfigjson"] = Data(config.utf8).base64EncodedString()
                    data["aws_secret"] = Data(planted[3].utf8).base64EncodedString()
                    secret["data"] = data
                    var metadata = secret["metadata"] as? [String: Any] ?? [:]
                    metadata["annotations"] = ["kubectl.kubernetes.io/last-applied-configuration": "{\"stringData\":{\"password\":\"\(planted[0])\"}}"]
                    secret["metadata"] = metadata
                    return secret
                }
                if var items = object["items"] as? [[String: Any]] {
                    items = items.map(plant)
                    object["items"] = items
                } else {
                    object = plant(object)
                }
                recording.result.stdout = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]), as: UTF8.self)
            }
            recording.result.stderr += "I1122 debug: Authorization: Bearer \(planted[1])\ntoken=\(planted[2])\n"
            recording.result.stderr += PlantedSecrets.freeText.joined(separator: "\r\n") + "\n"
            return recording
        }
    }

    /// The registry hosts in a Secret or List of Secrets.
    static func hosts(_ object: [String: Any]) -> [String] {
        let secrets = (object["items"] as? [[String: Any]]) ?? [object]
        return secrets.flatMap { secret -> [String] in
            guard let encoded = (secret["data"] as? [String: Any])?[".dockerconfigjson"] as? String,
                let config = try? JSONSerialization.jsonObject(with: Data(base64Encoded: encoded) ?? Data()) as? [String: Any]
            else { return [] }
            return Array((config["auths"] as? [String: Any] ?? [:]).keys)
        }
    }

    /// Drives `scenario`'s runbook over a recording runner whose "live" base replays `recordings`,
    /// records it into a temporary file, and returns the file's text and the scenario read back.
    static func record(_ scenario: Scenario, recordings: [Scenario.Recording], anonymize: Bool) async throws -> (String, Scenario) {
        let runbook = try #require(TrainingFixtures.library.runbook(scenario.runbook))
        let recorder = RecordingRunner(base: ReplayRunner(recordings: recordings))
        var session = try Session(runbook: runbook, inputs: scenario.inputs)
        let outcome = try await SessionDriver(runner: recorder, parsers: .standard, answers: RecordedAnswers(scenario.answers), policy: .replay).drive(&session)
        guard case .concluded(let diagnosis) = outcome else { throw RecordingError.unfinished(session.currentID) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("recorded-\(scenario.id).yaml").path
        let recorded = RecordedSession(
            runbook: runbook, inputs: session.inputs, recordings: recorder.recordings, answers: scenario.answers, path: session.path, cause: diagnosis.cause)
        try await ScenarioRecorder(anonymize: anonymize, date: Date(timeIntervalSince1970: 1_795_000_000)).record(recorded, to: file)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let loaded = try LibraryLoader(validator: RunbookValidator(parsers: ParserCatalog.standard.signatures)).loadScenario(file).get()
        return (text, loaded)
    }

    @Test(arguments: [
        "nginx-tag-typo", "quay-opaque-secret", "ecr-token-expired", "sidecar-pull-fails", "events-expired-node-pull", "harbor-secret-without-port",
    ])
    func aRecordedSessionReplaysToTheSameEnding(id: String) async throws {
        let (original, runbook) = TrainingFixtures.scenario(id)
        for anonymize in [false, true] {
            let (_, recorded) = try await Self.record(original, recordings: original.recordings, anonymize: anonymize)
            let report = await ScenarioReplay(parsers: .standard).replay(recorded, runbook: runbook)
            #expect(report.passed, "\(id): \(report.mismatch ?? "")")
            #expect(report.session?.path == original.expectation.path)
            #expect(recorded.expectation.ending == original.expectation.ending)
            #expect(recorded.expectation.cause == original.expectation.cause)
            #expect(recorded.recordings.map(\.arguments).allSatisfy { arguments in original.recordings.contains { $0.arguments == arguments } } || anonymize)
        }
    }

    @Test(arguments: ["quay-opaque-secret", "ecr-token-expired", "sidecar-pull-fails", "harbor-secret-without-port", "dockerhub-missing-repository"])
    func plantedSecretsAreNowhereInTheScenarioFile(id: String) async throws {
        let (original, runbook) = TrainingFixtures.scenario(id)
        let recordings = try Self.plantedRecordings(original)
        let (anonymized, _) = try await Self.record(original, recordings: recordings, anonymize: true)
        #expect(PlantedSecrets.leaks(in: anonymized).isEmpty, "\(id), anonymised")
        let (text, recorded) = try await Self.record(original, recordings: recordings, anonymize: false)
        #expect(PlantedSecrets.leaks(in: text).isEmpty, "\(id)")
        for secret in Self.planted {
            #expect(!text.contains(secret), "\(id): \(secret) is in the scenario file")
            #expect(!text.contains(Data(secret.utf8).base64EncodedString().dropLast(4)), "\(id): base64 of \(secret) is in the scenario file")
        }
        for recording in recordings where recording.arguments.starts(with: ["kubectl", "get", "secret"]) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(recording.result.stdout.utf8)) as? [String: Any])
            for secret in (object["items"] as? [[String: Any]]) ?? [object] {
                for case let encoded as String in (secret["data"] as? [String: Any] ?? [:]).values {
                    #expect(!text.contains(encoded), "\(id): an original secret value is in the scenario file")
                }
            }
        }
        // The pull-secret output is still JSON with the registry hosts, so the replay still decides the same way.
        let report = await ScenarioReplay(parsers: .standard).replay(recorded, runbook: runbook)
        #expect(report.passed, "\(id): \(report.mismatch ?? "")")
    }

    @Test func anonymisingRenamesAccountIdsHostsAndNodesConsistently() async throws {
        let (original, _) = TrainingFixtures.scenario("ecr-token-expired")
        let (text, recorded) = try await Self.record(original, recordings: original.recordings, anonymize: true)
        #expect(!text.contains("123456789012"))
        #expect(!text.contains("k8s-node-12"))
        #expect(text.contains("100000000001.dkr.ecr.eu-west-1.amazonaws.com/payments/ledger-api"))
        #expect(recorded.expectation.ending == "auth")

        let (harborText, _) = try await Self.record(
            TrainingFixtures.scenario("harbor-secret-without-port").0, recordings: TrainingFixtures.scenario("harbor-secret-without-port").0.recordings,
            anonymize: true)
        #expect(!harborText.contains("acme.dev"))
        #expect(harborText.contains("registry-1.example.com:8443/platform/ledger"))
    }

    @Test func anUnfinishedOrBadlyNamedRecordingWritesNothing() async throws {
        let (original, runbook) = TrainingFixtures.scenario("nginx-tag-typo")
        let session = RecordedSession(
            runbook: runbook, inputs: original.inputs, recordings: original.recordings, answers: [:], path: ["describe", "check-image"], cause: "other")
        await #expect(throws: RecordingError.unfinished("check-image")) {
            try await ScenarioRecorder(anonymize: false, date: Date()).scenario(from: session, id: "partial")
        }
        await #expect(throws: RecordingError.self) {
            try await ScenarioRecorder(anonymize: false, date: Date()).scenario(from: session, id: "Not_An_Id")
        }
    }
}
