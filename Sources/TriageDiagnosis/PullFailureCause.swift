/// Why an image pull failed, as one of eleven fixed labels.
///
/// The raw values are the labels used in reports and JSON output.
public enum PullFailureCause: String, Codable, CaseIterable, Sendable, Comparable {
    /// The repository, tag or digest does not exist in the registry.
    case imageNotFound = "image-not-found"
    /// The registry refused the credentials, or none were sent.
    case auth
    /// The image reference cannot be parsed.
    case invalidName = "invalid-name"
    /// The registry could not be reached: DNS, TCP, proxy or timeout.
    case network
    /// The TLS handshake failed on certificate trust, or the registry speaks plain HTTP.
    case tls
    /// The registry throttled the pull.
    case rateLimit = "rate-limit"
    /// The image has no variant for the node's OS/architecture.
    case platform
    /// The node ran out of disk space while storing the image.
    case disk
    /// The container runtime failed locally: CRI service, layer unpacking, content verification.
    case runtime
    /// The pull policy is `Never` and the image is not on the node, so nothing was pulled.
    case neverPull = "never-pull"
    /// No cause is visible, or the cause is outside the other ten (policy, registry 5xx, cancellation).
    case other

    /// Rank used to pick the "most severe" finding: higher means it blocks more than one image
    /// (a broken node or unreachable registry beats a single missing tag). `other` ranks lowest.
    public var severity: Int {
        switch self {
        case .disk: 10
        case .runtime: 9
        case .network: 8
        case .tls: 7
        case .rateLimit: 6
        case .auth: 5
        case .platform: 4
        case .imageNotFound: 3
        case .neverPull: 2
        case .invalidName: 1
        case .other: 0
        }
    }

    /// A short human title for the cause.
    public var title: String {
        switch self {
        case .imageNotFound: "image not found"
        case .auth: "registry authentication or authorization"
        case .invalidName: "invalid image name"
        case .network: "registry unreachable (network)"
        case .tls: "TLS / certificate problem"
        case .rateLimit: "registry rate limit"
        case .platform: "no image for the node's platform"
        case .disk: "node out of disk space"
        case .runtime: "container runtime failure"
        case .neverPull: "image not on the node and pull policy Never"
        case .other: "no specific cause visible"
        }
    }

    /// Orders causes by ``severity``.
    public static func < (lhs: PullFailureCause, rhs: PullFailureCause) -> Bool {
        lhs.severity < rhs.severity
    }
}
