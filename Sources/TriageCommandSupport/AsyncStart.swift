import ArgumentParser
import Foundation
import TriageModel

extension AsyncParsableCommand {
    /// Parses the process's arguments, runs the chosen (sub)command asynchronously, and exits with
    /// its status; a ``CommandFailure`` prints its message and exits with its own status, and any
    /// other error that is not an `ExitCode` exits with ``ExitStatus/couldNotLook``, never 1.
    /// Executables call it by name because top-level code resolves `main()` to the synchronous
    /// overload, which refuses an asynchronous command tree.
    ///
    /// When standard output could not be written, it exits as ``StandardStreams/exitIfUnwritten()``
    /// says. SIGTERM, SIGHUP and SIGINT cancel the command (and so stop the programs it runs; see
    /// ``TerminationSignals``), and the process then exits with 128 + the signal's number.
    public static func start() async {
        if let message = unknownSubcommandMessage(Array(CommandLine.arguments.dropFirst())) {
            StandardStreams.writeError(message)
            exit(withError: ExitCode.validationFailure)
        }
        let work = Task {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        }
        let signals = TerminationSignals { work.cancel() }
        let outcome = await work.result
        if let signal = signals.signal { exit(withError: ExitCode(128 + signal)) }
        switch outcome {
        case .success:
            StandardStreams.exitIfUnwritten()
        case .failure(let failure as CommandFailure):
            StandardStreams.writeErrorMessage(failure.description)
            StandardStreams.exitIfUnwritten()
            exit(withError: failure.status.exitCode)
        case .failure(let error):
            // What `exit(withError:)` prints (help, usage errors), written the way all output is.
            // Status 1 says Triage looked and found nothing wrong: an error that escaped a command
            // (an unreadable file, a directory that cannot be made) could not do what was asked.
            var code = exitCode(for: error)
            if !(error is ExitCode), code == .failure { code = ExitStatus.couldNotLook.exitCode }
            let message = fullMessage(for: error)
            if !message.isEmpty {
                code.isSuccess
                    ? StandardStreams.write(VisibleText.escapingControls(message) + "\n")
                    : StandardStreams.writeError(StandardStreams.lowercasingErrorPrefix(message) + "\n")
            }
            StandardStreams.exitIfUnwritten()
            exit(withError: code)
        }
    }

    /// kubectl's answer to a mistyped subcommand (`unknown command "repaly"`, then the names it
    /// is nearest to); nil when the first argument is a flag or names a subcommand, or the
    /// command has none.
    public static func unknownSubcommandMessage(_ arguments: [String]) -> String? {
        let subcommands = configuration.subcommands.map { $0._commandName }
        guard let word = arguments.first, !word.hasPrefix("-"), !subcommands.isEmpty else { return nil }
        let names = subcommands + ["help"]
        guard !names.contains(word) else { return nil }
        let near = names.filter { name in
            name.hasPrefix(word) || EditDistance.between(word, name) <= max(1, min(word.count, name.count) / 3)
        }
        let program = configuration.commandName ?? _commandName
        var message = "error: unknown command \"\(word)\" for \"\(program)\"\n"
        if !near.isEmpty { message += "\nDid you mean this?\n" + near.map { "\t\($0)\n" }.joined() }
        return message + "\nRun '\(program) --help' for usage.\n"
    }
}

/// How many single-character edits (insert, delete, replace, or swap two neighbours) turn one
/// word into another.
enum EditDistance {
    static func between(_ first: String, _ second: String) -> Int {
        let a = Array(first), b = Array(second)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
