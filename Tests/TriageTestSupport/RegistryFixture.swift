import Foundation

/// A real registry on 127.0.0.1 with tiny images pushed to it, and a folder for their OCI layout;
/// ``stop()`` (also run by `deinit`) stops the registry and removes the folder.
public final class RegistryFixture {
    public let server: RegistryServer
    public let layout: URL
    public let builder: OCIImageBuilder

    public init(credentials: (user: String, password: String)? = nil, tls: Bool = false) throws {
        server = try RegistryServer(credentials: credentials, tls: tls)
        layout = FileManager.default.temporaryDirectory.appendingPathComponent("triage-oci-\(UUID().uuidString.prefix(8))")
        do {
            builder = try OCIImageBuilder(directory: layout)
        } catch {
            server.stop()
            throw error
        }
    }

    deinit { stop() }

    public func stop() {
        server.stop()
        try? FileManager.default.removeItem(at: layout)
    }

    /// Builds an image for `platforms`, pushes it as `repository:tag` and returns its digest.
    @discardableResult
    public func push(_ repository: String, tag: String, platforms: [OCIImageBuilder.Platform] = [.linuxAMD64]) throws -> String {
        let digest = try builder.addImage(tag: tag, platforms: platforms)
        try builder.push(tag: tag, to: "\(server.host)/\(repository):\(tag)", credentials: server.credentials)
        return digest
    }
}
