import Foundation
import TriageTerminal
#if canImport(Glibc)
    import Glibc
#endif

/// Writes a whole file or nothing: the text goes to a temporary file (mode 0600) beside the
/// target, is flushed to disk, and is renamed over the target, so a reader never sees half of it.
enum AtomicFile {
    /// Writes `text` to `url`. Throws a sentence saying what failed and where.
    /// A target that exists and is not a regular file (a device such as `/dev/full`, a link) is
    /// refused: renaming over it would replace it.
    static func write(_ text: String, to url: URL) throws(AtomicFileError) {
        if let reason = PrivateFile.problem(with: url.path) { throw AtomicFileError(path: url.path, reason: reason) }
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString.prefix(8)).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw AtomicFileError(path: temporary.path, reason: "cannot be created: \(String(cString: strerror(errno)))") }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(temporary.path)
                throw AtomicFileError(path: temporary.path, reason: "could not be written: \(reason)")
            }
            bytes = bytes.dropFirst(written)
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw AtomicFileError(path: url.path, reason: "could not be replaced: \(reason)")
        }
    }
}

/// A file that could not be written, and why.
struct AtomicFileError: Error, LocalizedError {
    var path: String
    var reason: String

    var errorDescription: String? { "\(path) \(reason)" }
}
