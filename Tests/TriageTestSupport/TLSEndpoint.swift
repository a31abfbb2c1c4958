import Foundation

/// A TLS server on 127.0.0.1 presenting a chosen certificate (`openssl s_server -www`), for
/// faults where the client's certificate check fails during the handshake, before any registry
/// request is made: expired certificates and certificates for another host.
///
/// ``stop()`` (also run by `deinit`) ends the server.
public final class TLSEndpoint: Sendable {
    /// The port the server accepted on.
    public let port: UInt16
    private let server: LabProcess

    /// Starts the server with `pair`, writing its output in `directory`, and waits (polling, up
    /// to ten seconds) until it prints the port it accepts on.
    public init(_ pair: LabCertificates.Pair, outputIn directory: URL) throws {
        server = try LabProcess(
            [
                "openssl", "s_server", "-accept", "127.0.0.1:0", "-cert", pair.certificate.path,
                "-key", pair.key.path, "-www",
            ], outputIn: directory)
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline, server.status == nil {
            if let line = server.output.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT 127.0.0.1:") }),
                let number = UInt16(line.split(separator: ":").last ?? "")
            {
                port = number
                return
            }
            usleep(20_000)
        }
        server.stop()
        throw LabError.notReady("openssl s_server: \(server.output) \(server.errorOutput)")
    }

    deinit {
        stop()
    }

    /// Ends the server. Safe to call more than once.
    public func stop() {
        server.stop()
    }
}
