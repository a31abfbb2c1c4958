import ArgumentParser
import Foundation
import Synchronization
import TriageModel
#if canImport(Glibc)
    import Glibc
#endif

/// Standard output and standard error as every command writes them: whole texts written to the
/// file descriptors directly, never through a call that traps when a write fails. A failed write to
/// standard output is remembered, and the command's ending reports it (``exitIfUnwritten()``).
public enum StandardStreams {
    /// The `errno` of the first failed write to standard output, or 0.
    private static let failure = Atomic<Int32>(0)

    /// Writes `text` to standard output.
    public static func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    /// Writes `data` to standard output.
    public static func write(_ data: Data) {
        data.withUnsafeBytes { write($0.bindMemory(to: UInt8.self)) }
    }

    /// Writes the message `text` to standard error with its control characters made visible
    /// (see `VisibleText`): messages quote arguments, file names and output, which are shown,
    /// never obeyed. A failure there has nowhere to be reported.
    public static func writeError(_ text: String) {
        var text = VisibleText.escapingControls(text)
        text.withUTF8 { _ = writeAll($0, to: STDERR_FILENO) }
    }

    /// Writes an error of Triage's own to standard error as `error: MESSAGE`, the one spelling
    /// of the prefix, as kubectl, git and compilers write it; ArgumentParser's usage errors are
    /// given it too (see ``lowercasingErrorPrefix(_:)``).
    public static func writeErrorMessage(_ message: String) {
        writeError("error: \(message)\n")
    }

    /// `message` with ArgumentParser's `Error: ` prefix written as Triage writes its own.
    public static func lowercasingErrorPrefix(_ message: String) -> String {
        message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : message
    }

    /// Writes one of Triage's own terminal controls (a literal, never outside text) to standard
    /// error as it is.
    public static func writeErrorControl(_ sequence: StaticString) {
        _ = writeAll(UnsafeBufferPointer(start: sequence.utf8Start, count: sequence.utf8CodeUnitCount), to: STDERR_FILENO)
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failure.load(ordering: .relaxed) == 0, let code = writeAll(bytes, to: STDOUT_FILENO) else { return }
        _ = failure.compareExchange(expected: 0, desired: code, ordering: .relaxed)
    }

    /// Writes every byte, retrying after interruptions; the `errno` of a failure, or nil.
    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// How writing standard output went.
    public enum Ending: Equatable, Sendable {
        /// Everything was written.
        case written
        /// The reader went away (`| head -1`): stop quietly, as other command-line tools do.
        case readerGone
        /// Writing failed (a full disk, `> /dev/full`); the reason in words.
        case failed(String)
    }

    /// Whether everything written to standard output reached it.
    public static var ending: Ending {
        let code = failure.load(ordering: .relaxed)
        if code == 0 { return .written }
        if code == EPIPE { return .readerGone }
        return .failed(String(cString: strerror(code)))
    }

    /// Ends the process when standard output could not be written: quietly with SIGPIPE's status
    /// when the reader went away, else with a message and `EX_IOERR` (74).
    static func exitIfUnwritten() {
        switch ending {
        case .written: return
        case .readerGone: Glibc.exit(128 + SIGPIPE)
        case .failed(let reason):
            writeErrorMessage("could not write the output: \(reason)")
            Glibc.exit(74)
        }
    }
}
