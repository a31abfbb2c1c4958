import TriageJSON

/// What a container is doing, or did last: waiting, running or terminated.
public enum ContainerState: Sendable, Equatable {
    /// Not running yet, or again: why (`ImagePullBackOff`, `CrashLoopBackOff`…) and the message
    /// (since Kubernetes 1.32 the last pull error for pull failures).
    case waiting(reason: String?, message: String?)
    /// Running since `startedAt`.
    case running(startedAt: KubernetesTime?)
    /// Ended.
    case terminated(Termination)
    /// No state reported (`{}`).
    case unknown

    /// Reads `state` or `lastState`.
    public init(json: JSONValue) {
        if let waiting = json["waiting"] {
            self = .waiting(reason: waiting["reason"]?.string, message: waiting["message"]?.string)
        } else if let running = json["running"] {
            self = .running(startedAt: running["startedAt"]?.time)
        } else if let terminated = json["terminated"] {
            self = .terminated(Termination(json: terminated))
        } else {
            self = .unknown
        }
    }

    /// The waiting reasons of a container on its normal way to running: the kubelet is creating
    /// it, or waiting for the pod's init containers.
    public static let startingReasons: Set<String> = ["ContainerCreating", "PodInitializing"]

    /// The waiting reason, when waiting.
    public var waitingReason: String? {
        if case .waiting(let reason, _) = self { return reason }
        return nil
    }

    /// The waiting message, when waiting with one.
    public var waitingMessage: String? {
        if case .waiting(_, let message) = self { return message }
        return nil
    }

    /// Whether it is running.
    public var isRunning: Bool {
        if case .running = self { return true }
        return false
    }

    /// The termination, when terminated.
    public var termination: Termination? {
        if case .terminated(let termination) = self { return termination }
        return nil
    }
}

/// How a container ended.
public struct Termination: Sendable, Equatable {
    /// `Completed`, `Error`, `OOMKilled`, `ContainerCannotRun`…
    public var reason: String?
    /// The process's exit code (137 for SIGKILL, 139 for SIGSEGV…).
    public var exitCode: Int?
    /// The signal that ended it, when the runtime reports one.
    public var signal: Int?
    /// The runtime's message.
    public var message: String?
    /// When it started.
    public var startedAt: KubernetesTime?
    /// When it ended.
    public var finishedAt: KubernetesTime?

    /// Seconds from the start to the end, when both are known.
    public var ranSeconds: Int? {
        guard let startedAt, let finishedAt else { return nil }
        return max(0, finishedAt.secondsSinceEpoch - startedAt.secondsSinceEpoch)
    }

    /// Reads `terminated`.
    public init(json: JSONValue) {
        reason = json["reason"]?.string
        exitCode = json["exitCode"]?.int
        signal = json["signal"]?.int
        message = json["message"]?.string
        startedAt = json["startedAt"]?.time
        finishedAt = json["finishedAt"]?.time
    }
}

/// A container's status as the kubelet reports it.
public struct ContainerStatus: Sendable, Equatable {
    /// Which list it is in.
    public var kind: ContainerKind
    /// The container's name.
    public var name: String
    /// What it is doing now.
    public var state: ContainerState
    /// What it did before its last restart (`.unknown` when it has not restarted).
    public var lastState: ContainerState
    /// Whether it passes its readiness probe.
    public var ready: Bool
    /// Times it restarted.
    public var restartCount: Int
    /// The image, as the kubelet reports it (the spec's until it is pulled, then often normalised).
    public var image: String
    /// The pulled image's digest reference; empty until it is pulled.
    public var imageID: String

    /// Whether something keeps it from running as declared: waiting for a reason other than a
    /// normal start, ended with a non-zero exit code, or restarted after an end.
    public var isInTrouble: Bool {
        switch state {
        case .waiting(let reason, _): return !(reason.map(ContainerState.startingReasons.contains) ?? true)
        case .terminated(let termination): return termination.exitCode != 0
        case .running, .unknown: return restartCount > 0 && lastState.termination != nil
        }
    }

    /// How it ended last: its present state when it has ended, else its last state.
    public var lastTermination: Termination? {
        state.termination ?? lastState.termination
    }

    /// Reads one element of a status list of kind `kind`.
    public init(json: JSONValue, kind: ContainerKind) {
        self.kind = kind
        name = json["name"]?.string ?? ""
        state = json["state"].map(ContainerState.init(json:)) ?? .unknown
        lastState = json["lastState"].map(ContainerState.init(json:)) ?? .unknown
        ready = json["ready"]?.bool ?? false
        restartCount = json["restartCount"]?.int ?? 0
        image = json["image"]?.string ?? ""
        imageID = json["imageID"]?.string ?? ""
    }
}
