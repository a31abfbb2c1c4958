import Foundation
import Testing
import TriageDiagnosis
import TriageTestSupport

/// The real `kubectl` against the lab's API fixture: it renders its real `describe` and `get`
/// output from objects holding containerd's real errors, and reports the API's refusals.
@Suite("Lab: kubectl against the API fixture", .serialized, .enabled(if: LabGate.runs, "the real-runtime lab's parts are missing"))
struct KubectlFixtureTests {
    @Test("describe pod shows the kubelet's Failed event and the diagnoser names the cause", arguments: LabFault.allCases)
    func describe(_ fault: LabFault) async throws {
        let observation = try #require(try await SharedLab.get().observations[fault])
        let objects = try Kubectl.objects(for: observation)
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let described = try Kubectl.run(["describe", "pod", objects.pod, "-n", objects.namespace], against: fixture)
        #expect(described.status == 0, "\(described.stderr)")
        #expect(described.stdout.contains("Failed to pull image \"\(observation.image)\""))
        #expect(described.stdout.contains("ImagePullBackOff"))
        #expect(described.stdout.contains("Node:             \(objects.node)"))
        let report = PullFailureDiagnoser.diagnose(described.stdout)
        #expect(report.inputKind == .describe)
        #expect(report.cause.rawValue == fault.expectedCause, "\(fault): \(report.cause) for:\n\(described.stdout)")
        #expect(report.findings.first?.image?.original == observation.image)
    }

    @Test("get pod -o json returns the fixture's pod")
    func getPodJSON() async throws {
        let observation = try #require(try await SharedLab.get().observations[.tagNotFound])
        let objects = try Kubectl.objects(for: observation)
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let got = try Kubectl.run(["get", "pod", objects.pod, "-n", objects.namespace, "-o", "json"], against: fixture)
        #expect(got.status == 0, "\(got.stderr)")
        let pod = try #require(try JSONSerialization.jsonObject(with: Data(got.stdout.utf8)) as? [String: Any])
        let spec = try #require(pod["spec"] as? [String: Any])
        let containers = try #require(spec["containers"] as? [[String: Any]])
        #expect(containers.first?["image"] as? String == observation.image)
        #expect(PullFailureDiagnoser.diagnose(got.stdout).cause == .imageNotFound)
    }

    @Test(
        "the API's refusals are kubectl's real errors",
        arguments: [
            (KubeAPIFixture.Behavior.forbidden, "Error from server (Forbidden): pods \"web-6d9f7c8b5-k2x7p\" is forbidden"),
            (.podNotFound, "Error from server (NotFound): pods \"web-6d9f7c8b5-k2x7p\" not found"),
        ])
    func refusal(_ behavior: KubeAPIFixture.Behavior, _ message: String) throws {
        let fixture = try KubeAPIFixture(objects: KubeObjects(image: "127.0.0.1:1/lab/hello:v1", error: "unused"), behavior: behavior)
        defer { fixture.close() }
        let described = try Kubectl.run(["describe", "pod", "web-6d9f7c8b5-k2x7p", "-n", "shop"], against: fixture)
        #expect(described.status != 0)
        #expect(described.stderr.contains(message), "\(described.stderr)")
    }
}
