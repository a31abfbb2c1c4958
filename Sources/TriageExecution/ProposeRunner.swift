import TriageModel

/// Where the proposing runner reads what the user pasted, one line at a time.
///
/// The REPL implements it with its line editor; tests with a fixed list of lines.
public protocol PasteSource: Sendable {
    /// The next pasted line without its line terminator, or `nil` at end of input (Ctrl-D).
    func readPastedLine() async -> String?
}

/// Runs nothing: shows the user the exact command and where to run it, then takes its output as
/// pasted back.
///
/// Pasting ends with a line holding a single `.` or with end of input (Ctrl-D). The pasted text
/// becomes standard output with exit status 0; Windows (`\r\n`) and old Mac (`\r`) line endings
/// are normalised to `\n`.
public struct ProposeRunner: CommandRunner {
    /// Where pasted lines come from.
    public let paste: any PasteSource
    /// Where the instructions go; each call gets whole lines ending in `\n`.
    public let write: @Sendable (String) -> Void

    /// Creates a runner that asks through `write` and reads the answer from `paste`.
    public init(paste: any PasteSource, write: @escaping @Sendable (String) -> Void) {
        self.paste = paste
        self.write = write
    }

    /// Proposes `invocation` and returns what the user pasted.
    /// - Throws: `CancellationError` when the calling task is cancelled while waiting for input.
    public func run(_ invocation: CommandInvocation) async throws -> CommandResult {
        write(Self.instructions(for: invocation))
        var lines: [Substring] = []
        reading: while let pasted = await paste.readPastedLine() {
            try Task.checkCancellation()
            for line in pasted.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                if line.filter({ !$0.isWhitespace }) == "." { break reading }
                lines.append(line)
            }
        }
        try Task.checkCancellation()
        let stdout = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        return CommandResult(stdout: stdout)
    }

    /// What the user is asked to do for `invocation`.
    private static func instructions(for invocation: CommandInvocation) -> String {
        let place =
            switch invocation.location {
            case .cluster: "wherever kubectl can reach the cluster"
            case .node: "on the Kubernetes node itself (for example over SSH)"
            case .local: "on this machine"
            }
        let warning = invocation.mutates ? "This command changes the cluster.\n" : ""
        return """
            Run this command \(place):

                \(invocation.description)

            \(warning)Paste its output (stdout and stderr) below, then a line with a single "." or Ctrl-D.

            """
    }
}
