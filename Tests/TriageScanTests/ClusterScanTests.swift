import Testing
import TriageScan

/// A kubectl that answers from a table of canned outputs, recording what it was asked.
final class FakeKubectl: KubectlRunning, @unchecked Sendable {
    private let answers: @Sendable ([String]) -> KubectlOutput
    init(_ answers: @escaping @Sendable ([String]) -> KubectlOutput) { self.answers = answers }
    func kubectl(_ arguments: [String]) async throws(ScanError) -> KubectlOutput { answers(arguments) }
}

/// Live scans against a fake kubectl: events, forbidden namespaces and failures.
struct ClusterScanTests {
    static let events =
        #"{"apiVersion": "v1", "items": [{"kind": "Event", "involvedObject": {"kind": "Pod", "name": "report-28900000-xyz12", "namespace": "ops"}, "reason": "Failed", "type": "Warning", "message": "Failed to pull image \"quay.io/acme/reports:3.1\": rpc error: code = Unknown desc = reading manifest 3.1 in quay.io/acme/reports: unauthorized: access to the requested resource is not authorized"}], "kind": "List"}"#

    @Test func readsEventsWhenTheStatusNamesNoCause() async throws {
        let kubectl = FakeKubectl { arguments in
            switch arguments[1] {
            case "pods": KubectlOutput(stdout: Fixtures.mixed)
            case "events": KubectlOutput(stdout: arguments.contains("involvedObject.name=report-28900000-xyz12") ? Self.events : "{}")
            case "replicasets": KubectlOutput(stdout: "shop  web-7d9f8c6b5  Deployment  web-frontend\n")
            default: KubectlOutput(stdout: "", stderr: "unexpected", exitStatus: 1)
            }
        }
        let report = try await ClusterScan(kubectl: kubectl, scope: .allNamespaces).run()
        let reports = try #require(report.groups.first { $0.image == "quay.io/acme/reports:3.1" })
        #expect(reports.cause == .auth)
        #expect(reports.explained)
        #expect(report.entries.first?.workload == "deployment/web-frontend")
    }

    @Test func forbiddenNamespacesAreReportedAsNotScanned() async throws {
        let kubectl = FakeKubectl { arguments in
            if arguments.contains("--all-namespaces") && arguments[1] == "pods" {
                return KubectlOutput(
                    stdout: "",
                    stderr: #"Error from server (Forbidden): pods is forbidden: User "dev" cannot list resource "pods" in API group "" at the cluster scope"#,
                    exitStatus: 1)
            }
            if arguments[1] == "namespaces" { return KubectlOutput(stdout: "shop secret") }
            if arguments.contains("secret") {
                return KubectlOutput(
                    stdout: "", stderr: #"Error from server (Forbidden): pods is forbidden: User "dev" cannot list resource "pods" in the namespace "secret""#,
                    exitStatus: 1)
            }
            if arguments[1] == "pods" { return KubectlOutput(stdout: Fixtures.mixed) }
            return KubectlOutput(stdout: "", exitStatus: 1)
        }
        let report = try await ClusterScan(kubectl: kubectl, scope: .allNamespaces).run()
        #expect(report.totalPods == 6)
        #expect(report.unscanned.map(\.namespace) == ["secret"])
        #expect(report.unscanned.first?.reason.contains("forbidden") == true)
    }

    @Test func aFailingKubectlIsAnErrorWithItsStderr() async {
        let kubectl = FakeKubectl { _ in KubectlOutput(stdout: "", stderr: "error: context \"nope\" does not exist\n", exitStatus: 1) }
        await #expect(
            throws: ScanError.kubectlFailed(
                command: "kubectl get pods --namespace shop --output json --chunk-size 500", status: 1,
                stderr: #"error: context "nope" does not exist"#)
        ) {
            try await ClusterScan(kubectl: kubectl, scope: .namespace("shop")).run()
        }
    }

    /// A kubectl stopped for its time says how long it was given and which option gives more,
    /// whether it listed the pods or one namespace of many.
    @Test func aStoppedKubectlSaysAfterHowLongAndWhichOptionWaitsLonger() async throws {
        let silent = FakeKubectl { _ in KubectlOutput(stdout: "", exitStatus: 143, stoppedAfter: 2.5) }
        let error = await #expect(throws: ScanError.self) { try await ClusterScan(kubectl: silent, scope: .namespace("shop")).run() }
        #expect(
            error?.localizedDescription
                == "`kubectl get pods --namespace shop --output json --chunk-size 500` timed out after 2.5 s with no answer (--timeout SECONDS waits longer)")
        let oneSlow = FakeKubectl { arguments in
            if arguments.contains("--all-namespaces") { return KubectlOutput(stdout: "", stderr: "pods is forbidden", exitStatus: 1) }
            if arguments[1] == "namespaces" { return KubectlOutput(stdout: "ops shop") }
            if arguments.contains("ops") { return KubectlOutput(stdout: "", stderr: "I1203 09:00:00.000000 1 round_trippers.go:553] GET", stoppedAfter: 120) }
            return KubectlOutput(stdout: arguments[1] == "pods" ? Fixtures.mixed : "", exitStatus: arguments[1] == "pods" ? 0 : 1)
        }
        let report = try await ClusterScan(kubectl: oneSlow, scope: .allNamespaces).run()
        #expect(
            report.unscanned.map(\.reason) == [
                "timed out after 120 s with no answer (--timeout SECONDS waits longer): I1203 09:00:00.000000 1 round_trippers.go:553] GET"
            ])
    }

    @Test func brokenOutputFromKubectlIsReported() async {
        let kubectl = FakeKubectl { _ in KubectlOutput(stdout: #"{"items": [{"kind": "Pod""#) }
        await #expect(throws: ScanError.truncatedJSON(offset: 25)) {
            try await ClusterScan(kubectl: kubectl, scope: .currentNamespace).run()
        }
    }
}
