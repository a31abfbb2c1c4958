import Foundation

/// Runs a helper program the tests need (`sha256sum`, `tar`, `skopeo`, `openssl`, `htpasswd`)
/// and returns its standard output, throwing with its standard error when it fails.
public enum ExternalTool {
    /// Runs `arguments[0]` (looked up on `PATH`) with the rest as arguments, in `directory`.
    @discardableResult
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { _, chosen in chosen }
        process.environment = variables
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let collected = ConcurrentRead(errors.fileHandleForReading)
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = collected.wait()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw ExternalToolError.failed(arguments, status: process.terminationStatus, stderr: String(decoding: stderr, as: UTF8.self))
        }
        return String(decoding: stdout, as: UTF8.self)
    }

    /// Whether `name` is an executable on `PATH`.
    public static func exists(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains { folder in
            FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)")
        }
    }

    /// Reads a pipe to its end on another thread, so neither pipe of a child fills up.
    private final class ConcurrentRead: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()

        init(_ handle: FileHandle) {
            DispatchQueue.global().async {
                self.data = handle.readDataToEndOfFile()
                self.done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}

/// A helper program that failed.
public enum ExternalToolError: Error, LocalizedError {
    case failed([String], status: Int32, stderr: String)

    public var errorDescription: String? {
        switch self {
        case .failed(let arguments, let status, let stderr):
            "\(arguments.joined(separator: " ")) exited with status \(status): \(stderr)"
        }
    }
}
