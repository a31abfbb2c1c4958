import Foundation
import TriageJSON

/// A Secret, reduced to what Triage may know of it: its name, its type and, for a pull secret,
/// the registry hosts its docker config has entries for. No value of the Secret is kept.
public struct Secret: KubernetesObject, Equatable {
    /// `Secret`.
    public static let kind = "Secret"

    /// The types the kubelet reads pull credentials from.
    public static let pullSecretTypes: Set = ["kubernetes.io/dockerconfigjson", "kubernetes.io/dockercfg"]

    /// Its metadata.
    public var metadata: ObjectMeta
    /// Its type (`Opaque` when none is written).
    public var type: String
    /// The registry hosts of its docker config, as written (`https://index.docker.io/v1/`,
    /// `ghcr.io`), in document order; empty for other types.
    public var registryHosts: [String]
    /// Why a pull secret's docker config could not be read (not base64, not JSON, missing); nil
    /// when it was read or the Secret is not a pull secret.
    public var dockerConfigProblem: String?

    /// Reads a Secret, decoding only the keys of its docker config.
    public init(json: JSONValue) {
        metadata = ObjectMeta(json: json["metadata"] ?? .null)
        type = json["type"]?.string ?? "Opaque"
        registryHosts = []
        dockerConfigProblem = nil
        guard isPullSecret else { return }
        let legacy = type == "kubernetes.io/dockercfg"
        let key = legacy ? ".dockercfg" : ".dockerconfigjson"
        guard let encoded = json[["data", key]]?.string else {
            dockerConfigProblem = "it has no \(key) entry"
            return
        }
        guard let decoded = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
            dockerConfigProblem = "its \(key) entry is not base64"
            return
        }
        guard
            let config = try? decoded.withUnsafeBytes({ raw in
                Result { () throws(JSONReadError) in try JSONValue.parse(raw.bindMemory(to: UInt8.self)) }
            }).get()
        else {
            dockerConfigProblem = "its \(key) entry is not JSON"
            return
        }
        let entries = legacy ? config : config["auths"]
        guard let entries, case .object(let members) = entries else {
            dockerConfigProblem = legacy ? "its \(key) entry is not an object" : "its \(key) entry has no \"auths\" object"
            return
        }
        registryHosts = members.map(\.key)
    }

    /// Whether its type is one the kubelet reads pull credentials from.
    public var isPullSecret: Bool { Self.pullSecretTypes.contains(type) }
}
