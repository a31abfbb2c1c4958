import ArgumentParser

extension AsyncParsableCommand {
    /// Parses the process's arguments, runs the chosen (sub)command asynchronously, and exits with
    /// its status. Executables call it by name because top-level code resolves `main()` to the
    /// synchronous overload, which refuses an asynchronous command tree.
    public static func start() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
