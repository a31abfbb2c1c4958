import ArgumentParser
import Foundation

/// How a command prints its results: for people, or for scripts.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// For people: fitted to the terminal's width, whole lines on a pipe.
    case text
    /// For people, with nothing cut: every column and every value whole, as kubectl's `-o wide`.
    case wide
    /// For scripts.
    case json
}

/// Prints values as JSON for scripts: sorted keys, stable across runs.
public enum JSONOutput {
    /// Writes `value` to standard output as indented JSON with sorted keys, then a newline.
    public static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(value))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
