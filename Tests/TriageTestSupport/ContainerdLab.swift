import Foundation

/// A private containerd: its own config, root, state and sockets under a temporary directory,
/// only the plugins a pull needs, the CRI plugin reading registry hosts from ``hostsDirectory``,
/// and no mirrors: a registry is reached only where a `hosts.toml` the lab wrote sends it.
///
/// ``stop()`` (also run by `deinit`) stops the daemon and removes the directory.
public final class ContainerdLab: Sendable {
    /// The containerd namespace the lab pulls into.
    public static let namespace = "lab"

    /// The gRPC socket (`grpc.address`).
    public let socket: URL
    /// The `config_path` directory: one `HOST:PORT/hosts.toml` per registry.
    public let hostsDirectory: URL
    private let directory: LabDirectory
    private let daemon: LabProcess

    /// Starts containerd and waits (polling, up to 20 s) until it answers on its socket.
    public init() throws {
        directory = try LabDirectory("containerd")
        socket = directory.path("containerd.sock")
        hostsDirectory = directory.path("hosts.d")
        try FileManager.default.createDirectory(at: hostsDirectory, withIntermediateDirectories: true)
        let configuration = directory.path("config.toml")
        try Self.configuration(root: directory.url, socket: socket, hosts: hostsDirectory)
            .write(to: configuration, atomically: true, encoding: .utf8)
        daemon = try LabProcess(["containerd", "--config", configuration.path], outputIn: directory.url)
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if daemon.status != nil { break }
            if FileManager.default.fileExists(atPath: socket.path),
                let probe = try? ctr(["version"], timeout: .seconds(5)), probe.status == 0,
                daemon.errorOutput.contains("containerd successfully booted")
            {
                return
            }
            usleep(50_000)
        }
        let log = daemon.errorOutput
        stop()
        throw LabError.notReady("containerd on \(socket.path): \(log.suffix(2000))")
    }

    deinit {
        stop()
    }

    /// Stops containerd and removes its directory. Safe to call more than once.
    public func stop() {
        daemon.stop()
        directory.remove()
    }

    /// What the daemon logged so far.
    public var log: String { daemon.errorOutput }

    /// How containerd reaches a registry on 127.0.0.1.
    public enum Transport: Sendable {
        /// Plain HTTP.
        case http
        /// HTTPS, trusting only the system's roots.
        case https
        /// HTTPS, trusting the CA certificate in this file.
        case httpsTrusting(URL)
    }

    /// Writes `hosts.d/127.0.0.1:PORT/hosts.toml` for both the CRI plugin and `ctr --hosts-dir`.
    public func configure(port: UInt16, _ transport: Transport) throws {
        let host = "127.0.0.1:\(port)"
        let folder = hostsDirectory.appendingPathComponent(host)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var text: String
        switch transport {
        case .http:
            text = "server = \"http://\(host)\"\n\n[host.\"http://\(host)\"]\n  capabilities = [\"pull\", \"resolve\"]\n"
        case .https:
            text = "server = \"https://\(host)\"\n\n[host.\"https://\(host)\"]\n  capabilities = [\"pull\", \"resolve\"]\n"
        case .httpsTrusting(let ca):
            text = "server = \"https://\(host)\"\n\n[host.\"https://\(host)\"]\n  capabilities = [\"pull\", \"resolve\"]\n  ca = \"\(ca.path)\"\n"
        }
        try text.write(to: folder.appendingPathComponent("hosts.toml"), atomically: true, encoding: .utf8)
    }

    /// Runs `ctr --address SOCKET -n lab ARGUMENTS…`.
    public func ctr(_ arguments: [String], timeout: Duration = .seconds(60)) throws -> LabCommandResult {
        try LabProcess.run(
            ["ctr", "--address", socket.path, "-n", Self.namespace] + arguments,
            in: directory.url, timeout: timeout)
    }

    /// Pulls `image` with `ctr images pull --hosts-dir`, as an operator on the node would, and
    /// returns the command's result (its error is on standard error).
    public func ctrPull(_ image: String, timeout: Duration = .seconds(60)) throws -> LabCommandResult {
        try ctr(["images", "pull", "--hosts-dir", hostsDirectory.path, "--snapshotter", "native", image], timeout: timeout)
    }

    /// Pulls `image` through the CRI image service as the kubelet does and returns the error as
    /// the kubelet prints it (`rpc error: code = … desc = …`), or nil when the pull succeeded.
    public func criPull(_ image: String, timeout: Duration = .seconds(60)) throws -> String? {
        try CRIImageClient.pull(image, socket: socket, scratch: directory.url, timeout: timeout)
    }

    /// The daemon's configuration: every snapshotter but `native` and the tracing plugins
    /// disabled, the CRI plugin without its TCP service, streaming on loopback, CNI pointed at
    /// empty folders, and registries configured only through `config_path`.
    static func configuration(root: URL, socket: URL, hosts: URL) -> String {
        """
        version = 2
        root = "\(root.appendingPathComponent("root").path)"
        state = "\(root.appendingPathComponent("state").path)"
        disabled_plugins = [
          "io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs",
          "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.zfs",
          "io.containerd.snapshotter.v1.overlayfs", "io.containerd.internal.v1.tracing",
          "io.containerd.tracing.processor.v1.otlp",
        ]

        [grpc]
          address = "\(socket.path)"

        [ttrpc]
          address = "\(root.appendingPathComponent("ttrpc.sock").path)"

        [debug]
          address = ""
          level = "info"

        [metrics]
          address = ""

        [plugins."io.containerd.grpc.v1.cri"]
          disable_tcp_service = true
          stream_server_address = "127.0.0.1"
          stream_server_port = "0"
          sandbox_image = "127.0.0.1:1/lab/pause:never-pulled"
          [plugins."io.containerd.grpc.v1.cri".containerd]
            snapshotter = "native"
          [plugins."io.containerd.grpc.v1.cri".cni]
            bin_dir = "\(root.appendingPathComponent("cni-bin").path)"
            conf_dir = "\(root.appendingPathComponent("cni-conf").path)"
          [plugins."io.containerd.grpc.v1.cri".registry]
            config_path = "\(hosts.path)"

        """
    }
}
