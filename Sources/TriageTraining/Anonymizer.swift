import Foundation
import TriageModel

/// Replaces what identifies an organisation in a recording, consistently: 12-digit AWS account
/// ids, the private registry hosts and the node names a session learnt. Public registries keep
/// their names (a cause can depend on them: Docker Hub's rate limit), and cloud registries keep
/// their suffix (`NAME.azurecr.io` → `registry-1.azurecr.io`).
final class Anonymizer {
    /// Hosts kept as they are, and suffixes under which only the first label is renamed.
    static let publicHosts: Set = [
        "docker.io", "index.docker.io", "registry-1.docker.io", "auth.docker.io", "quay.io", "ghcr.io", "gcr.io",
        "registry.k8s.io", "k8s.gcr.io", "mcr.microsoft.com", "public.ecr.aws", "registry.gitlab.com", "nvcr.io",
    ]
    static let publicSuffixes = [".gcr.io", "-docker.pkg.dev", ".amazonaws.com"]
    static let renamedSuffixes = [".azurecr.io"]

    private var replacements: [(String, String)] = []
    /// Account ids met so far and their replacements.
    private var accounts: [String: String] = [:]

    /// Plans the replacements for `hosts` (registries) and `nodes` (node names) found by a replay.
    init(registries: [String], nodes: [String]) {
        var counter = 0
        for host in Set(registries.map { Self.hostPart($0) }).sorted() where !Self.isPublic(host) {
            counter += 1
            if let suffix = Self.renamedSuffixes.first(where: { host.hasSuffix($0) }) {
                replacements.append((host, "registry-\(counter)\(suffix)"))
            } else {
                replacements.append((host, "registry-\(counter).example.com"))
            }
        }
        for (index, node) in Set(nodes).sorted().enumerated() {
            replacements.append((node, "node-\(index + 1)"))
        }
        // Longest first, so a host is never replaced inside a longer one that has its own name.
        replacements.sort { $0.0.count > $1.0.count }
    }

    /// `text` with every planned name and every 12-digit account id replaced.
    func apply(_ text: String) -> String {
        var result = text
        for (original, replacement) in replacements { result = result.replacingOccurrences(of: original, with: replacement) }
        return result.replacing(/(^|[^0-9A-Za-z])([0-9]{12})(?![0-9A-Za-z])/) { match in
            let account = String(match.output.2)
            if let known = self.accounts[account] { return String(match.output.1) + known }
            let replacement = String(100_000_000_000 + self.accounts.count + 1)
            self.accounts[account] = replacement
            return String(match.output.1) + replacement
        }
    }

    static func isPublic(_ host: String) -> Bool {
        publicHosts.contains(host) || publicSuffixes.contains { host.hasSuffix($0) }
    }

    /// `host:port` → `host`.
    static func hostPart(_ registry: String) -> String {
        registry.split(separator: ":").first.map(String.init) ?? registry
    }
}
