import Foundation

/// One HTTP request the registry check sends. It never carries credentials the user owns: the
/// only `Authorization` it may hold is an anonymous bearer token the registry handed out.
public struct HTTPRequest: Sendable, Hashable {
    /// `GET` or `HEAD`.
    public var method: String
    /// The absolute URL.
    public var url: URL
    /// Header fields to send.
    public var headers: [String: String]
    /// Seconds the request may take in all.
    public var timeout: TimeInterval

    /// Creates a request.
    public init(method: String = "GET", url: URL, headers: [String: String] = [:], timeout: TimeInterval) {
        self.method = method
        self.url = url
        self.headers = headers
        self.timeout = timeout
    }
}

/// What the server answered.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// Header fields, keyed by lowercased name.
    public var headers: [String: String]
    /// The body (empty for `HEAD`).
    public var body: Data

    /// Creates a response; header names are lowercased.
    public init(status: Int, headers: [String: String], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, second in first + ", " + second })
        self.body = body
    }

    /// The value of the header field `name`, whatever its case.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }
}

/// Sends HTTP requests. The real one is ``URLSessionTransport``; a transport throws
/// ``RegistryCheckError/connection(_:)`` when no HTTP answer came back.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the answer, whatever its status.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
