import TriageJSON

/// Which list of the pod spec a container is in.
public enum ContainerKind: String, Sendable, Hashable, CaseIterable {
    /// `spec.initContainers`: runs to completion before the others start (or, with
    /// `restartPolicy: Always`, a sidecar that keeps running).
    case initContainer = "init"
    /// `spec.containers`.
    case regular
    /// `spec.ephemeralContainers`, added by `kubectl debug`.
    case ephemeral

    /// The spec field that lists containers of this kind.
    public var specField: String {
        switch self {
        case .initContainer: "initContainers"
        case .regular: "containers"
        case .ephemeral: "ephemeralContainers"
        }
    }

    /// The status field that lists their statuses.
    public var statusField: String {
        switch self {
        case .initContainer: "initContainerStatuses"
        case .regular: "containerStatuses"
        case .ephemeral: "ephemeralContainerStatuses"
        }
    }
}

/// A container as the pod spec declares it.
public struct Container: Sendable, Equatable {
    /// Which list it is in.
    public var kind: ContainerKind
    /// Its name.
    public var name: String
    /// The image reference as written in the spec.
    public var image: String
    /// `Always`, `IfNotPresent` or `Never`; nil when the spec leaves it to the API server's default.
    public var imagePullPolicy: String?
    /// The entrypoint override.
    public var command: [String]
    /// The arguments.
    public var args: [String]
    /// An init container's own restart policy (`Always` makes it a sidecar).
    public var restartPolicy: String?
    /// `resources.limits`: resource name → quantity as written (`memory` → `256Mi`).
    public var limits: [String: String]
    /// `resources.requests`.
    public var requests: [String: String]
    /// The liveness probe.
    public var livenessProbe: Probe?
    /// The readiness probe.
    public var readinessProbe: Probe?
    /// The startup probe.
    public var startupProbe: Probe?
    /// ConfigMaps and Secrets its environment reads (`envFrom` and `env[].valueFrom`).
    public var configReferences: [ConfigReference]
    /// The names of the pod volumes it mounts.
    public var volumeMounts: [String]

    /// Reads one element of a container list of kind `kind`.
    public init(json: JSONValue, kind: ContainerKind) {
        self.kind = kind
        name = json["name"]?.string ?? ""
        image = json["image"]?.string ?? ""
        imagePullPolicy = json["imagePullPolicy"]?.string
        command = json["command"]?.strings ?? []
        args = json["args"]?.strings ?? []
        restartPolicy = json["restartPolicy"]?.string
        limits = Dictionary(json[["resources", "limits"]]?.stringMap ?? [], uniquingKeysWith: { _, last in last })
        requests = Dictionary(json[["resources", "requests"]]?.stringMap ?? [], uniquingKeysWith: { _, last in last })
        livenessProbe = json["livenessProbe"].flatMap(Probe.init(json:))
        readinessProbe = json["readinessProbe"].flatMap(Probe.init(json:))
        startupProbe = json["startupProbe"].flatMap(Probe.init(json:))
        let fromEnvFrom =
            json["envFrom"]?.elements.compactMap { source -> ConfigReference? in
                if let reference = source["configMapRef"] { return ConfigReference(kind: .configMap, json: reference, nameKey: "name", via: .environment) }
                if let reference = source["secretRef"] { return ConfigReference(kind: .secret, json: reference, nameKey: "name", via: .environment) }
                return nil
            } ?? []
        let fromEnv =
            json["env"]?.elements.compactMap { variable -> ConfigReference? in
                guard let source = variable["valueFrom"] else { return nil }
                if let reference = source["configMapKeyRef"] { return ConfigReference(kind: .configMap, json: reference, nameKey: "name", via: .environment) }
                if let reference = source["secretKeyRef"] { return ConfigReference(kind: .secret, json: reference, nameKey: "name", via: .environment) }
                return nil
            } ?? []
        configReferences = fromEnvFrom + fromEnv
        volumeMounts = json["volumeMounts"]?.elements.compactMap { $0["name"]?.string } ?? []
    }

    /// The pull policy the kubelet applies: the spec's, else the API server's default (`Always`
    /// for an image with no tag or the `latest` tag and no digest, `IfNotPresent` otherwise).
    public var effectivePullPolicy: String {
        if let imagePullPolicy, !imagePullPolicy.isEmpty { return imagePullPolicy }
        if image.contains("@") { return "IfNotPresent" }
        let lastComponent = image.split(separator: "/").last ?? ""
        guard let colon = lastComponent.lastIndex(of: ":") else { return "Always" }
        return lastComponent[lastComponent.index(after: colon)...] == "latest" ? "Always" : "IfNotPresent"
    }

