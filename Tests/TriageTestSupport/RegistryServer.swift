import Foundation
import Synchronization
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real distribution registry (`docker-registry serve`) on a free port of 127.0.0.1, with its
/// own configuration and storage in a temporary folder; optionally behind htpasswd (Basic) auth
/// and/or TLS with a self-signed certificate made by `openssl`.
///
/// ``init(credentials:tls:)`` returns once `GET /v2/` answers. ``stop()`` (also run by `deinit`)
/// sends SIGTERM, then SIGKILL if the registry has not exited within two seconds, and deletes the
/// folder, so no registry outlives its test even when the test fails.
public final class RegistryServer: Sendable {
    /// The registry program.
    public static let program = "/usr/bin/docker-registry"

    /// `127.0.0.1:PORT`, the host a reference names.
    public let host: String
    /// The port it listens on.
    public let port: Int
    /// The user and password htpasswd accepts, when auth is on.
    public let credentials: (user: String, password: String)?
    /// The temporary folder holding configuration, storage, certificate and log.
    public let directory: URL

    private let process: Mutex<Process?>

    /// Starts a registry and waits until it answers.
    /// - Parameters:
    ///   - credentials: user and password for htpasswd auth; `nil` for an open registry.
    ///   - tls: serve HTTPS with a self-signed certificate for 127.0.0.1.
    public init(credentials: (user: String, password: String)? = nil, tls: Bool = false) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-registry-\(UUID().uuidString.prefix(8))", isDirectory: true)
        self.credentials = credentials
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("storage"), withIntermediateDirectories: true)
        var started: Process?
        var chosenPort = 0
        do {
            var extra = ""
            if let credentials {
                let line = try ExternalTool.run(["htpasswd", "-Bbn", credentials.user, credentials.password])
                try Data(line.trimmingCharacters(in: .whitespacesAndNewlines).appending("\n").utf8).write(to: directory.appendingPathComponent("htpasswd"))
                extra += "auth:\n  htpasswd:\n    realm: triage-test\n    path: \(directory.path)/htpasswd\n"
            }
            if tls {
                try ExternalTool.run([
                    "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", directory.appendingPathComponent("key.pem").path, "-out", directory.appendingPathComponent("cert.pem").path,
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                ])
            }
            // A port another process takes between the probe and the registry's bind makes the
            // registry exit at once; try again with another.
            for _ in 0..<5 {
                chosenPort = try Self.freePort()
                try Self.configuration(directory: directory, port: chosenPort, tls: tls, extra: extra).write(
                    to: directory.appendingPathComponent("config.yml"), atomically: true, encoding: .utf8)
                let candidate = try Self.launch(directory: directory)
                if try Self.waitUntilReady(candidate, port: chosenPort, tls: tls) {
                    started = candidate
                    break
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        guard let started else {
            let log = (try? String(contentsOf: directory.appendingPathComponent("registry.log"), encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: directory)
            throw RegistryServerError.didNotStart(log)
        }
        port = chosenPort
        host = "127.0.0.1:\(chosenPort)"
        process = Mutex(started)
    }

    deinit { stop() }

    /// Stops the registry (SIGTERM, then SIGKILL) and deletes its folder. Safe to call twice.
    public func stop() {
        let running = process.withLock { current -> Process? in
            defer { current = nil }
            return current
        }
        if let running { Self.terminate(running) }
        try? FileManager.default.removeItem(at: directory)
    }

    private static func configuration(directory: URL, port: Int, tls: Bool, extra: String) -> String {
        var text = """
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: \(directory.path)/storage
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:\(port)

            """
        if tls {
            text += "  tls:\n    certificate: \(directory.path)/cert.pem\n    key: \(directory.path)/key.pem\n"
        }
        return text + extra
    }

    private static func launch(directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["serve", directory.appendingPathComponent("config.yml").path]
        let log = directory.appendingPathComponent("registry.log")
        try Data().write(to: log)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try handle.close()
        return process
    }

    /// Polls `GET /v2/` until any HTTP answer (or, for TLS, any handshake) comes back: `true`.
    /// `false` when the registry exited; it is killed after ten seconds without an answer.
    private static func waitUntilReady(_ process: Process, port: Int, tls: Bool) throws -> Bool {
        let url = URL(string: "\(tls ? "https" : "http")://127.0.0.1:\(port)/v2/")!
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            guard process.isRunning else { return false }
            if probe(url) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        terminate(process)
        throw RegistryServerError.didNotStart("no answer on port \(port) within 10 seconds")
    }

    /// Whether something answered at `url`: an HTTP status, or a TLS error after connecting.
    private static func probe(_ url: URL) -> Bool {
        let answered = Mutex(false)
        let done = DispatchSemaphore(value: 0)
        var request = URLRequest(url: url)
        request.timeoutInterval = 1
        let session = URLSession(configuration: .ephemeral, delegate: ChallengeCanceller(), delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        session.dataTask(with: request) { _, response, error in
            let connected =
                response != nil || (error as? URLError).map { ![.cannotConnectToHost, .timedOut, .networkConnectionLost].contains($0.code) } ?? false
            answered.withLock { $0 = connected }
            done.signal()
        }.resume()
        done.wait()
        return answered.withLock { $0 }
    }

    /// SIGTERM, up to two seconds' grace, then SIGKILL; waits for the exit.
    private static func terminate(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// A port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw RegistryServerError.noFreePort }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw RegistryServerError.noFreePort }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Cancels the Basic challenge of an htpasswd registry: without a delegate FoundationNetworking
/// never ends such a request.
private final class ChallengeCanceller: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        completionHandler(.cancelAuthenticationChallenge, nil)
    }
}

/// A registry that could not be started.
public enum RegistryServerError: Error, LocalizedError {
    case noFreePort
    case didNotStart(String)

    public var errorDescription: String? {
        switch self {
        case .noFreePort: "no free port on 127.0.0.1"
        case .didNotStart(let log): "docker-registry did not start: \(log)"
        }
    }
}
