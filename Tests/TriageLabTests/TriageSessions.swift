import Foundation
import TriageTestSupport

/// The built `triage` binary run against a ``KubeAPIFixture``, live and in propose mode.
enum TriageSessions {
    /// What `triage run … --no-input -o json` reported.
    struct LiveReport {
        /// The process's exit status.
        let status: Int32
        /// The decoded JSON report.
        let json: [String: Any]
        /// The diagnosis's cause, if one was reached.
        var cause: String? { (json["diagnosis"] as? [String: Any])?["cause"] as? String }
        /// The diagnosis's evidence line.
        var evidence: String? { (json["diagnosis"] as? [String: Any])?["evidence"] as? String }
        /// The node the session ended at.
        var ending: String? { json["ending"] as? String }
        /// The commands run, as argument vectors.
        var commands: [[String]] { (json["commands"] as? [[String: Any]] ?? []).compactMap { $0["command"] as? [String] } }
    }

    /// The arguments common to both modes. `--offline`, unless `online`, keeps Triage's own
    /// registry check from calling registries the lab has already stopped.
    static func arguments(_ objects: KubeObjects, _ fixture: KubeAPIFixture, online: Bool = false, runbook: String? = "image-pull-backoff") -> [String] {
        ["run"] + (runbook.map { [$0] } ?? []) + ["--pod", objects.pod, "-n", objects.namespace, "--kubeconfig", fixture.kubeconfig.path]
            + (online ? [] : ["--offline"])
    }

    /// Runs a live unattended session and decodes its JSON report.
    static func live(
        _ objects: KubeObjects, _ fixture: KubeAPIFixture, timeout: Int = 30, online: Bool = false, runbook: String? = "image-pull-backoff",
        extra: [String] = []
    ) throws -> (LiveReport, TriageBinary.Run) {
        let home = try LabDirectory("triage-home")
        defer { home.remove() }
        let run = try TriageBinary.run(
            arguments(objects, fixture, online: online, runbook: runbook) + ["--no-input", "-o", "json", "--timeout", "\(timeout)"] + extra,
            environment: ["HOME": home.url.path], timeout: 90)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
        return (LiveReport(status: run.status, json: json), run)
    }

    /// Runs a propose-mode session through a pipe: for each of `commands` it presses Enter, then
    /// pastes that command's real output (run here with kubectl against the fixture) and a line
    /// `.`; then it asks for the path and quits. Returns what the REPL printed.
    static func propose(_ objects: KubeObjects, _ fixture: KubeAPIFixture, pasting commands: [[String]]) throws -> TriageBinary.Run {
        var input = ""
        for command in commands {
            guard command.first == "kubectl" else { break }
            let output = try Kubectl.run(scoped(command), against: fixture)
            input += "\n" + output.stdout + output.stderr + "\n.\n"
        }
        input += "\npath\nquit\n"
        let home = try LabDirectory("triage-home")
        defer { home.remove() }
        return try TriageBinary.run(
            arguments(objects, fixture) + ["--propose"], input: input,
            environment: ["HOME": home.url.path], timeout: 90)
    }

    /// A recorded kubectl command without the program name and any `--kubeconfig FILE`
    /// (``Kubectl/run(_:against:timeout:)`` adds its own).
    private static func scoped(_ command: [String]) -> [String] {
        var rest = Array(command.dropFirst())
        if let index = rest.firstIndex(of: "--kubeconfig"), index + 1 < rest.count { rest.removeSubrange(index...index + 1) }
        return rest
    }
}
