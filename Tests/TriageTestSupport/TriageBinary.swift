import Foundation

/// The built `triage` executable, run as a user runs it: a separate process with its own
/// arguments, standard input and environment.
public enum TriageBinary {
    /// What a run printed and how it ended.
    public struct Run: Sendable {
        public var stdout: String
        public var stderr: String
        public var status: Int32
    }

    /// The package's root folder (where `Runbooks/` and `Scenarios/` are).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable, beside the test bundle in the build folder.
    public static var url: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("triage")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/triage")
    }

    /// Runs `triage arguments…` (or another `executable`) in the package root with `input` on
    /// standard input, and waits at most `timeout` seconds before killing it.
    public static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:], timeout: TimeInterval = 60,
        executable: URL = url
    ) throws -> Run {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["COLUMNS"] = nil
        env["XDG_STATE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("triage-state-\(UUID().uuidString)").path
        for (key, value) in environment { env[key] = value }
        return try run(arguments, input: input, exactEnvironment: env, directory: packageRoot, timeout: timeout, executable: executable)
    }

    /// Runs `executable arguments…` in `directory` with exactly `exactEnvironment` and nothing
    /// inherited, as a user's clean shell would, with `input` on standard input.
    public static func run(
        _ arguments: [String], input: String = "", exactEnvironment env: [String: String], directory: URL,
        timeout: TimeInterval = 60, executable: URL
    ) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let collected = Collected()
        let group = DispatchGroup()
        for (handle, keyPath) in [(stdout.fileHandleForReading, \Collected.stdout), (stderr.fileHandleForReading, \Collected.stderr)] {
            group.enter()
            DispatchQueue.global().async {
                let data = handle.readDataToEndOfFile()
                collected.set(keyPath, data)
                group.leave()
            }
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            throw TriageBinaryError.timedOut(arguments)
        }
        process.waitUntilExit()
        return Run(stdout: collected.text(\.stdout), stderr: collected.text(\.stderr), status: process.terminationStatus)
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        var stdout = Data()
        var stderr = Data()

        func set(_ keyPath: ReferenceWritableKeyPath<Collected, Data>, _ data: Data) {
            lock.withLock { self[keyPath: keyPath] = data }
        }

        func text(_ keyPath: KeyPath<Collected, Data>) -> String {
            lock.withLock { String(decoding: self[keyPath: keyPath], as: UTF8.self) }
        }
    }
}

/// A `triage` run that did not finish.
public enum TriageBinaryError: Error {
    case timedOut([String])
}
