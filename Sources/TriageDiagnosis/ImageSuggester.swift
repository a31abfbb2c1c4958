import Foundation

/// Proposes what an invalid or mistyped image reference was probably meant to be.
enum ImageSuggester {
    /// Docker Hub official images that are common enough to be mistyped.
    static let wellKnownImages = [
        "nginx", "busybox", "redis", "postgres", "alpine", "ubuntu", "debian", "centos", "fedora", "mysql",
        "mariadb", "mongo", "node", "python", "golang", "openjdk", "httpd", "traefik", "memcached", "rabbitmq",
        "elasticsearch", "kibana", "logstash", "haproxy", "registry", "hello-world", "wordpress", "php", "ruby",
        "rust", "perl", "caddy", "tomcat", "sonarqube", "nextcloud", "ghost", "influxdb", "telegraf", "zookeeper",
        "cassandra", "couchdb", "neo4j", "eclipse-temurin", "amazoncorretto", "bash", "docker", "gcc", "maven",
        "gradle", "nats", "vault", "consul", "jenkins", "grafana", "prometheus", "amazonlinux", "rockylinux",
        "almalinux", "archlinux", "percona", "solr", "swift", "erlang", "elixir", "jruby", "pypy", "openresty",
    ]

    static func suggestion(for text: String) -> String? {
        do {
            let reference = try ImageReference.parse(text)
            return typoCorrection(for: reference)
        } catch {
            return repaired(text).flatMap { candidate in
                (try? ImageReference.parse(candidate)).map { typoCorrection(for: $0) ?? candidate }
            }
        }
    }

    /// A cleaned-up spelling of an invalid reference, or `nil` when no repair applies.
    static func repaired(_ text: String) -> String? {
        var candidate = text.trimmingCharacters(in: .whitespacesAndNewlines)
        candidate.removeAll { $0 == " " || $0 == "\t" }
        if let prefix = ImageReferenceParser.transports.first(where: { candidate.hasPrefix($0) }) {
            candidate.removeFirst(prefix.count)
        }
        while candidate.hasSuffix(":") || candidate.hasSuffix("@") { candidate.removeLast() }
        // "host/repo:host/repo:tag" (a registry prefix applied twice): keep the last complete reference.
        if let slash = candidate.firstIndex(of: "/"), let colon = candidate[slash...].firstIndex(of: ":"),
           candidate[colon...].contains("/") {
            candidate = String(candidate[candidate.index(after: colon)...])
        }
        candidate = lowercasedPath(candidate)
        return candidate.isEmpty || candidate == text ? nil : candidate
    }

    /// Lowercases the repository path, leaving the domain and the tag as written.
    static func lowercasedPath(_ text: String) -> String {
        let beforeDigest = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        let name = beforeDigest[0]
        let digestPart = beforeDigest.count > 1 ? "@" + beforeDigest[1] : ""
        let (domain, remainder) = ImageReferenceParser.splitDomain(name)
        let pieces = remainder.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let path = pieces[0].lowercased()
        let tagPart = pieces.count > 1 ? ":" + pieces[1] : ""
        return (domain.map { $0 + "/" } ?? "") + path + tagPart + digestPart
    }

    /// The well-known official image a Docker Hub name is a near miss of.
    static func typoCorrection(for reference: ImageReference) -> String? {
        guard reference.registry == "docker.io", reference.repository.hasPrefix("library/") else { return nil }
        let name = String(reference.repository.dropFirst("library/".count))
        guard !wellKnownImages.contains(name) else { return nil }
        let limit = name.count <= 4 ? 1 : 2
        let best = wellKnownImages
            .filter { abs($0.utf8.count - name.utf8.count) <= limit }
            .map { ($0, editDistance(name, $0)) }
            .filter { $0.1 <= limit }
            .min { $0.1 < $1.1 }
        guard let (match, _) = best else { return nil }
        let corrected = ImageReference(original: reference.original, registry: "docker.io", repository: "library/" + match,
                                       tag: reference.tag, digest: reference.digest)
        return corrected.description
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }
}