    /// Whether it is a sidecar: an init container that keeps running beside the others.
    public var isSidecar: Bool { kind == .initContainer && restartPolicy == "Always" }
}

/// A probe of a container's health.
public struct Probe: Sendable, Equatable {
    /// How it probes: `httpGet`, `tcpSocket`, `exec` or `grpc`.
    public var handler: String
    /// Seconds after the start before the first probe (default 0).
    public var initialDelaySeconds: Int
    /// Seconds between probes (default 10).
    public var periodSeconds: Int
    /// Seconds a probe may take (default 1).
    public var timeoutSeconds: Int
    /// Failures in a row that count as failed (default 3).
    public var failureThreshold: Int

    /// Reads a probe; nil when it names no handler.
    public init?(json: JSONValue) {
        guard let handler = ["httpGet", "tcpSocket", "exec", "grpc"].first(where: { json[$0] != nil }) else { return nil }
        self.handler = handler
        initialDelaySeconds = json["initialDelaySeconds"]?.int ?? 0
        periodSeconds = json["periodSeconds"]?.int ?? 10
        timeoutSeconds = json["timeoutSeconds"]?.int ?? 1
        failureThreshold = json["failureThreshold"]?.int ?? 3
    }

    /// Seconds from the start until the probe can have failed `failureThreshold` times.
    public var secondsUntilFailure: Int { initialDelaySeconds + periodSeconds * failureThreshold }
}

/// A ConfigMap, Secret or PersistentVolumeClaim a pod needs by name.
public struct ConfigReference: Sendable, Equatable, Hashable {
    /// What kind of object is referred to.
    public enum Kind: String, Sendable, Hashable {
        /// A ConfigMap.
        case configMap = "ConfigMap"
        /// A Secret.
        case secret = "Secret"
        /// A PersistentVolumeClaim.
        case persistentVolumeClaim = "PersistentVolumeClaim"
    }

    /// How the pod uses it.
    public enum Use: String, Sendable, Hashable {
        /// As environment variables.
        case environment
        /// As a volume.
        case volume
    }

    /// The kind of object.
    public var kind: Kind
    /// Its name.
    public var name: String
    /// Whether the pod starts without it (`optional: true`).
    public var optional: Bool
    /// How the pod uses it.
    public var via: Use

    /// Creates a reference.
    public init(kind: Kind, name: String, optional: Bool, via: Use) {
        self.kind = kind
        self.name = name
        self.optional = optional
        self.via = via
    }

    init?(kind: Kind, json: JSONValue, nameKey: String, via: Use) {
        guard let name = json[nameKey]?.string else { return nil }
        self.init(kind: kind, name: name, optional: json["optional"]?.bool ?? false, via: via)
    }
}

/// A volume of the pod spec and the object it is made from, when it is made from one.
public struct Volume: Sendable, Equatable {
    /// The volume's name, which containers mount.
    public var name: String
    /// The ConfigMaps, Secrets or claim it reads (a projected volume may read several).
    public var references: [ConfigReference]

    /// Reads one element of `spec.volumes`.
    public init(json: JSONValue) {
        name = json["name"]?.string ?? ""
        var references: [ConfigReference] = []
        if let source = json["configMap"], let reference = ConfigReference(kind: .configMap, json: source, nameKey: "name", via: .volume) {
            references.append(reference)
        }
        if let source = json["secret"], let reference = ConfigReference(kind: .secret, json: source, nameKey: "secretName", via: .volume) {
            references.append(reference)
        }
        if let source = json["persistentVolumeClaim"],
            let reference = ConfigReference(kind: .persistentVolumeClaim, json: source, nameKey: "claimName", via: .volume)
        {
            references.append(reference)
        }
        for source in json[["projected", "sources"]]?.elements ?? [] {
            if let map = source["configMap"], let reference = ConfigReference(kind: .configMap, json: map, nameKey: "name", via: .volume) {
                references.append(reference)
            }
            if let secret = source["secret"], let reference = ConfigReference(kind: .secret, json: secret, nameKey: "name", via: .volume) {
                references.append(reference)
            }
        }
        self.references = references
    }
}
