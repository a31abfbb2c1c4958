import TriageJSON

/// A ServiceAccount, from `kubectl get serviceaccount NAME -o json`.
public struct ServiceAccount: KubernetesObject, Equatable {
    /// `ServiceAccount`.
    public static let kind = "ServiceAccount"

    /// Its metadata.
    public var metadata: ObjectMeta
    /// The names of the pull secrets it adds to every pod that runs as it.
    public var imagePullSecrets: [String]

    /// Reads a ServiceAccount.
    public init(json: JSONValue) {
        metadata = ObjectMeta(json: json["metadata"] ?? .null)
        imagePullSecrets = json["imagePullSecrets"]?.elements.compactMap { $0["name"]?.string } ?? []
    }
}
