import TriageJSON

/// A node, from `kubectl get node NAME -o json`.
public struct Node: KubernetesObject, Equatable {
    /// `Node`.
    public static let kind = "Node"

    /// Its metadata.
    public var metadata: ObjectMeta
    /// What the kubelet reports about the machine.
    public var info: NodeInfo
    /// Its conditions (`Ready`, `DiskPressure`, `MemoryPressure`…).
    public var conditions: [Condition]

    /// Reads a node.
    public init(json: JSONValue) {
        metadata = ObjectMeta(json: json["metadata"] ?? .null)
        info = NodeInfo(json: json[["status", "nodeInfo"]] ?? .null)
        conditions = json[["status", "conditions"]]?.elements.map(Condition.init(json:)) ?? []
    }

    /// The condition of type `type`.
    public func condition(_ type: String) -> Condition? {
        conditions.first { $0.type == type }
    }
}

/// `status.nodeInfo`.
public struct NodeInfo: Sendable, Equatable {
    /// `containerd://1.7.22`, `cri-o://1.30.4`, `docker://24.0.7`.
    public var containerRuntimeVersion: String?
    /// `linux` or `windows`.
    public var operatingSystem: String?
    /// `amd64`, `arm64`…
    public var architecture: String?
    /// `v1.32.1`.
    public var kubeletVersion: String?
    /// The OS image (`Ubuntu 24.04.1 LTS`).
    public var osImage: String?
    /// The kernel version.
    public var kernelVersion: String?

    /// Reads `nodeInfo`.
    public init(json: JSONValue) {
        containerRuntimeVersion = json["containerRuntimeVersion"]?.string
        operatingSystem = json["operatingSystem"]?.string
        architecture = json["architecture"]?.string
        kubeletVersion = json["kubeletVersion"]?.string
        osImage = json["osImage"]?.string
        kernelVersion = json["kernelVersion"]?.string
    }

    /// The runtime's name and version, split at `://`.
    public var runtime: (name: String, version: String?)? {
        guard let text = containerRuntimeVersion, !text.isEmpty else { return nil }
        guard let separator = text.range(of: "://") else { return (text, nil) }
        return (String(text[..<separator.lowerBound]), String(text[separator.upperBound...]))
    }

    /// `os/arch` as image indexes name platforms (the OS defaults to `linux`); nil without an
    /// architecture.
    public var platform: String? {
        architecture.map { "\(operatingSystem ?? "linux")/\($0)" }
    }
}
