import Foundation

/// Sends one check's requests to one registry: the chosen scheme, the anonymous token once there
/// is one, and a shared deadline so the whole check stays within its time.
struct RegistryClient: Sendable {
    /// The media types asked for on manifests: OCI index and manifest, Docker list and v2 manifest.
    static let manifestAccept = [
        MediaType.ociIndex, MediaType.ociManifest, MediaType.dockerManifestList, MediaType.dockerManifest,
    ].joined(separator: ", ")

    let transport: any HTTPTransport
    let host: String
    let deadline: ContinuousClock.Instant
    var scheme = "https"
    /// The anonymous bearer token; it is sent to this registry's host only, and never printed.
    var token: String?

    /// The URL of `path` on the registry.
    func url(_ path: String) -> URL? {
        URL(string: "\(scheme)://\(host)\(path)")
    }

    /// Sends `method url` with `headers`, adding the token when `url` is on this registry.
    func send(_ method: String, _ url: URL, headers: [String: String] = [:]) async throws(RegistryCheckError) -> HTTPResponse {
        let remaining = ContinuousClock.now.duration(to: deadline)
        let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) / 1e18
        guard seconds > 0 else {
            throw .connection(ConnectionFailure(kind: .timeout, host: URLSessionTransport.hostAndPort(url), detail: "the check's time ran out"))
        }
        var headers = headers
        if let token, URLSessionTransport.hostAndPort(url) == host { headers["Authorization"] = "Bearer " + token }
        do {
            return try await transport.send(HTTPRequest(method: method, url: url, headers: headers, timeout: seconds))
        } catch let error as RegistryCheckError {
            throw error
        } catch {
            throw .connection(ConnectionFailure(kind: .other, host: URLSessionTransport.hostAndPort(url), detail: error.localizedDescription))
        }
    }

    /// Sends `method` to `path` on the registry.
    func send(_ method: String, path: String, headers: [String: String] = [:]) async throws(RegistryCheckError) -> HTTPResponse {
        guard let url = url(path) else {
            throw .connection(ConnectionFailure(kind: .other, host: host, detail: "cannot form a URL for \(path)"))
        }
        return try await send(method, url, headers: headers)
    }
}
