import Foundation
import Testing
import TriageTestSupport

/// SIGTERM, SIGHUP (a closed terminal) and SIGINT to `triage scan` stop the kubectl it is running,
/// whose process group is its own: the real binary, the real kubectl, an API server on 127.0.0.1
/// that accepts the connection and never answers.
@Suite(.serialized)
struct SignalTests {
    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func aSignalToScanStopsItsKubectl(signal: Int32) async throws {
        let silent = try LoopbackListener { connection in
            while !connection.isStopping() { usleep(20_000) }
        }
        defer { silent.close() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-signal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let kubeconfig = directory.appendingPathComponent("config")
        try LoopbackKubeconfig.write(to: kubeconfig, port: silent.port, namespace: "default", name: "silent")

        let process = Process()
        process.executableURL = TriageBinary.url
        process.arguments = ["scan", "--kubeconfig", kubeconfig.path, "--timeout", "120"]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = directory.path
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let kubectl = try #require(await Self.child(named: "kubectl", of: process.processIdentifier), "kubectl never started")
        defer { kill(-kubectl, SIGKILL); kill(kubectl, SIGKILL) }  // never leave it behind, even on failure
        kill(process.processIdentifier, signal)

        let triageEnded = await Self.waitUntil(seconds: 10) { !process.isRunning }
        #expect(triageEnded, "triage did not end after signal \(signal)")
        #expect(
            process.terminationReason == .exit && process.terminationStatus == 128 + signal,
            "exit status \(process.terminationStatus), reason \(process.terminationReason.rawValue)")
        let kubectlEnded = await Self.waitUntil(seconds: 5) { !Self.isAlive(kubectl) }
        #expect(kubectlEnded, "kubectl (pid \(kubectl)) was left running after signal \(signal) to triage")
    }

    /// The pid of `parent`'s child whose command name is `name`, waiting up to 20 seconds for it.
    static func child(named name: String, of parent: pid_t) async -> pid_t? {
        var found: pid_t?
        _ = await waitUntil(seconds: 20) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            found = entries.compactMap(pid_t.init).first { pid in
                guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                    let open = stat.firstIndex(of: "("), let close = stat.range(of: ") ", options: .backwards)
                else { return false }
                let command = stat[stat.index(after: open)..<close.lowerBound]
                let parentField = stat[close.upperBound...].split(separator: " ").dropFirst().first
                return command == name && parentField.flatMap { pid_t($0) } == parent
            }
            return found != nil
        }
        return found
    }

    /// Whether `pid` runs and is not a zombie left for a parent that does not reap it.
    static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.range(of: ") ", options: .backwards)
        else { return false }
        return stat[close.upperBound...].first != "Z"
    }

    /// Polls `condition` every 20 ms for up to `seconds`; whether it held.
    static func waitUntil(seconds: Double, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }
}
