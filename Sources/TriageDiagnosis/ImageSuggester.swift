import Foundation
import TriageModel

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
            candidate[colon...].contains("/")
        {
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
        let name = Array(reference.repository.utf8.dropFirst("library/".count))
        let limit = name.count <= 4 ? 1 : 2
        // Only a name near a well-known one's length can be a typo of it; this also keeps every
        // byte count below Int8's limit.
        guard name.count <= longestWellKnownName + limit else { return nil }
        var best: (match: String, distance: Int)?
        var counts = SIMD64<Int8>()
        for byte in name { counts[Int(byte & 63)] += 1 }
        for (index, candidate) in wellKnownBytes.enumerated() where abs(candidate.count - name.count) <= limit {
            guard bagDistance(counts, name.count, candidate) <= limit, let distance = editDistance(name, candidate, atMost: limit) else { continue }
            if distance == 0 { return nil }
            if distance < best?.distance ?? Int.max { best = (wellKnownImages[index], distance) }
        }
        guard let best else { return nil }
        let corrected = ImageReference(
            original: reference.original, registry: "docker.io", repository: "library/" + best.match,
            tag: reference.tag, digest: reference.digest)
        return corrected.description
    }

    /// A lower bound of the edit distance between a name (given by its byte counts, folded into
    /// 64 buckets, and its length) and `other`: the larger of the bytes only one of them has.
    static func bagDistance(_ counts: SIMD64<Int8>, _ length: Int, _ other: [UInt8]) -> Int {
        var remaining = counts
        var unmatched = 0
        for byte in other {
            let bucket = Int(byte & 63)
            if remaining[bucket] > 0 { remaining[bucket] -= 1 } else { unmatched += 1 }
        }
        return max(unmatched, length - (other.count - unmatched))
    }

    /// ``wellKnownImages`` as UTF-8 bytes.
    private static let wellKnownBytes = wellKnownImages.map { Array($0.utf8) }

    /// The length in bytes of the longest of ``wellKnownImages``.
    private static let longestWellKnownName = wellKnownBytes.map(\.count).max() ?? 0

    /// Optimal-string-alignment distance (insertions, deletions, substitutions and adjacent swaps)
    /// when it is at most `limit`, else `nil`. A row's minimum never decreases, so the computation
    /// stops at the first row whose minimum exceeds `limit`.
    static func editDistance(_ x: [UInt8], _ y: [UInt8], atMost limit: Int) -> Int? {
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) <= limit ? max(x.count, y.count) : nil }
        let width = y.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows -> Int? in
            var previous2 = 2 * width, previous = 0, current = width
            for j in 0..<width { rows[previous + j] = j }
            for i in 1...x.count {
                rows[current] = i
                var rowMinimum = i
                for j in 1...y.count {
                    let cost = x[i - 1] == y[j - 1] ? 0 : 1
                    var value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                    if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { value = min(value, rows[previous2 + j - 2] + 1) }
                    rows[current + j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return nil }
                (previous2, previous, current) = (previous, current, previous2)
            }
            let distance = rows[previous + y.count]
            return distance <= limit ? distance : nil
        }
    }
}
