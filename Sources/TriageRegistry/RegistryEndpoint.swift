import TriageDiagnosis

/// Where a registry's v2 API answers.
struct RegistryEndpoint: Sendable {
    /// The host (and port) to ask: `registry-1.docker.io` for Docker Hub, the registry itself otherwise.
    let apiHost: String
    /// Whether the registry is Docker Hub.
    let isDockerHub: Bool

    init(registry: String) {
        isDockerHub = RegistryFamily(host: registry) == .dockerhub
        apiHost = isDockerHub ? "registry-1.docker.io" : registry
    }

    /// Whether the host is `localhost` or a loopback address, where runtimes accept plain HTTP.
    var isLoopback: Bool {
        let host: Substring
        if apiHost.hasPrefix("["), let close = apiHost.firstIndex(of: "]") {
            host = apiHost[apiHost.index(after: apiHost.startIndex)..<close]
        } else {
            host = apiHost.split(separator: ":", maxSplits: 1).first ?? ""
        }
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
