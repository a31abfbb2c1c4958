/// A pull failure the lab makes with real parts on loopback, and the cause Triage must name.
public enum LabFault: String, CaseIterable, Sendable, CustomStringConvertible {
    /// A tag never pushed to an open registry.
    case tagNotFound = "tag-not-found"
    /// A repository that does not exist.
    case repositoryNotFound = "repository-not-found"
    /// An htpasswd-protected registry pulled from without credentials (401).
    case unauthorized
    /// An index holding only linux/s390x and linux/arm64 images, pulled on linux/amd64.
    case platformMismatch = "platform-mismatch"
    /// A certificate signed by the lab's CA, which the runtime does not trust.
    case unknownAuthority = "unknown-authority"
    /// A trusted CA, but an expired server certificate.
    case expiredCertificate = "expired-certificate"
    /// A trusted CA, but a certificate for another host.
    case wrongHost = "wrong-host"
    /// A plain-HTTP registry configured as HTTPS.
    case httpAsHTTPS = "http-as-https"
    /// A closed port on 127.0.0.1.
    case connectionRefused = "connection-refused"
    /// A listener that accepts and never answers (the TLS handshake times out).
    case timeout
    /// A front answering `429 Too Many Requests` with Docker Hub's body and headers.
    case rateLimited = "rate-limited"
    /// A proxy to a real registry that cuts every blob download in half.
    case truncatedBlob = "truncated-blob"

    /// The `PullFailureCause` raw value Triage must name.
    public var expectedCause: String {
        switch self {
        case .tagNotFound, .repositoryNotFound: "image-not-found"
        case .unauthorized: "auth"
        case .platformMismatch: "platform"
        case .unknownAuthority, .expiredCertificate, .wrongHost, .httpAsHTTPS: "tls"
        case .connectionRefused, .timeout: "network"
        case .rateLimited: "rate-limit"
        case .truncatedBlob: "runtime"
        }
    }

    /// The fault's name.
    public var description: String { rawValue }
}

/// What containerd said about one fault.
public struct LabObservation: Sendable {
    /// The fault.
    public let fault: LabFault
    /// The image reference pulled.
    public let image: String
    /// `ctr images pull` standard error, whole.
    public let ctr: LabCommandResult
    /// The CRI `PullImage` error as the kubelet prints it; nil if the pull succeeded.
    public let cri: String?

    /// ctr's own error line, without the `ctr: ` prefix.
    public var ctrError: String {
        let line = ctr.stderr.split(separator: "\n").last { $0.hasPrefix("ctr: ") } ?? ""
        return String(line.dropFirst("ctr: ".count))
    }
}
