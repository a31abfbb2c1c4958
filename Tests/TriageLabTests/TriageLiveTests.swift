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

    @Test("Forbidden and NotFound are reported as kubectl said them", arguments: [
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
