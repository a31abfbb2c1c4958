import Foundation
import Testing
import TriageModel
import TriageREPL
import TriageRunbooks

/// The transcript file: private, and never a device, a pipe or a link's target.
struct TranscriptFileTests {
    func demo() throws -> Runbook {
        try RunbookDecoder.decode(REPLTests.yaml, file: "demo.yaml").get()
    }

    @Test func anExistingWorldReadableTranscriptBecomesPrivate() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("triage-transcript-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "an old transcript".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o644)
        _ = try TranscriptWriter(path: path, runbook: demo(), inputs: ["pod": "web"], mode: "live")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(try !String(contentsOfFile: path, encoding: .utf8).contains("an old transcript"))
    }

    @Test func aDeviceOrALinkIsRefused() throws {
        let error = #expect(throws: (any Error).self) { try TranscriptWriter(path: "/dev/full", runbook: demo(), inputs: [:], mode: "live") }
        #expect(error?.localizedDescription.contains("not a regular file") == true)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-transcript-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("target").path
        let link = directory.appendingPathComponent("link.md").path
        try "keep".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: (any Error).self) { try TranscriptWriter(path: link, runbook: demo(), inputs: [:], mode: "live") }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
    }
}
