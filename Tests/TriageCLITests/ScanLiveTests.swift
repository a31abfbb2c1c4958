import Foundation
import Testing
import TriageTestSupport

/// `triage scan` with the real kubectl against the API fixture: a pod whose container ended and
/// is not started again is listed with the runbook that selects it, and `-A` pages through the
/// pods of every namespace as the API server serves them.
@Suite(.serialized)
struct ScanLiveTests {
    typealias Container = KubeObjects.Container
    typealias Termination = KubeObjects.Container.Termination

    static let image = "ghcr.io/acme/work:1.0"

    /// `triage ARGUMENTS --kubeconfig FILE`, with a HOME of its own so that kubectl keeps no cache.
    func triage(_ arguments: [String], _ fixture: KubeAPIFixture) throws -> (run: TriageBinary.Run, report: [String: Any]?) {
        let home = try LabDirectory("home")
        defer { home.remove() }
        let run = try TriageBinary.run(
            arguments + ["--kubeconfig", fixture.kubeconfig.path], environment: ["HOME": home.url.path, "KUBECONFIG": ""], timeout: 90)
        return (run, try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// A one-shot pod (restartPolicy Never) whose container `work`, or init container `setup`,
    /// ended as `ending` says, beside a pod that runs.
    static func endedForGood(_ ending: Termination, inInit: Bool = false) -> KubeObjects {
        var objects = KubeObjects(image: image, error: "unused")
        let ended = Container(name: inInit ? "setup" : "work", image: image, state: .terminated(ending))
        if inInit {
            objects.initContainers = [ended]
            objects.containers = [Container(name: "work", image: image, state: .waiting(reason: "PodInitializing", message: ""))]
        } else {
            objects.containers = [ended]
        }
        objects.restartPolicy = "Never"
        objects.events = []
        objects.runningPods = [(objects.namespace, "api-7c9d-q8w2x")]
        return objects
    }

    static let endings: [(String, KubeObjects)] = [
        (
            "work StartError (exit 128)",
            endedForGood(Termination(reason: "StartError", exitCode: 128, message: #"exec: "migrate": executable file not found in $PATH"#))
        ),
        ("work OOMKilled (exit 137)", endedForGood(Termination(reason: "OOMKilled", exitCode: 137))),
        ("setup Error (exit 1)", endedForGood(Termination(reason: "Error", exitCode: 1), inInit: true)),
    ]

    @Test("a container that ended for good is listed with the runbook that selects it", arguments: 0..<endings.count)
    func endedForGoodIsListed(_ index: Int) throws {
        let (expected, objects) = Self.endings[index]
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let (run, report) = try triage(["scan", "-n", objects.namespace, "-o", "json"], fixture)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(report?["total_pods"] as? Int == 2, "\(run.stdout)")
        let entries = report?["restarting"] as? [[String: Any]] ?? []
        #expect(
            entries.map { "\($0["pod"] ?? "") \($0["container"] ?? "") \($0["last_state"] ?? "-") \($0["runbook"] ?? "-")" } == [
                "\(objects.pod) \(expected) crash-loop-backoff"
            ], "\(run.stdout)")
        #expect(entries.first?["reason"] as? String == "Terminated")
    }

    /// The pods of every namespace, a page of one pod at a time: all are counted, the failing
    /// one is grouped, and its workload is resolved from the ReplicaSets of every namespace.
    @Test func allNamespacesPagesThroughEveryPod() throws {
        var objects = KubeObjects(image: "registry.example.com/shop/web:9.9", error: "registry.example.com/shop/web:9.9: not found")
        objects.runningPods = [("kube-system", "coredns-5d78c9869d-abcde"), ("default", "hello"), (objects.namespace, "api-7c9d-q8w2x")]
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        for chunk in ["1", "500"] {
            let (run, report) = try triage(["scan", "-A", "--chunk-size", chunk, "-o", "json"], fixture)
            #expect(run.status == 0, "--chunk-size \(chunk): \(run.stdout)\n\(run.stderr)")
            #expect(report?["total_pods"] as? Int == 4, "--chunk-size \(chunk): \(run.stdout)")
            let group = (report?["groups"] as? [[String: Any]])?.first
            #expect(group?["image"] as? String == objects.image, "\(run.stdout)")
            #expect((group?["workloads"] as? [[String: Any]])?.first?["name"] as? String == objects.deployment, "\(run.stdout)")
        }
        let healthy = try KubeAPIFixture(objects: objects, behavior: .podNotFound)
        defer { healthy.close() }
        let (clean, _) = try triage(["scan", "-A"], healthy)
        #expect(clean.status == 1, "no pod fails in any namespace: \(clean.stdout)\n\(clean.stderr)")
    }

    /// `scan -A --watch` scans every namespace once per interval until Ctrl-C.
    @Test func allNamespacesWatchScansUntilControlC() async throws {
        var objects = KubeObjects(image: "registry.example.com/shop/web:9.9", error: "registry.example.com/shop/web:9.9: not found")
        objects.runningPods = [("kube-system", "coredns-5d78c9869d-abcde")]
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let home = try LabDirectory("home")
        defer { home.remove() }
        let process = Process()
        process.executableURL = TriageBinary.url
        process.arguments = ["scan", "-A", "--watch", "--interval", "0.5", "-o", "json", "--kubeconfig", fixture.kubeconfig.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["HOME": home.url.path, "KUBECONFIG": "", "NO_COLOR": "1"]) { _, new in new }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let lines = ScanWatchTests.Lines()
        stdout.fileHandleForReading.readabilityHandler = { lines.append($0.availableData) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let watch = ScanWatchTests()
        #expect(try await watch.wait(60) { lines.complete.count >= 2 }, "two scans: \(lines.complete)")
        process.interrupt()
        #expect(try await watch.wait(20) { !process.isRunning }, "triage scan --watch still runs after Ctrl-C")
        stdout.fileHandleForReading.readabilityHandler = nil
        #expect(process.terminationStatus == 0)
        let reports = lines.complete.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["report"] as? [String: Any]
        }
        #expect(reports.count >= 2 && reports.allSatisfy { $0["total_pods"] as? Int == 2 && $0["failing"] as? Int == 1 }, "\(lines.complete)")
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(errors.contains("scan: stopped."), "stderr: \(errors)")
    }
}
