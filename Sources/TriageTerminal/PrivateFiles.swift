import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Creates directories and files only the current user can read.
enum PrivateFiles {
    /// Creates `url` and any missing parents with mode 0700; existing directories are left as
    /// they are.
    static func createDirectory(_ url: URL) throws(TerminalError) {
        let path = url.standardizedFileURL.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return
        }
        let parent = url.standardizedFileURL.deletingLastPathComponent()
        if parent.path != path {
            try createDirectory(parent)
        }
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw .cannotCreateDirectory(path: path, reason: TerminalError.describeErrno())
        }
    }

    /// Opens `url` for appending, creating it with mode 0600 when absent. The caller closes
    /// the returned descriptor.
    static func openForAppending(_ url: URL) throws(TerminalError) -> Int32 {
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .cannotOpenHistory(path: url.path, reason: TerminalError.describeErrno())
        }
        return fd
    }

    /// Writes all of `text` to `fd`; returns false on a write error.
    @discardableResult
    static func writeAll(_ text: String, to fd: Int32) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            bytes = bytes.dropFirst(written)
        }
        return true
    }
}
