import TriageDiagnosis

/// Why no HTTP answer came back from a registry, in the terms the runtimes use.
public struct ConnectionFailure: Sendable, Hashable {
    /// The kind of failure.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The host name does not resolve.
        case dns
        /// Nothing listens on the port.
        case refused
        /// No answer within the time allowed.
        case timeout
        /// The TLS certificate is not trusted (self-signed, unknown authority, wrong name, expired).
        case certificate
        /// The TLS handshake failed for another reason.
        case handshake
        /// The server speaks plain HTTP where HTTPS was asked for.
        case plainHTTP = "plain-http"
        /// Any other transport failure.
        case other
    }

    /// The kind of failure.
    public var kind: Kind
    /// The host (and port) that was asked.
    public var host: String
    /// The transport's own message.
    public var detail: String

    /// Creates a failure.
    public init(kind: Kind, host: String, detail: String) {
        self.kind = kind
        self.host = host
        self.detail = detail
    }

    /// The cause in TriageDiagnosis's vocabulary: `tls` for certificate, handshake and plain-HTTP
    /// failures, `network` for the rest.
    public var cause: PullFailureCause {
        switch kind {
        case .certificate, .handshake, .plainHTTP: .tls
        case .dns, .refused, .timeout, .other: .network
        }
    }

    /// A message worded like the runtimes' own, followed by the transport's detail.
    public var message: String {
        let summary =
            switch kind {
            case .dns: "dial tcp: lookup \(host): no such host"
            case .refused: "dial tcp \(host): connect: connection refused"
            case .timeout: "dial tcp \(host): i/o timeout"
            case .certificate: "tls: failed to verify certificate: x509: the certificate of \(host) is not trusted"
            case .handshake: "tls: handshake with \(host) failed"
            case .plainHTTP: "http: server gave HTTP response to HTTPS client (\(host) speaks plain HTTP)"
            case .other: "cannot reach \(host)"
            }
        return detail.isEmpty ? summary : summary + " (" + detail + ")"
    }
}
