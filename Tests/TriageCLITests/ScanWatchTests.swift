import Foundation
import Synchronization
import Testing
import TriageTestSupport

/// `triage scan --watch` re-reads the cluster (here a dump that changes under it), reports what
/// changed, and stops cleanly on Ctrl-C.
struct ScanWatchTests {
    /// The JSON lines a process has written so far.
    final class Lines: Sendable {
        private let text = Mutex("")
        func append(_ data: Data) { text.withLock { $0 += String(decoding: data, as: UTF8.self) } }
        var complete: [String] { text.withLock { $0.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) } }
    }

    /// Waits up to `seconds` for `condition`.
    func wait(_ seconds: Double, until condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    @Test func watchReportsChangesAndStopsOnControlC() async throws {
        let dump = FileManager.default.temporaryDirectory.appendingPathComponent("scan-watch-\(UUID().uuidString).json")
        try ScanCommandTests.dump(count: 3).write(to: dump, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: dump) }

        let process = Process()
        process.executableURL = TriageBinary.url
        process.arguments = ["scan", "--from", dump.path, "--watch", "--interval", "0.2", "-o", "json"]
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let lines = Lines()
        stdout.fileHandleForReading.readabilityHandler = { lines.append($0.availableData) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        #expect(try await wait(20) { lines.complete.count >= 2 }, "two scans: \(lines.complete)")
        // Three more failing pods appear between two scans.
        try ScanCommandTests.dump(count: 12).write(to: dump, atomically: true, encoding: .utf8)
        let changed = try await wait(20) {
            lines.complete.contains { line in
                guard let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let changes = record["changes"] as? [String: Any]
                else { return false }
                return !changes.isEmpty && (record["report"] as? [String: Any])?["failing"] as? Int == 5
            }
        }
        #expect(changed, "a record with the new failures and its changes: \(lines.complete.suffix(2))")

        process.interrupt()
        #expect(try await wait(10) { !process.isRunning }, "triage scan --watch still runs after Ctrl-C")
        stdout.fileHandleForReading.readabilityHandler = nil
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(errors.contains("triage scan: stopped."), "stderr: \(errors)")
    }
}
