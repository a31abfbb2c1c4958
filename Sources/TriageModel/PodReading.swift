/// The standard pod reading: the one command and parser whose facts a runbook's `selects:`
/// condition is evaluated over, before any runbook is chosen.
public enum PodReading {
    /// The parser that reads the pod.
    public static let parser = "pod-json"

    /// `kubectl get pod POD --namespace NAMESPACE --output json`.
    public static func command(pod: String, namespace: String) -> CommandInvocation {
        CommandInvocation(arguments: ["kubectl", "get", "pod", pod, "--namespace", namespace, "--output", "json"])
    }

    /// `kubectl get pods --namespace NAMESPACE --output json`: the same reading for every pod of a namespace.
    public static func listCommand(namespace: String) -> CommandInvocation {
        CommandInvocation(arguments: ["kubectl", "get", "pods", "--namespace", namespace, "--output", "json"])
    }
}
