import Foundation

/// Where the REPL writes what a person reads.
public protocol Console: Sendable {
    func write(_ text: String)
}

extension Console {
    /// Writes `text` and a line end.
    public func line(_ text: String = "") {
        write(text + "\n")
    }
}

/// Standard output, flushed on every write so prompts and pasted output interleave correctly.
public struct StandardOutputConsole: Console {
    public init() {}

    /// Writes `text` at once; a terminal or pipe that cannot take it loses it, without a crash.
    public func write(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }
}
