import Foundation
import Testing
import TriageTestSupport

/// The built `triage` in live mode against the API fixture, with the real kubectl: each fault's
/// pod must end in the diagnosis naming the fault's cause, and an API that hangs, refuses or
/// does not know the pod must be reported clearly.
@Suite("Lab: triage live", .serialized, .enabled(if: LabGate.runs, "the real-runtime lab's parts are missing"))
struct TriageLiveTests {
    @Test("triage run --no-input reaches the fault's cause", arguments: LabFault.allCases)
    func reachesCause(_ fault: LabFault) async throws {
        let observation = try #require(try await SharedLab.get().observations[fault])
        let objects = try Kubectl.objects(for: observation)
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let (report, run) = try TriageSessions.live(objects, fixture)
        #expect(report.cause == fault.expectedCause, "\(fault): \(run.stdout)\n\(run.stderr)")
        #expect(report.evidence?.contains(observation.image) == true, "\(fault): evidence \(report.evidence ?? "none")")
        #expect(report.commands.allSatisfy { $0.first == "kubectl" })
    }

    @Test("a hanging API server ends in a clear timeout, and the session still reports")
    func hangingAPI() async throws {
        let objects = KubeObjects(image: "127.0.0.1:1/lab/hello:v1", error: "unused")
        let fixture = try KubeAPIFixture(objects: objects, behavior: .hang)
        defer { fixture.close() }
        let started = ContinuousClock.now
        let (report, run) = try TriageSessions.live(objects, fixture, timeout: 2)
        #expect(ContinuousClock.now - started < .seconds(30))
        let commands = report.json["commands"] as? [[String: Any]] ?? []
        #expect(commands.first?["timed_out"] as? Bool == true, "\(run.stdout)\n\(run.stderr)")
        #expect(report.ending == "api-timeout", "\(run.stdout)\n\(run.stderr)")
        #expect(report.evidence?.contains("timed out") == true, "\(report.evidence ?? "none")")
    }

    @Test(
        "Forbidden and NotFound are reported as kubectl said them",
        arguments: [
            (KubeAPIFixture.Behavior.forbidden, "Error from server (Forbidden)"), (.podNotFound, "Error from server (NotFound)"),
        ])
    func refusal(_ behavior: KubeAPIFixture.Behavior, _ message: String) throws {
        let objects = KubeObjects(image: "127.0.0.1:1/lab/hello:v1", error: "unused")
        let fixture = try KubeAPIFixture(objects: objects, behavior: behavior)
        defer { fixture.close() }
        let (report, run) = try TriageSessions.live(objects, fixture)
        #expect(report.ending == "pod-unreadable", "\(run.stdout)\n\(run.stderr)")
        #expect(report.evidence?.contains(message) == true, "\(report.evidence ?? "none")")
    }
}

/// Online, the runbook's registry check runs as `triage registry-check`, which hands over to the
/// `triage-registry-check` executable: a real registry that has the repository but not the tag
/// must lead the live session to the missing-tag diagnosis, with the tags that do exist.
@Suite("Lab: triage live with the registry check", .serialized, .enabled(if: LabGate.runs, "the real-runtime lab's parts are missing"))
struct TriageLiveRegistryCheckTests {
    @Test func aMissingTagIsConfirmedByTheRegistryItself() throws {
        let registry = try RegistryFixture()
        defer { registry.stop() }
        try registry.push("lab/app", tag: "1.0")

        let image = "\(registry.server.host)/lab/app:1.1"
        let error =
            #"rpc error: code = NotFound desc = failed to pull and unpack image "\#(image)": failed to resolve reference "\#(image)": \#(image): not found"#
        let objects = KubeObjects(image: image, error: error)
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let (report, run) = try TriageSessions.live(objects, fixture, online: true)
        let path = report.json["path"] as? [String] ?? []
        #expect(path.contains("registry-check"), "\(path)")
        #expect(report.ending == "tag-missing", "\(run.stdout)\n\(run.stderr)")
        let check = try #require(report.commands.first { $0.dropFirst().first == "registry-check" }, "\(report.commands)")
        #expect(check.contains(image))
        let summary = (report.json["diagnosis"] as? [String: Any])?["summary"] as? String ?? ""
        #expect(summary.contains("nearest tags that exist: 1.0"), "the registry's own tag list: \(summary)")
    }
}

/// `triage scan` with the real kubectl against the API fixture: the pod the fault left in
/// ImagePullBackOff is found and grouped under the fault's cause.
@Suite("Lab: triage scan live", .serialized, .enabled(if: LabGate.runs, "the real-runtime lab's parts are missing"))
struct TriageScanLiveTests {
    @Test("triage scan -n finds the failing pod with its cause", arguments: [LabFault.tagNotFound, .unauthorized, .platformMismatch])
    func scanFindsTheFault(_ fault: LabFault) async throws {
        let observation = try #require(try await SharedLab.get().observations[fault])
        let objects = try Kubectl.objects(for: observation)
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let run = try TriageBinary.run(["scan", "-n", objects.namespace, "--kubeconfig", fixture.kubeconfig.path, "-o", "json"], timeout: 60)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\n\(run.stderr)")
        let groups = report["groups"] as? [[String: Any]] ?? []
        let group = try #require(groups.first, "\(run.stdout)")
        #expect(group["cause"] as? String == fault.expectedCause, "\(run.stdout)")
        #expect(group["image"] as? String == observation.image, "\(run.stdout)")
    }
}
