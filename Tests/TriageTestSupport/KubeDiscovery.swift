import Foundation

/// The discovery documents kubectl reads before it GETs an object: just the core group and
/// `apps`, with the resources the image-pull runbook reads, in the legacy (non-aggregated) form
/// kubectl falls back to when a server does not offer aggregated discovery.
enum KubeDiscovery {
    /// The document served at `path`, or nil when `path` is not a discovery path.
    static func document(for path: String) -> Data? {
        let object: [String: Any]
        switch path {
        case "/version":
            object = ["major": "1", "minor": "32", "gitVersion": "v1.32.4", "platform": "linux/amd64"]
        case "/api":
            object = [
                "kind": "APIVersions", "versions": ["v1"],
                "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"]],
            ]
        case "/apis":
            let apps: [String: Any] = ["groupVersion": "apps/v1", "version": "v1"]
            object = [
                "kind": "APIGroupList", "apiVersion": "v1",
                "groups": [["name": "apps", "versions": [apps], "preferredVersion": apps]],
            ]
        case "/api/v1":
            object = resourceList(
                "v1",
                [
                    ("pods", "Pod", true, ["po"]), ("events", "Event", true, ["ev"]), ("secrets", "Secret", true, []),
                    ("serviceaccounts", "ServiceAccount", true, ["sa"]), ("nodes", "Node", false, ["no"]),
                    ("namespaces", "Namespace", false, ["ns"]),
                ])
        case "/apis/apps/v1":
            object = resourceList(
                "apps/v1",
                [
                    ("replicasets", "ReplicaSet", true, ["rs"]), ("deployments", "Deployment", true, ["deploy"]),
                ])
        default:
            return nil
        }
        return try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    private static func resourceList(_ groupVersion: String, _ resources: [(String, String, Bool, [String])]) -> [String: Any] {
        [
            "kind": "APIResourceList", "apiVersion": "v1", "groupVersion": groupVersion,
            "resources": resources.map { name, kind, namespaced, shortNames in
                [
                    "name": name, "singularName": kind.lowercased(), "namespaced": namespaced, "kind": kind,
                    "verbs": ["get", "list", "watch"], "shortNames": shortNames,
                ] as [String: Any]
            },
        ]
    }
}
