import Foundation

/// Makes every ``LabFault`` once with real parts on 127.0.0.1 and records what containerd said:
/// a private containerd, real `docker-registry` instances (open, htpasswd, and a second plain
/// one reached as HTTPS), TLS servers presenting certificates of the lab's own CA (untrusted by
/// the runtime, expired, or for the wrong host; the handshake fails before any registry
/// request), a closed port, a silent listener, a 429 front and a blob-cutting proxy, with
/// tiny OCI images built by the lab and pushed with skopeo.
///
/// Each fault is pulled with `ctr images pull` and then through CRI `PullImage`; the faults run
/// side by side (the slowest is the ten-second TLS handshake timeout). Everything is stopped
/// and removed before ``run()`` returns or throws.
public enum FaultLab {
    /// The results of one run of the lab.
    public struct Results: Sendable {
        /// One observation per fault.
        public let observations: [LabFault: LabObservation]
        /// ctr's pull of an image that exists, proving the harness can pull at all.
        public let ctrControl: LabCommandResult
        /// CRI's pull of an image that exists: nil when it succeeded.
        public let criControl: String?
        /// How long the run took.
        public let duration: Duration
    }

    /// Runs the lab.
    public static func run() throws -> Results {
        let started = ContinuousClock.now
        let scratch = try LabDirectory("faults")
        let containerd = try ContainerdLab()
        defer { containerd.stop() }

        let open = try RegistryServer()
        defer { open.stop() }
        let credentials = (user: "lab", password: "lab-secret")
        let privateRegistry = try RegistryServer(credentials: credentials)
        defer { privateRegistry.stop() }
        let plain = try RegistryServer()
        defer { plain.stop() }

        let images = try OCIImageBuilder(directory: scratch.path("layout"))
        try images.addImage(tag: "v1")
        try images.addImage(tag: "cut")
        try images.addImage(
            tag: "foreign",
            platforms: [
                .init(os: "linux", architecture: "s390x"), .init(os: "linux", architecture: "arm64", variant: "v8"),
            ])
        try images.push(tag: "v1", to: "\(open.host)/lab/hello:v1")
        try images.push(tag: "cut", to: "\(open.host)/lab/cut:v1")
        try images.push(tag: "foreign", to: "\(open.host)/lab/foreign:v1")
        try images.push(tag: "v1", to: "\(privateRegistry.host)/lab/private:v1", credentials: credentials)

        let certificates = try LabCertificates(in: scratch.url)
        let untrusted = try TLSEndpoint(certificates.untrusted, outputIn: scratch.url)
        defer { untrusted.stop() }
        let expired = try TLSEndpoint(certificates.expired, outputIn: scratch.url)
        defer { expired.stop() }
        let wrongHost = try TLSEndpoint(certificates.wrongHost, outputIn: scratch.url)
        defer { wrongHost.stop() }
        let silent = try NetworkFaults.silent()
        defer { silent.close() }
        let rateLimited = try NetworkFaults.rateLimited()
        defer { rateLimited.close() }
        let cutter = try NetworkFaults.truncatingBlobs(upstream: UInt16(open.port))
        defer { cutter.close() }
        let closed = try LoopbackListener.closedPort()

        let setups: [(LabFault, UInt16, ContainerdLab.Transport, String)] = [
            (.tagNotFound, UInt16(open.port), .http, "lab/hello:v9"),
            (.repositoryNotFound, UInt16(open.port), .http, "lab/nothing-here:v1"),
            (.unauthorized, UInt16(privateRegistry.port), .http, "lab/private:v1"),
            (.platformMismatch, UInt16(open.port), .http, "lab/foreign:v1"),
            (.unknownAuthority, untrusted.port, .https, "lab/hello:v1"),
            (.expiredCertificate, expired.port, .httpsTrusting(certificates.authority), "lab/hello:v1"),
            (.wrongHost, wrongHost.port, .httpsTrusting(certificates.authority), "lab/hello:v1"),
            (.httpAsHTTPS, UInt16(plain.port), .https, "lab/hello:v1"),
            (.connectionRefused, closed, .http, "lab/hello:v1"),
            (.timeout, silent.port, .https, "lab/hello:v1"),
            (.rateLimited, rateLimited.port, .http, "lab/hello:v1"),
            (.truncatedBlob, cutter.port, .http, "lab/cut:v1"),
        ]
        for (_, port, transport, _) in setups { try containerd.configure(port: port, transport) }

        let observations = try inParallel(setups) { fault, port, _, repository in
            let image = "127.0.0.1:\(port)/\(repository)"
            let ctr = try containerd.ctrPull(image, timeout: .seconds(60))
            let cri = try containerd.criPull(image, timeout: .seconds(60))
            return LabObservation(fault: fault, image: image, ctr: ctr, cri: cri)
        }
        let control = "127.0.0.1:\(open.port)/lab/hello:v1"
        let ctrControl = try containerd.ctrPull(control)
        let criControl = try containerd.criPull(control, timeout: .seconds(60))
        return Results(
            observations: Dictionary(uniqueKeysWithValues: observations.map { ($0.fault, $0) }),
            ctrControl: ctrControl, criControl: criControl, duration: ContinuousClock.now - started)
    }

    /// Runs `body` for every element on its own thread and returns the results in order.
    private static func inParallel<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ body: @escaping @Sendable (Element) throws -> Result
    ) throws -> [Result] {
        let results = ResultBox<Result>(count: elements.count)
        let done = DispatchSemaphore(value: 0)
        for (index, element) in elements.enumerated() {
            Thread {
                results.set(index, Swift.Result { try body(element) })
                done.signal()
            }.start()
        }
        for _ in elements { done.wait() }
        return try results.values.map { try $0.get() }
    }
}

/// Results written by several threads, read once all have finished.
private final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, any Error>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Result<Value, any Error>) {
        lock.withLock { slots[index] = value }
    }

    var values: [Result<Value, any Error>] {
        lock.withLock { slots.compactMap { $0 } }
    }
}
