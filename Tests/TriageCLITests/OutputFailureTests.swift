import Foundation
import Testing
import TriageTestSupport

/// Output that cannot be written: a full disk (`> /dev/full`) is a clear error with exit status
/// 74, never a crash or a silent success; a reader that went away (`| head -1`) is a quiet exit.
struct OutputFailureTests {
    static let commands: [[String]] = [
        ["list"],
        ["list", "-o", "json"],
        ["--help"],
        ["run", "--help"],
        ["diagnose", "Scenarios/nginx-tag-typo.yaml"],
        ["diagnose", "Scenarios/nginx-tag-typo.yaml", "-o", "json"],
        ["replay", "nginx-tag-typo", "--no-input"],
        ["replay", "nginx-tag-typo", "--no-input", "-o", "json"],
        ["lint"],
        // The REPL, which writes through its console (standard input is empty: it ends at once).
        ["replay", "nginx-tag-typo"],
    ]

    /// Runs the binary with standard output going to `output`; its status, how it ended, and its
    /// standard error.
    func run(_ arguments: [String], output: FileHandle) throws -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
        let process = Process()
        process.executableURL = TriageBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = TriageBinary.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["XDG_STATE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("triage-state-\(UUID().uuidString)").path
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, String(decoding: stderr, as: UTF8.self))
    }

    @Test(arguments: commands)
    func aFullDiskIsAClearError(arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        let ended = try run(arguments, output: full)
        #expect(ended.reason == .exit, "triage crashed: \(ended.stderr.prefix(300))")
        #expect(ended.status == 74)
        #expect(ended.stderr.contains("error: could not write the output: No space left on device"))
    }

    @Test(arguments: commands)
    func aReaderThatWentAwayEndsQuietly(arguments: [String]) throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let ended = try run(arguments, output: pipe.fileHandleForWriting)
        let quiet = (ended.reason == .exit && ended.status == 128 + SIGPIPE) || (ended.reason == .uncaughtSignal && ended.status == SIGPIPE)
        #expect(quiet, "ended with \(ended.status) (\(ended.reason.rawValue))")
        #expect(!ended.stderr.contains("Fatal error"))
        #expect(!ended.stderr.contains("could not write"))
    }

    @Test(arguments: [
        (["run", "--pod", "web", "--no-input", "--timeout", "1e16"], "--timeout"),
        (["run", "--pod", "web", "--no-input", "--timeout", "inf"], "--timeout"),
        (["run", "--pod", "web", "--no-input", "--timeout", "nan"], "--timeout"),
        (["run", "--pod", "web", "--no-input", "--timeout", "0"], "--timeout"),
        (["scan", "--timeout", "inf"], "--timeout"),
        (["scan", "--timeout", "nan"], "--timeout"),
        (["scan", "--watch", "--interval", "1e300"], "--interval"),
        (["scan", "--watch", "--interval=-inf"], "--interval"),
    ])
    func secondsOptionsMustBeFiniteAndSane(arguments: [String], option: String) throws {
        let ran = try TriageBinary.run(arguments)
        #expect(ran.status == 64, "stderr: \(ran.stderr.prefix(300))")
        #expect(ran.stderr.contains("\(option) must be a number of seconds from 0.001 to 86400 (one day)"))
    }
}
