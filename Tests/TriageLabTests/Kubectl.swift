import Foundation
import TriageTestSupport

/// The real `kubectl`, pointed at a ``KubeAPIFixture``.
enum Kubectl {
    /// Runs `kubectl --kubeconfig FIXTURE arguments…` with a bounded wait.
    static func run(_ arguments: [String], against fixture: KubeAPIFixture, timeout: Duration = .seconds(30)) throws -> LabCommandResult {
        let directory = try LabDirectory("kubectl")
        defer { directory.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory.url.path  // no cache or config of the user's
        environment["KUBECONFIG"] = nil
        return try LabProcess.run(
            ["kubectl", "--kubeconfig", fixture.kubeconfig.path] + arguments, in: directory.url,
            environment: environment, timeout: timeout)
    }

    /// The fixture's objects for `observation`: the pod stuck pulling its image with the CRI
    /// error the kubelet received.
    static func objects(for observation: LabObservation) throws -> KubeObjects {
        guard let error = observation.cri else { throw LabError.notReady("no CRI error for \(observation.fault)") }
        return KubeObjects(image: observation.image, error: error)
    }
}
