import TriageJSON

/// The metadata every object has, as far as Triage reads it. Annotations are not kept: they can
/// hold a last-applied configuration with a Secret's data in it.
public struct ObjectMeta: Sendable, Equatable {
    /// The object's name.
    public var name: String
    /// Its namespace; nil for cluster-scoped objects and objects written without one.
    public var namespace: String?
    /// Its labels.
    public var labels: [String: String]
    /// The objects that own it.
    public var ownerReferences: [OwnerReference]
    /// When it was created.
    public var creationTimestamp: KubernetesTime?

    /// Creates metadata.
    public init(
        name: String, namespace: String? = nil, labels: [String: String] = [:],
        ownerReferences: [OwnerReference] = [], creationTimestamp: KubernetesTime? = nil
    ) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.ownerReferences = ownerReferences
        self.creationTimestamp = creationTimestamp
    }

    /// Reads `metadata`.
    public init(json: JSONValue) {
        self.init(
            name: json["name"]?.string ?? "",
            namespace: json["namespace"]?.string,
            labels: Dictionary(json["labels"]?.stringMap ?? [], uniquingKeysWith: { _, last in last }),
            ownerReferences: json["ownerReferences"]?.elements.compactMap(OwnerReference.init(json:)) ?? [],
            creationTimestamp: json["creationTimestamp"]?.time)
    }

    /// The owner that manages the object: the one marked `controller`, else the first.
    public var controller: OwnerReference? {
        ownerReferences.first(where: \.controller) ?? ownerReferences.first
    }
}

/// A reference from an object to an object that owns it.
public struct OwnerReference: Sendable, Equatable, Hashable {
    /// The owner's kind (`ReplicaSet`, `StatefulSet`, `Job`…).
    public var kind: String
    /// The owner's name.
    public var name: String
    /// Whether this owner is the managing controller.
    public var controller: Bool

    /// Creates a reference.
    public init(kind: String, name: String, controller: Bool) {
        self.kind = kind
        self.name = name
        self.controller = controller
    }

    /// Reads one element of `ownerReferences`; nil without a kind and a name.
    public init?(json: JSONValue) {
        guard let kind = json["kind"]?.string, let name = json["name"]?.string else { return nil }
        self.init(kind: kind, name: name, controller: json["controller"]?.bool ?? false)
    }
}
