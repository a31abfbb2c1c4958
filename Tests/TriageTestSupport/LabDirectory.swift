import Foundation

/// A temporary directory for one lab part, removed with everything in it by ``remove()`` or
/// `deinit`, so a failed test leaves nothing behind.
///
/// Its path is short (under /tmp): Unix socket paths are limited to 107 bytes.
public final class LabDirectory: Sendable {
    /// The directory.
    public let url: URL

    /// Creates `/tmp/lab-<name>-<random>`.
    public init(_ name: String) throws {
        url = URL(fileURLWithPath: "/tmp", isDirectory: true)
            .appendingPathComponent("lab-\(name)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        remove()
    }

    /// A path inside the directory.
    public func path(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Removes the directory. Safe to call more than once.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
