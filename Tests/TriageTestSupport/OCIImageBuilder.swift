import Foundation

/// Builds tiny OCI images as an OCI layout on disk — one small gzipped layer, a config, a
/// manifest per platform and, for several platforms, an index — and pushes them with `skopeo`.
///
/// Blobs are written under `blobs/sha256/` with digests computed by `sha256sum`; `index.json`
/// names each image by its tag (`org.opencontainers.image.ref.name`).
public final class OCIImageBuilder {
    /// An OS and architecture an image is built for.
    public struct Platform: Sendable, Hashable {
        public var os: String
        public var architecture: String
        public var variant: String?

        public init(os: String, architecture: String, variant: String? = nil) {
            self.os = os
            self.architecture = architecture
            self.variant = variant
        }

        /// `linux/amd64`.
        public static let linuxAMD64 = Platform(os: "linux", architecture: "amd64")
        /// `linux/arm64/v8`.
        public static let linuxARM64 = Platform(os: "linux", architecture: "arm64", variant: "v8")

        /// `os/architecture[/variant]`.
        public var name: String { [os, architecture, variant].compactMap { $0 }.joined(separator: "/") }
    }

    /// A content descriptor: what a manifest or index points at.
    struct Descriptor: Codable {
        var mediaType: String
        var digest: String
        var size: Int
        var platform: PlatformJSON?
        var annotations: [String: String]?
    }

    struct PlatformJSON: Codable {
        var os: String
        var architecture: String
        var variant: String?
    }

    /// The layout's folder.
    public let directory: URL
    private var tagged: [Descriptor] = []

    /// Creates an empty layout in `directory` (created if needed).
    public init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("blobs/sha256"), withIntermediateDirectories: true)
        try Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8).write(to: directory.appendingPathComponent("oci-layout"))
        try writeIndex()
    }

    /// Adds an image tagged `tag`: a single manifest for one platform, an index for several.
    /// Returns the digest of what the tag names.
    @discardableResult
    public func addImage(tag: String, platforms: [Platform] = [.linuxAMD64]) throws -> String {
        precondition(!platforms.isEmpty, "an image has at least one platform")
        let manifests = try platforms.map { try manifest(for: $0, content: "\(tag) \($0.name)\n") }
        var top = manifests[0]
        if platforms.count > 1 {
            let index: [String: Any] = [
                "schemaVersion": 2,
                "mediaType": "application/vnd.oci.image.index.v1+json",
                "manifests": try manifests.map { try jsonObject($0) },
            ]
            top = try blob(json(index), mediaType: "application/vnd.oci.image.index.v1+json")
        }
        top.platform = nil
        top.annotations = ["org.opencontainers.image.ref.name": tag]
        tagged.append(top)
        try writeIndex()
        return top.digest
    }

    /// Pushes the image tagged `tag` to `destination` (`127.0.0.1:PORT/repo:tag`) with skopeo,
    /// every platform included, without TLS verification, as `credentials` or anonymously.
    public func push(tag: String, to destination: String, credentials: (user: String, password: String)? = nil) throws {
        var arguments = ["skopeo", "--insecure-policy", "copy", "--quiet", "--all", "--dest-tls-verify=false"]
        if let credentials {
            arguments += ["--dest-creds", "\(credentials.user):\(credentials.password)"]
        } else {
            arguments.append("--dest-no-creds")
        }
        arguments += ["oci:\(directory.path):\(tag)", "docker://\(destination)"]
        try ExternalTool.run(arguments, environment: ["REGISTRY_AUTH_FILE": directory.appendingPathComponent("no-auth.json").path])
    }

    /// A layer, a config and a manifest for `platform`; returns the manifest's descriptor.
    private func manifest(for platform: Platform, content: String) throws -> Descriptor {
        let layer = try gzippedLayer(content)
        var config: [String: Any] = [
            "architecture": platform.architecture,
            "os": platform.os,
            "rootfs": ["type": "layers", "diff_ids": [layer.diffID]],
            "config": [:] as [String: Any],
        ]
        if let variant = platform.variant { config["variant"] = variant }
        let configDescriptor = try blob(json(config), mediaType: "application/vnd.oci.image.config.v1+json")
        let manifest: [String: Any] = [
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": try jsonObject(configDescriptor),
            "layers": [try jsonObject(layer.descriptor)],
        ]
        var descriptor = try blob(json(manifest), mediaType: "application/vnd.oci.image.manifest.v1+json")
        descriptor.platform = PlatformJSON(os: platform.os, architecture: platform.architecture, variant: platform.variant)
        return descriptor
    }

    /// A gzipped tar holding one file with `content`; returns its descriptor and the digest of
    /// the uncompressed tar (the config's `diff_id`).
    private func gzippedLayer(_ content: String) throws -> (descriptor: Descriptor, diffID: String) {
        let work = directory.appendingPathComponent("work-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("root"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try Data(content.utf8).write(to: work.appendingPathComponent("root/hello.txt"))
        let tar = work.appendingPathComponent("layer.tar")
        try ExternalTool.run([
            "tar", "--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner", "-cf", tar.path, "-C", work.appendingPathComponent("root").path,
            "hello.txt",
        ])
        let diffID = "sha256:" + (try sha256(of: tar))
        try ExternalTool.run(["gzip", "-n", tar.path])
        let compressed = try Data(contentsOf: work.appendingPathComponent("layer.tar.gz"))
        return (try blob(compressed, mediaType: "application/vnd.oci.image.layer.v1.tar+gzip"), diffID)
    }

    /// Writes `data` as a blob named by its digest.
    private func blob(_ data: Data, mediaType: String) throws -> Descriptor {
        let staging = directory.appendingPathComponent("blobs/sha256/staging-\(UUID().uuidString)")
        try data.write(to: staging)
        let hex = try sha256(of: staging)
        let final = directory.appendingPathComponent("blobs/sha256/\(hex)")
        if FileManager.default.fileExists(atPath: final.path) {
            try FileManager.default.removeItem(at: staging)
        } else {
            try FileManager.default.moveItem(at: staging, to: final)
        }
        return Descriptor(mediaType: mediaType, digest: "sha256:" + hex, size: data.count)
    }

    /// The hexadecimal SHA-256 of a file, from `sha256sum`.
    private func sha256(of file: URL) throws -> String {
        String(try ExternalTool.run(["sha256sum", file.path]).prefix(64))
    }

    private func writeIndex() throws {
        let index: [String: Any] = ["schemaVersion": 2, "manifests": try tagged.map { try jsonObject($0) }]
        try json(index).write(to: directory.appendingPathComponent("index.json"))
    }

    private func json(_ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    private func jsonObject(_ descriptor: Descriptor) throws -> Any {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(descriptor))
    }
}
