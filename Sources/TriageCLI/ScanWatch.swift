import Foundation
import TriageCommandSupport
import TriageModel
import TriageScan
import TriageTerminal

/// `triage scan --watch`: scans every interval and writes each report with what changed since the
/// one before, until Ctrl-C or a termination signal stops it.
struct ScanWatch: Sendable {
    /// Seconds between scans, as given (the header says it as given).
    let interval: Double
    /// A table for people, or a JSON line or YAML document per scan.
    let format: OutputFormat
    /// Where the table goes: on a terminal each scan clears the screen.
    let terminal: TerminalCapabilities
    /// The report as a table for people.
    let render: @Sendable (ScanReport) -> String

    /// Scans with `scan` until stopped; says so on standard error when it is.
    func run(scan: @escaping @Sendable () async throws -> ScanReport) async throws {
        let interrupts = try? InterruptMonitor()
        defer { interrupts?.stop() }
        let loop = Task { try await self.loop(scan) }
        _ = interrupts?.setAction { loop.cancel() }
        do {
            // A termination signal cancels this task; the loop is a task of its own.
            try await withTaskCancellationHandler {
                try await loop.value
            } onCancel: {
                loop.cancel()
            }
        } catch is CancellationError {
            StandardStreams.writeError("\(ProgramName.current) scan: stopped.\n")
        }
    }

    private func loop(_ scan: () async throws -> ScanReport) async throws {
        var previous: ScanReport?
        while true {
            let report = try await scan()
            try write(report, changes: previous.map { ScanChanges(from: $0, to: report) })
            previous = report
            try await Task.sleep(for: Seconds.duration(interval))
        }
    }

    /// One scan's page: a YAML document, a JSON line, or the table under a header that says what
    /// changed.
    private func write(_ report: ScanReport, changes: ScanChanges?) throws {
        switch format {
        case .yaml:
            let record = WatchRecord(time: Date().formatted(.iso8601), changes: changes, report: report)
            StandardStreams.write("---\n" + (try StructuredOutput.render(record, as: .yaml)))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let line = try encoder.encode(WatchRecord(time: Date().formatted(.iso8601), changes: changes, report: report))
            StandardStreams.write(line + Data("\n".utf8))
        case .text, .wide:
            var text = ScreenControl.newPage(on: terminal)
            text += "\(ProgramName.current) scan --watch, every \(interval) s; \(Date().formatted(date: .omitted, time: .standard)); Ctrl-C stops\n"
            if let changes {
                text += changes.isEmpty ? "no changes since the last scan\n" : "changes:\n" + changes.lines.map { "  " + $0 + "\n" }.joined()
            }
            StandardStreams.write(text + "\n" + render(report))
        }
    }
}

/// One record of `triage scan --watch -o json` or `-o yaml`.
private struct WatchRecord: Encodable {
    var time: String
    var changes: ScanChanges?
    var report: ScanReport
}
