import Foundation

/// A tiny Kubernetes API server on 127.0.0.1 serving fixed objects to the real `kubectl`: the
/// discovery documents kubectl reads first (`/version`, `/api`, `/apis`, `/api/v1`,
/// `/apis/apps/v1`), then GETs of the objects in ``KubeObjects`` by path; the pod lists (of the
/// namespace and of every namespace) come in pages with `limit` and `continue`, the events list
/// honours `fieldSelector=involvedObject.name=…`, and a watch (`kubectl rollout status`) stays
/// open with no change until kubectl closes it. Anything else is a 404 `Status`, as the API
/// server answers.
///
/// ``kubeconfig`` points at `http://127.0.0.1:PORT` with no credentials. ``close()`` (also run
/// by `deinit`) stops the server and removes the kubeconfig's directory.
public final class KubeAPIFixture: Sendable {
    /// How the server answers object requests (discovery is always served).
    public enum Behavior: Sendable {
        /// Serves the objects.
        case serve
        /// Accepts object requests and never answers them.
        case hang
        /// Answers every object request with 403 Forbidden.
        case forbidden
        /// Serves everything but the pod, which is 404 NotFound (and missing from the pod list).
        case podNotFound
    }

    /// The kubeconfig file for `kubectl --kubeconfig` and `triage --kubeconfig`.
    public let kubeconfig: URL
    /// The server's port on 127.0.0.1.
    public var port: UInt16 { listener.port }
    private let listener: LoopbackListener
    private let directory: LabDirectory

    /// Starts the server for `objects`.
    public init(objects: KubeObjects, behavior: Behavior = .serve) throws {
        directory = try LabDirectory("kubeapi")
        listener = try LoopbackListener { connection in
            Self.serve(connection, objects: objects, behavior: behavior)
        }
        kubeconfig = directory.path("kubeconfig")
        try LoopbackKubeconfig.write(to: kubeconfig, port: listener.port, namespace: objects.namespace)
    }

    deinit {
        close()
    }

    /// Stops the server and removes the kubeconfig. Safe to call more than once.
    public func close() {
        listener.close()
        directory.remove()
    }

    private static func serve(_ connection: LoopbackConnection, objects: KubeObjects, behavior: Behavior) {
        // kubectl keeps connections alive: answer requests until it closes or goes quiet.
        while let request = connection.readHead() {
            let path = request.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
            let query = request.target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            if let document = KubeDiscovery.document(for: path) {
                guard reply(connection, 200, document) else { return }
                continue
            }
            switch behavior {
            case .hang:
                let deadline = ContinuousClock.now + .seconds(120)
                while ContinuousClock.now < deadline, !connection.isStopping() { usleep(50_000) }
                return
            case .forbidden:
                let resource = path.split(separator: "/").dropLast().last.map(String.init) ?? "pods"
                let message =
                    "\(resource) \"\(path.split(separator: "/").last ?? "")\" is forbidden: User \"system:serviceaccount:lab:viewer\" cannot get resource \"\(resource)\" in API group \"\" in the namespace \"\(objects.namespace)\""
                guard reply(connection, 403, status(403, "Forbidden", message, resource: resource)) else { return }
            case .podNotFound where path == objects.podPath:
                guard reply(connection, 404, status(404, "NotFound", "pods \"\(objects.pod)\" not found", resource: "pods")) else { return }
            case .podNotFound where path == objects.podListPath || path == KubeObjects.allPodsPath:
                let empty = try? JSONSerialization.data(withJSONObject: objects.list("PodList", []))
                guard reply(connection, 200, empty ?? Data()) else { return }
            case .serve, .podNotFound:
                if query.split(separator: "&").contains(where: { $0 == "watch=true" || $0 == "watch=1" }) {
                    watch(connection)
                    return
                }
                if let (code, body) = objects.logs(path: path, query: query) {
                    guard reply(connection, code, body, type: "text/plain") else { return }
                } else if let body = objects.body(path: path, query: query) {
                    guard reply(connection, 200, body) else { return }
                } else {
                    let resource = path.split(separator: "/").dropLast().last.map(String.init) ?? ""
                    let name = path.split(separator: "/").last.map(String.init) ?? ""
                    guard reply(connection, 404, status(404, "NotFound", "\(resource) \"\(name)\" not found", resource: resource)) else { return }
                }
            }
        }
    }

    /// A watch that sees no change: the stream's head, then nothing until kubectl gives up and
    /// closes it, or the fixture closes (at most two minutes).
    private static func watch(_ connection: LoopbackConnection) {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        guard connection.write(Data(head.utf8)) else { return }
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline, !connection.isStopping() {
            var poller = pollfd(fd: connection.descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            var byte: UInt8 = 0
            if recv(connection.descriptor, &byte, 1, 0) <= 0 { return }
        }
    }

    private static func reply(_ connection: LoopbackConnection, _ code: Int, _ body: Data, type: String = "application/json") -> Bool {
        let reason = [200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found"][code] ?? "Error"
        let contentType = code == 200 ? type : "application/json"
        var head = "HTTP/1.1 \(code) \(reason)\r\nContent-Type: \(contentType)\r\n"
        head += "Content-Length: \(body.count)\r\n\r\n"
        return connection.write(Data(head.utf8) + body)
    }

    /// A `Status` object as the API server sends with a failure.
    private static func status(_ code: Int, _ reason: String, _ message: String, resource: String) -> Data {
        let object: [String: Any] = [
            "kind": "Status", "apiVersion": "v1", "metadata": [String: Any](), "status": "Failure",
            "message": message, "reason": reason, "details": ["kind": resource], "code": code,
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}
