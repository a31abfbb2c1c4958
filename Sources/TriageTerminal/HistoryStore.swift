import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// The command history's rules and persistence.
///
/// With a file, entries persist as plain text, one per line, private to the user (0600 in a
/// 0700 directory). Entries are appended as they are entered, so concurrent sessions do not
/// overwrite each other; the file is cut back to the newest ``capacity`` entries when loaded.
/// Writing is best effort: a failed append never interrupts the session.
struct HistoryStore {
    /// The file's location, or nil for a history that lives only in memory.
    let url: URL?
    /// How many entries are kept.
    let capacity: Int
    /// The newest entry, used to skip an immediate repeat.
    private(set) var lastEntry: String?

    /// Prepares a history persisted at `url` (creating its parent directory with 0700 and the
    /// file with 0600 when absent), or an in-memory one when `url` is nil.
    init(url: URL?, capacity: Int) throws(TerminalError) {
        self.url = url
        self.capacity = capacity
        if let url {
            try PrivateFiles.createDirectory(url.deletingLastPathComponent())
            close(try PrivateFiles.openForAppending(url))
        }
    }

    /// Returns the stored entries, oldest first, at most ``capacity`` of them, rewriting the
    /// file when it held more.
    mutating func load() -> [String] {
        guard let url else { return [] }
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let all = text.split(separator: "\n").map(String.init)
        let kept = Array(all.suffix(capacity))
        if kept.count < all.count {
            Self.rewrite(url, with: kept)
        }
        lastEntry = kept.last
        return kept
    }

    /// Records `line` unless it is blank or repeats the previous entry, appending it to the
    /// file; returns whether it was recorded.
    mutating func record(_ line: String) -> Bool {
        guard Self.isWorthRecording(line, after: lastEntry) else { return false }
        lastEntry = line
        if let url, let fd = try? PrivateFiles.openForAppending(url) {
            PrivateFiles.writeAll(line + "\n", to: fd)
            close(fd)
        }
        return true
    }

    /// A line is recorded when it has a non-blank character, is a single line and differs
    /// from the previous entry.
    static func isWorthRecording(_ line: String, after previous: String?) -> Bool {
        !line.allSatisfy(\.isWhitespace) && !line.contains(where: \.isNewline) && line != previous
    }

    /// Replaces the file's content with `entries` through a private temporary file and a rename.
    private static func rewrite(_ url: URL, with entries: [String]) {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let written = PrivateFiles.writeAll(entries.map { $0 + "\n" }.joined(), to: fd)
        close(fd)
        if !written || rename(temporary.path, url.path) != 0 {
            unlink(temporary.path)
        }
    }
}
