import Foundation
import TriageDiagnosis
import TriageModel

/// One registry check in progress: the client, what was learnt, and the steps that reach the
/// registry and obtain access. The manifest steps are in `RegistryCheckRun+Manifest.swift`.
struct RegistryCheckRun {
    let reference: ImageReference
    let endpoint: RegistryEndpoint
    let options: RegistryCheckOptions
    var client: RegistryClient
    var result: RegistryCheckResult
    /// The Bearer challenge to answer with an anonymous token, once the registry sent one.
    var challenge: AuthenticateChallenge?

    init(reference: ImageReference, transport: any HTTPTransport, options: RegistryCheckOptions) {
        self.reference = reference
        self.options = options
        endpoint = RegistryEndpoint(registry: reference.registry)
        let deadline = ContinuousClock.now + Seconds.duration(options.timeout)
        client = RegistryClient(transport: transport, host: endpoint.apiHost, deadline: deadline)
        result = RegistryCheckResult(reference: reference, apiHost: endpoint.apiHost)
    }

    /// Runs the steps in order, stopping at the first that cannot go on.
    mutating func perform() async {
        guard await ping(), await fetchToken(), await checkManifest() else { return }
        if result.exists == true { await listPlatforms() }
    }

    /// `GET /v2/`: reachable, open, Bearer (token flow) or Basic (credentials needed). A TLS
    /// handshake that fails on a server speaking plain HTTP is retried over HTTP where allowed.
    mutating func ping() async -> Bool {
        var response: HTTPResponse
        do {
            response = try await client.send("GET", path: "/v2/")
        } catch {
            let failure = error.failure
            guard failure.kind == .handshake, let plain = await plainHTTPAnswer() else { return fail(failure) }
            guard plainHTTPAllowed else {
                return fail(ConnectionFailure(kind: .plainHTTP, host: client.host, detail: failure.detail))
            }
            client.scheme = "http"
            let why = options.plainHTTP == .always ? "--insecure-http allows it" : "runtimes allow it for localhost"
            result.notes.append("\(client.host) speaks plain HTTP, not HTTPS; the check used plain HTTP because \(why)")
            response = plain
        }
        result.reachable = true
        switch response.status {
        case 200..<300:
            return true
        case 401:
            let challenges = AuthenticateChallenge.parse(response.header("WWW-Authenticate") ?? "")
            if let bearer = challenges.first(where: { $0.scheme == "bearer" }) {
                challenge = bearer
                return true
            }
            result.needsAuth = true
            let basic = challenges.first { $0.scheme == "basic" }
            let asked = basic.map { "Basic credentials (realm \"\($0.realm ?? "")\")" } ?? "credentials (HTTP 401 without a Bearer challenge)"
            return fail(.auth, "unauthorized: \(client.host) requires \(asked) for every request; it allows no anonymous pull")
        default:
            return fail(.other, "GET /v2/ on \(client.host) answered HTTP \(response.status); it does not serve the registry v2 API there")
        }
    }

    /// Whether plain HTTP may be used for this registry.
    var plainHTTPAllowed: Bool {
        switch options.plainHTTP {
        case .never: false
        case .loopback: endpoint.isLoopback
        case .always: true
        }
    }

    /// The answer to `GET /v2/` over plain HTTP, or `nil` when none came.
    func plainHTTPAnswer() async -> HTTPResponse? {
        var plain = client
        plain.scheme = "http"
        return try? await plain.send("GET", path: "/v2/")
    }

    /// Answers the Bearer challenge, if any, with an anonymous pull token for the repository.
    mutating func fetchToken() async -> Bool {
        guard let challenge else { return true }
        guard let realm = challenge.realm, var components = URLComponents(string: realm),
            let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http", components.host != nil
        else { return fail(.auth, "the registry's Bearer challenge names no usable token realm") }
        var items = components.queryItems ?? []
        if let service = challenge.service { items.append(URLQueryItem(name: "service", value: service)) }
        items.append(URLQueryItem(name: "scope", value: "repository:\(reference.repository):pull"))
        components.queryItems = items
        guard let url = components.url else { return fail(.auth, "the token realm \(realm) is not a usable URL") }
        let service = URLSessionTransport.hostAndPort(url)
        let response: HTTPResponse
        do {
            response = try await client.send("GET", url)
        } catch {
            result.notes.append("the failure is at the token service \(service), not the registry itself")
            return fail(error.failure)
        }
        noteRateLimit(response)
        switch response.status {
        case 200:
            let decoded = try? JSONDecoder().decode(RegistryDocuments.Token.self, from: response.body)
            guard let token = decoded?.token ?? decoded?.accessToken, !token.isEmpty else {
                return fail(.other, "the token service \(service) answered without a token")
            }
            client.token = token
            return true
        case 401, 403:
            result.needsAuth = true
            noteDockerHubAmbiguity()
            return fail(
                .auth, "unauthorized: the token service \(service) refused an anonymous pull token for \(reference.repository) (HTTP \(response.status))")
        case 429:
            return fail(.rateLimit, "toomanyrequests: the token service \(service) rate-limited the request (HTTP 429)")
        default:
            return fail(.other, "the token service \(service) answered HTTP \(response.status)")
        }
    }

    /// Records a problem and returns `false`, so a step can `return fail(…)`.
    @discardableResult
    mutating func fail(_ cause: PullFailureCause, _ message: String) -> Bool {
        result.errorCause = cause
        result.error = message
        return false
    }

    /// Records a transport failure and returns `false`.
    @discardableResult
    mutating func fail(_ failure: ConnectionFailure) -> Bool {
        fail(failure.cause, failure.message)
    }

    /// Docker Hub answers for a repository that does not exist as it does for a private one.
    mutating func noteDockerHubAmbiguity() {
        guard endpoint.isDockerHub else { return }
        let note =
            "Docker Hub answers \"unauthorized\" both for a private repository and for one that does not exist: check the name (official images are docker.io/library/NAME) before looking for credentials"
        if !result.notes.contains(note) { result.notes.append(note) }
    }

    /// Notes the rate-limit headers a response carries (`RateLimit-Remaining`, `Retry-After`, …).
    mutating func noteRateLimit(_ response: HTTPResponse) {
        let names = [
            "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
        ]
        let present = names.compactMap { name in response.header(name).map { "\(name): \($0)" } }
        guard !present.isEmpty else { return }
        let note = "rate limit: " + present.joined(separator: ", ")
        result.notes.removeAll { $0.hasPrefix("rate limit: ") }
        result.notes.append(note)
    }
}
