import ArgumentParser
import Foundation

extension AsyncParsableCommand {
    /// Parses the process's arguments, runs the chosen (sub)command asynchronously, and exits with
    /// its status; a ``CommandFailure`` prints its message and exits with its own status.
    /// Executables call it by name because top-level code resolves `main()` to the synchronous
    /// overload, which refuses an asynchronous command tree.
    public static func start() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("error: \(failure.description)\n".utf8))
            exit(withError: failure.status.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
