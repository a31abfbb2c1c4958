import Foundation
import Synchronization
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// ``HTTPTransport`` on URLSession: an ephemeral session per request, with no cookie, cache or
/// credential storage, so nothing the user owns is ever sent.
///
/// FoundationNetworking on Linux stops at a `401` with a Basic challenge and hands it to the
/// session's delegate instead of returning it (without a delegate the request never ends); the
/// delegate here cancels the challenge and the transport returns that `401` and its headers
/// with an empty body. A redirect to another host drops the `Authorization` header.
public struct URLSessionTransport: HTTPTransport {
    private let configuration: URLSessionConfiguration

    /// Creates the transport.
    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCredentialStorage = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.configuration = configuration
    }

    /// Sends `request`; a failure without an HTTP answer is thrown as ``RegistryCheckError/connection(_:)``.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = max(request.timeout, 0.001)
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let delegate = SessionDelegate()
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        do {
            let (body, response) = try await session.data(for: urlRequest)
            guard let http = response as? HTTPURLResponse else {
                throw RegistryCheckError.connection(ConnectionFailure(kind: .other, host: Self.hostAndPort(request.url), detail: "not an HTTP response"))
            }
            return HTTPResponse(http, body: body)
        } catch let error as URLError {
            if let challenged = delegate.challengedResponse { return HTTPResponse(challenged) }
            throw RegistryCheckError.connection(Self.classify(error, url: request.url))
        }
    }

    /// Names the failure from URLError's code and, where FoundationNetworking reports only an
    /// unknown error, from libcurl's message.
    static func classify(_ error: URLError, url: URL) -> ConnectionFailure {
        let detail = error.localizedDescription
        let lower = detail.lowercased()
        let kind: ConnectionFailure.Kind
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed:
            kind = .dns
        case .cannotConnectToHost:
            kind = .refused
        case .timedOut:
            kind = .timeout
        case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateHasUnknownRoot,
            .serverCertificateNotYetValid, .clientCertificateRejected, .clientCertificateRequired:
            kind = .certificate
        case .secureConnectionFailed:
            kind = lower.contains("certificate") ? .certificate : .handshake
        default:
            if lower.contains("certificate") {
                kind = .certificate
            } else if lower.contains("ssl") || lower.contains("tls") || lower.contains("wrong version number") {
                kind = .handshake
            } else if lower.contains("resolve host") {
                kind = .dns
            } else if lower.contains("timed out") || lower.contains("timeout") {
                kind = .timeout
            } else {
                kind = .other
            }
        }
        return ConnectionFailure(kind: kind, host: hostAndPort(url), detail: detail)
    }

    /// `host:port` as written in the URL.
    static func hostAndPort(_ url: URL) -> String {
        let host = url.host ?? ""
        return url.port.map { "\(host):\($0)" } ?? host
    }
}

/// Cancels authentication challenges, keeping the `401` that raised them, and keeps
/// `Authorization` from following a redirect to another host.
private final class SessionDelegate: NSObject, URLSessionTaskDelegate, Sendable {
    private let challenged = Mutex<HTTPURLResponse?>(nil)

    /// The `401` whose challenge was cancelled, if any.
    var challengedResponse: HTTPURLResponse? { challenged.withLock { $0 } }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        let response = challenge.failureResponse as? HTTPURLResponse
        challenged.withLock { $0 = response }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        var next = request
        if request.url?.host != task.originalRequest?.url?.host || request.url?.port != task.originalRequest?.url?.port {
            next.setValue(nil, forHTTPHeaderField: "Authorization")
        }
        completionHandler(next)
    }
}

extension HTTPResponse {
    /// The response's status and headers, with `body`.
    init(_ response: HTTPURLResponse, body: Data = Data()) {
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        self.init(status: response.statusCode, headers: headers, body: body)
    }
}
