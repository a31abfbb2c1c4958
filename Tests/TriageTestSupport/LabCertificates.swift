import Foundation

/// A certificate authority the lab makes with `openssl`, and server certificates it signs that
/// fail verification in one precise way each.
public struct LabCertificates: Sendable {
    /// A server certificate and its key (PEM files).
    public struct Pair: Sendable {
        /// The certificate.
        public let certificate: URL
        /// The private key.
        public let key: URL
    }

    /// The CA certificate, to trust in a runtime's `hosts.toml`.
    public let authority: URL
    /// Valid and current for 127.0.0.1: fails only where the lab CA is not trusted.
    public let untrusted: Pair
    /// Valid for 127.0.0.1, but already expired (`notAfter` before `notBefore`).
    public let expired: Pair
    /// Valid and current, but for `registry.lab.test` and 127.0.0.2 only: the wrong host for 127.0.0.1.
    public let wrongHost: Pair

    /// Makes the CA and the certificates in `directory`.
    public init(in directory: URL) throws {
        func path(_ name: String) -> URL { directory.appendingPathComponent(name) }
        func openssl(_ arguments: [String]) throws {
            let command = ["openssl"] + arguments
            let result = try LabProcess.run(command, in: directory, timeout: .seconds(30))
            guard result.status == 0 else { throw LabError.commandFailed(command, result) }
        }
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        let ca = path("lab-ca.pem")
        try openssl(
            ["req", "-x509"] + curve + [
                "-keyout", path("lab-ca.key").path, "-out", ca.path,
                "-days", "2", "-subj", "/CN=Triage Lab CA",
            ])
        func signed(_ name: String, names: String, days: String) throws -> Pair {
            let pair = Pair(certificate: path("\(name).pem"), key: path("\(name).key"))
            let request = path("\(name).csr"), extensions = path("\(name).ext")
            try "subjectAltName=\(names)\n".write(to: extensions, atomically: true, encoding: .utf8)
            try openssl(["req"] + curve + ["-keyout", pair.key.path, "-out", request.path, "-subj", "/CN=\(name)"])
            try openssl([
                "x509", "-req", "-in", request.path, "-CA", ca.path, "-CAkey", path("lab-ca.key").path,
                "-CAcreateserial", "-out", pair.certificate.path, "-days", days, "-extfile", extensions.path,
            ])
            return pair
        }
        authority = ca
        untrusted = try signed("untrusted", names: "IP:127.0.0.1", days: "2")
        expired = try signed("expired", names: "IP:127.0.0.1", days: "-1")
        wrongHost = try signed("wrong-host", names: "DNS:registry.lab.test,IP:127.0.0.2", days: "2")
    }
}
