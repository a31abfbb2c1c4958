import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// The files Triage writes for the user (transcripts, recorded scenarios): readable by the user
/// only, and written at the path named, never through a symbolic link, onto a device or into a
/// pipe.
public enum PrivateFile {
    /// Why `path` may not be written, or `nil` when it is absent or a regular file.
    public static func problem(with path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            return errno == ENOENT ? nil : "cannot be examined: \(TerminalError.describeErrno())"
        }
        return refusal(for: status.st_mode)
    }

    /// Refuses `path` unless it is absent or a regular file.
    /// - Throws: ``TerminalError/unsafeOutputFile(path:reason:)``.
    public static func checkTarget(_ path: String) throws(TerminalError) {
        if let reason = problem(with: path) { throw .unsafeOutputFile(path: path, reason: reason) }
    }

    /// Opens `path` for writing from its start: a new file is created with mode 0600; an existing
    /// regular file is emptied and its mode set to 0600. The caller closes the descriptor.
    /// - Throws: ``TerminalError/unsafeOutputFile(path:reason:)`` for a symbolic link, a device, a
    ///   pipe or a directory, or a file that cannot be opened.
    public static func openForWriting(_ path: String) throws(TerminalError) -> Int32 {
        try checkTarget(path)
        // O_NOFOLLOW: a link planted after the check is refused; O_NONBLOCK: a FIFO does not block the open.
        let fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason = errno == ELOOP ? "is a symbolic link; refusing to write through it" : "cannot be opened: \(TerminalError.describeErrno())"
            throw .unsafeOutputFile(path: path, reason: reason)
        }
        var status = stat()
        if fstat(fd, &status) != 0 {
            let reason = "cannot be examined: \(TerminalError.describeErrno())"
            close(fd)
            throw .unsafeOutputFile(path: path, reason: reason)
        }
        if let reason = refusal(for: status.st_mode) {
            close(fd)
            throw .unsafeOutputFile(path: path, reason: reason)
        }
        guard fchmod(fd, 0o600) == 0, ftruncate(fd, 0) == 0 else {
            let reason = "cannot be made private and emptied: \(TerminalError.describeErrno())"
            close(fd)
            throw .unsafeOutputFile(path: path, reason: reason)
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// Why a file of this mode may not be written, or `nil` for a regular file.
    private static func refusal(for mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFLNK: "is a symbolic link; refusing to write through it"
        case S_IFDIR: "is a directory"
        default: "exists and is not a regular file (a device, a pipe or a socket); refusing to write to it"
        }
    }
}
