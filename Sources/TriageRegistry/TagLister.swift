import Foundation

/// Reads a repository's tags through `GET /v2/<repo>/tags/list`, following `Link: <…>; rel="next"`
/// pagination on the same host, within a bound on pages and tags.
struct TagLister {
    /// What the listing found.
    enum Outcome {
        /// The tags read, and whether the bound stopped the listing early.
        case tags([String], truncated: Bool)
        /// The registry says the repository does not exist (`NAME_UNKNOWN`).
        case repositoryUnknown
        /// The registry refused or failed to list, with the HTTP status.
        case refused(status: Int)
    }

    let client: RegistryClient
    let repository: String
    let maximumPages: Int
    let maximumTags: Int

    func list() async throws(RegistryCheckError) -> Outcome {
        guard var next = client.url("/v2/\(repository)/tags/list?n=\(min(maximumTags, 1000))") else { return .refused(status: 0) }
        var tags: [String] = []
        for _ in 0..<maximumPages {
            let response = try await client.send("GET", next)
            guard response.status == 200 else {
                if response.status == 404, RegistryDocuments.Errors.codes(in: response.body).contains("NAME_UNKNOWN") {
                    return .repositoryUnknown
                }
                return tags.isEmpty ? .refused(status: response.status) : .tags(tags, truncated: true)
            }
            tags += (try? JSONDecoder().decode(RegistryDocuments.TagList.self, from: response.body))?.tags ?? []
            if tags.count >= maximumTags { return .tags(Array(tags.prefix(maximumTags)), truncated: true) }
            guard let link = response.header("Link"), let following = Self.nextURL(in: link, relativeTo: next),
                URLSessionTransport.hostAndPort(following) == client.host
            else { return .tags(tags, truncated: false) }
            next = following
        }
        return .tags(tags, truncated: true)
    }

    /// The `rel="next"` target of a `Link` header, resolved against `base`.
    static func nextURL(in link: String, relativeTo base: URL) -> URL? {
        for entry in link.split(separator: ",") {
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = parts.first, target.hasPrefix("<"), target.hasSuffix(">"),
                parts.dropFirst().contains(where: { $0.replacingOccurrences(of: "\"", with: "").lowercased() == "rel=next" })
            else { continue }
            return URL(string: String(target.dropFirst().dropLast()), relativeTo: base)?.absoluteURL
        }
        return nil
    }
}
