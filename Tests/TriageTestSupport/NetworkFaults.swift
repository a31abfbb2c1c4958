import Foundation

/// Loopback servers that fail the way real registries and networks fail. Each is a
/// ``LoopbackListener``: close it (or let it go) to stop it.
public enum NetworkFaults {
    /// Accepts connections and never answers; each connection is held until the listener closes
    /// or two minutes pass, whichever is first.
    public static func silent() throws -> LoopbackListener {
        try LoopbackListener { connection in
            let deadline = ContinuousClock.now + .seconds(120)
            while ContinuousClock.now < deadline, !connection.isStopping() {
                // Drain whatever the client sends (a TLS hello, a request) without answering.
                _ = connection.read(timeout: .seconds(1))
            }
        }
    }

    /// Answers every request as Docker Hub does when the anonymous pull limit is spent:
    /// `429 Too Many Requests` with its rate-limit headers and `TOOMANYREQUESTS` JSON error body.
    public static func rateLimited() throws -> LoopbackListener {
        try LoopbackListener { connection in
            guard let request = connection.readHead() else { return }
            let body = Data(
                #"{"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit"}]}"#
                    .utf8)
            connection.respond(
                status: "429 Too Many Requests",
                headers: [
                    ("Content-Type", "application/json"),
                    ("Docker-Distribution-Api-Version", "registry/2.0"),
                    ("RateLimit-Limit", "100;w=21600"),
                    ("RateLimit-Remaining", "0;w=21600"),
                    ("Retry-After", "21600"),
                ], body: request.method == "HEAD" ? Data() : body)
        }
    }

    /// Answers every request with `200 OK` and an HTML page, as a captive portal or a proxy's
    /// login page does.
    public static func htmlPage() throws -> LoopbackListener {
        try LoopbackListener { connection in
            guard let request = connection.readHead() else { return }
            let body = Data("<html><body>Sign in to continue</body></html>".utf8)
            connection.respond(
                status: "200 OK", headers: [("Content-Type", "text/html; charset=utf-8")], body: request.method == "HEAD" ? Data() : body)
        }
    }

    /// A registry whose answers carry escape sequences: it has no manifest for any tag, and lists
    /// tags holding a window-title change and a C1 control sequence.
    public static func hostileTags() throws -> LoopbackListener {
        try LoopbackListener { connection in
            guard let request = connection.readHead() else { return }
            let (status, body): (String, String) =
                if request.target.contains("/manifests/") {
                    ("404 Not Found", #"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown \u001b]0;owned-title\u0007"}]}"#)
                } else if request.target.contains("/tags/list") {
                    ("200 OK", #"{"name":"app","tags":["1.0\u001b]0;owned-title\u0007","1.0\u009b31m","1.0\u202e"]}"#)
                } else {
                    ("200 OK", "{}")
                }
            connection.respond(
                status: status, headers: [("Content-Type", "application/json"), ("Docker-Distribution-Api-Version", "registry/2.0")],
                body: request.method == "HEAD" ? Data() : Data(body.utf8))
        }
    }

    /// Proxies every request to the plain-HTTP registry on `upstream`, but cuts each blob
    /// download off after half its declared length (and each resumed download at once) and
    /// closes the connection.
    public static func truncatingBlobs(upstream: UInt16) throws -> LoopbackListener {
        try LoopbackListener { client in
            guard var request = client.readHead(), let registry = try? LoopbackConnection.connect(port: upstream) else { return }
            defer { registry.close() }
            // One request per upstream connection: the registry closes after answering.
            let head = String(decoding: request.raw, as: UTF8.self)
                .replacingOccurrences(of: "\r\n\r\n", with: "\r\nConnection: close\r\n\r\n")
            request.raw = Data(head.utf8)
            guard registry.write(request.raw + request.rest), let response = registry.readHead() else { return }
            // containerd resumes a cut download with a Range request: answer those with no body
            // at all, so the retries make no progress and the pull fails.
            let isBlob = request.method == "GET" && request.target.contains("/blobs/")
            var budget =
                switch (isBlob, response.statusCode) {
                case (true, 200): (response.contentLength ?? 2) / 2
                case (true, 206): 0
                default: Int.max
                }
            client.write(response.raw)
            var chunk = response.rest
            while budget > 0 {
                if chunk.isEmpty {
                    chunk = registry.read()
                    if chunk.isEmpty { break }
                }
                let sent = chunk.prefix(budget)
                guard client.write(sent) else { break }
                budget -= sent.count
                chunk = chunk.dropFirst(sent.count)
            }
        }
    }
}
