import Foundation
import Testing
import TriageDiagnosis
import TriageKubernetes
import TriageScan

/// Grouping, owner walking, the JSON shape, the text table and watch changes.
struct ScanReportTests {
    func report(_ text: String = Fixtures.mixed) throws -> ScanReport {
        var scan = PodScan()
        var source = MemorySource(Array(text.utf8))
        try scan.read(from: &source)
        return scan.report()
    }

    @Test func groupsByCauseRegistryAndImageLargestFirst() throws {
        let report = try report()
        #expect(report.totalPods == 6)
        #expect(report.failing == 4)
        #expect(report.failingPods == 4)
        let groups = report.groups.map { "\($0.cause.rawValue) \($0.registry) \($0.image) \($0.count)" }
        #expect(
            groups == [
                "image-not-found docker.io docker.io/library/nginx:1.99 2",
                "auth registry.corp.example.com registry.corp.example.com/shop/api:2.0 1",
                "other quay.io quay.io/acme/reports:3.1 1",
            ])
        let web = report.groups[0]
        #expect(web.workloads.map { "\($0.namespace)/\($0.kind)/\($0.name) \($0.count)" } == ["shop/Deployment/web 2"])
        #expect(web.nodes == ["node-1", "node-2"])
        #expect(web.namespaces == ["shop"])
        #expect(web.explained)
        #expect(!web.fix.isEmpty && web.fix == web.fixSteps.first)
        #expect(report.groups[2].explained == false)
        #expect(report.entries.map(\.number) == [1, 2, 3, 4])
        #expect(report.entries.map(\.workload) == ["deployment/web", "deployment/web", "statefulset/api", "cronjob/report"])
        #expect(report.entries[3].initContainer)
    }

    @Test func neverPullIsItsOwnGroupWithItsFixAndNeedsNoEvents() throws {
        let message = #"Container image \"kind.local/shop/cart:dev\" is not present with pull policy of Never"#
        var scan = PodScan()
        var source = MemorySource(
            Array(
                Fixtures.list([
                    Fixtures.pod(
                        "cart-6d9f7c8b5-ccccc", owner: ("ReplicaSet", "cart-6d9f7c8b5"), hash: "6d9f7c8b5",
                        containers: [Fixtures.status("cart", image: "kind.local/shop/cart:dev", reason: "ErrImageNeverPull", message: message)]),
                    Fixtures.pod(
                        "cart-6d9f7c8b5-ddddd", owner: ("ReplicaSet", "cart-6d9f7c8b5"), hash: "6d9f7c8b5",
                        containers: [Fixtures.status("cart", image: "kind.local/shop/cart:dev", reason: "ErrImageNeverPull")]),
                ]).utf8))
        try scan.read(from: &source)
        #expect(scan.podsNeedingEvents(limit: 10).isEmpty)
        let report = scan.report()
        #expect(report.groups.map { "\($0.cause.rawValue) \($0.count) \($0.explained)" } == ["never-pull 2 true"])
        let group = try #require(report.groups.first)
        #expect(group.title == "image not on the node and pull policy Never")
        #expect(group.fix.contains("kind load docker-image kind.local/shop/cart:dev"))
        #expect(group.fixSteps.contains { $0.contains("IfNotPresent") })
    }

    @Test func ownersResolveToWorkloads() {
        func workload(_ owner: (String, String)?, hash: String? = nil, known: [String: OwnerReference?] = [:]) -> String {
            let pod = FailingPod(
                namespace: "ns", name: "p-1", owners: owner.map { [OwnerReference(kind: $0.0, name: $0.1, controller: true)] } ?? [],
                templateHash: hash, failures: [])
            let resolved = WorkloadResolver(replicaSetOwners: known).workload(of: pod)
            return "\(resolved.kind)/\(resolved.name)"
        }
        #expect(workload(("ReplicaSet", "web-7d9f8c6b5"), hash: "7d9f8c6b5") == "Deployment/web")
        #expect(workload(("ReplicaSet", "my-app-v2-5c7f9dd4b8")) == "Deployment/my-app-v2")
        #expect(workload(("ReplicaSet", "legacy-set")) == "ReplicaSet/legacy-set")
        #expect(workload(("ReplicaSet", "web-abc12"), known: ["ns/web-abc12": OwnerReference(kind: "Rollout", name: "web", controller: true)]) == "Rollout/web")
        #expect(workload(("ReplicaSet", "web-7d9f8c6b5"), known: ["ns/web-7d9f8c6b5": OwnerReference?.none]) == "ReplicaSet/web-7d9f8c6b5")
        #expect(workload(("Job", "backup-28901234")) == "CronJob/backup")
        #expect(workload(("Job", "migrate-db")) == "Job/migrate-db")
        #expect(workload(("StatefulSet", "db")) == "StatefulSet/db")
        #expect(workload(("DaemonSet", "agent")) == "DaemonSet/agent")
        #expect(workload(nil) == "Pod/p-1")
    }

    @Test func jsonShapeIsStableSnakeCase() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(try report())) as? [String: Any])
        #expect(Set(object.keys) == ["total_pods", "failing", "failing_pods", "groups", "unscanned", "restarting"])
        #expect(object["total_pods"] as? Int == 6)
        #expect(object["failing"] as? Int == 4)
        let group = try #require((object["groups"] as? [[String: Any]])?.first)
        #expect(
            Set(group.keys) == [
                "cause", "title", "registry", "image", "count", "workloads", "namespaces", "nodes", "pods", "fix", "fix_steps", "message", "explained",
            ])
        #expect(group["cause"] as? String == "image-not-found")
        let pod = try #require((group["pods"] as? [[String: Any]])?.first)
        #expect(Set(pod.keys) == ["number", "namespace", "pod", "container", "init_container", "node", "reason", "workload"])
        let workload = try #require((group["workloads"] as? [[String: Any]])?.first)
        #expect(Set(workload.keys) == ["kind", "name", "namespace", "count"])
    }

    @Test func textFitsTheWidth() throws {
        let report = try report()
        for width in [40, 60, 80, 100, 200] {
            let lines = ScanText(width: width).render(report).split(separator: "\n")
            for line in lines {
                #expect(line.count <= width, "width \(width): \(line)")
            }
        }
        let text = ScanText(width: 120).render(report)
        #expect(text.contains("Scanned 6 pods: 4 failing containers in 4 pods, 3 groups."))
        #expect(text.contains("docker.io/library/nginx:1.99"))
        #expect(text.contains("triage scan --run N"))
        let narrow = ScanText(width: 60).render(report)
        #expect(narrow.contains("…"))
        #expect(ScanText(width: 80).render(try self.report(Fixtures.list([]))).contains("No image pull failures."))
    }

    /// Waiting messages quote URLs, headers and flags: the table (cut or `-o wide`) and the JSON
    /// (and so YAML, the same document) show them masked.
    @Test func secretsInMessagesAreMaskedInEveryForm() throws {
        let password = "Pl4nted-Scan-Passw0rd", token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyb2JvdCJ9.c2lnbmF0dXJlLXBsYW50ZWQ"
        let explained =
            #"failed to pull and unpack image \"registry.example.com/shop/api:2.0\": failed to resolve reference: GET https://robot:\#(password)@registry.example.com/v2/shop/api/manifests/2.0: 401 Unauthorized"#
        let unexplained = #"Back-off pulling image \"quay.io/acme/reports:3.1\" (Authorization: Bearer \#(token)) --password=\#(password)"#
        let report = try report(
            Fixtures.list([
                Fixtures.pod(
                    "api-0", containers: [Fixtures.status("api", image: "registry.example.com/shop/api:2.0", reason: "ErrImagePull", message: explained)]),
                Fixtures.pod(
                    "report-1", containers: [Fixtures.status("fetch", image: "quay.io/acme/reports:3.1", reason: "ImagePullBackOff", message: unexplained)]),
            ]))
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        for text in [ScanText(width: nil).render(report), ScanText(width: 100).render(report), json] {
            #expect(!text.contains(password) && !text.contains(token), "\(text)")
        }
        #expect(ScanText(width: nil).render(report).contains("(Authorization: Bearer <redacted>"), "the unexplained message is shown, masked")
        #expect(report.groups.map(\.cause).contains(.auth), "the masked message is still classified")
    }

    @Test func changesBetweenScans() throws {
        let before = try report()
        let after = try report(
            Fixtures.list([
                Fixtures.pod(
                    "web-7d9f8c6b5-aaaaa", owner: ("ReplicaSet", "web-7d9f8c6b5"),
                    containers: [Fixtures.status("web", image: "nginx:1.99", reason: "ImagePullBackOff", message: Fixtures.notFound)]),
                Fixtures.pod(
                    "new-1",
                    containers: [
                        Fixtures.status(
                            "c", image: "Bad:Name", reason: "InvalidImageName",
                            message:
                                #"Failed to apply default image tag \"Bad:Name\": couldn't parse image reference \"Bad:Name\": invalid reference format: repository name must be lowercase"#
                        )
                    ]),
            ]))
        let changes = ScanChanges(from: before, to: after)
        #expect(changes.new.map(\.cause) == [.invalidName])
        #expect(changes.resolved.map(\.image) == ["registry.corp.example.com/shop/api:2.0", "quay.io/acme/reports:3.1"])
        #expect(changes.changed.map { "\($0.before)→\($0.after)" } == ["2→1"])
        #expect(changes.lines.count == 4)
        #expect(ScanChanges(from: after, to: after).isEmpty)
    }

    /// A container that starts crash-looping, or ends for good, between two scans is a change,
    /// and so is one that is no longer listed.
    @Test func restartingContainersThatComeAndGoAreChanges() throws {
        let crashing =
            #"{"image": "app:1", "name": "api", "restartCount": 4, "lastState": {"terminated": {"reason": "Error", "exitCode": 1}}, "state": {"waiting": {"reason": "CrashLoopBackOff"}}}"#
        let before = try report(Fixtures.list([Fixtures.pod("api-0", containers: [crashing])]))
        let after = try report(
            Fixtures.list([Fixtures.pod("job-1", containers: [Fixtures.ended("work", image: "app:1", reason: "OOMKilled", exitCode: 137)], phase: "Failed")]))
        let changes = ScanChanges(from: before, to: after)
        #expect(!changes.isEmpty)
        #expect(changes.lines == ["+ new       Terminated  shop/job-1 work", "- resolved  CrashLoopBackOff  shop/api-0 api"])
        let json = String(decoding: try JSONEncoder().encode(changes), as: UTF8.self)
        #expect(json.contains(#""new_containers":[{"#) && json.contains(#""resolved_containers":[{"#), "\(json)")
        #expect(ScanChanges(from: after, to: after).isEmpty)
    }

    /// A namespace one scan could not read (kubectl timed out there) is neither a recovery nor a
    /// new failure: never an all-clear for what was not looked at.
    @Test func aNamespaceThatCouldNotBeScannedIsNoChange() throws {
        let crashing =
            #"{"image": "app:1", "name": "api", "restartCount": 4, "lastState": {"terminated": {"reason": "Error", "exitCode": 1}}, "state": {"waiting": {"reason": "CrashLoopBackOff"}}}"#
        let listed = try report()
        let restarting = try report(Fixtures.list([Fixtures.pod("api-0", containers: [crashing])]))
        for read in [listed, restarting] {
            var unread = try report(Fixtures.list([]))
            unread.unscanned = (read.groups.flatMap(\.namespaces) + read.restarting.map(\.namespace)).map {
                ScanReport.Unscanned(namespace: $0, reason: "timed out after 2 s with no answer")
            }
            #expect(!unread.unscanned.isEmpty)
            #expect(ScanChanges(from: read, to: unread).isEmpty, "\(ScanChanges(from: read, to: unread).lines)")
            #expect(ScanChanges(from: unread, to: read).isEmpty, "\(ScanChanges(from: unread, to: read).lines)")
        }
    }
}
