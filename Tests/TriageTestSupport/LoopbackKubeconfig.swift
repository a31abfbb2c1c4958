import Foundation

/// A kubeconfig whose one context points kubectl at `http://127.0.0.1:PORT` with no credentials.
public enum LoopbackKubeconfig {
    /// Writes the kubeconfig to `file`; its cluster, user and context are all called `name`.
    public static func write(to file: URL, port: UInt16, namespace: String, name: String = "lab") throws {
        try """
        apiVersion: v1
        kind: Config
        clusters: [{name: \(name), cluster: {server: "http://127.0.0.1:\(port)"}}]
        users: [{name: \(name), user: {}}]
        contexts: [{name: \(name), context: {cluster: \(name), user: \(name), namespace: \(namespace)}}]
        current-context: \(name)

        """.write(to: file, atomically: true, encoding: .utf8)
    }
}
