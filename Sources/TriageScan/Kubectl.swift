import Foundation

/// How a kubectl command ended.
public struct KubectlOutput: Sendable {
    /// What it printed on standard output.
    public var stdout: String
    /// What it printed on standard error.
    public var stderr: String
    /// Its exit status.
    public var exitStatus: Int32
    /// Whether it was stopped for running too long.
    public var timedOut: Bool

    /// Creates an output.
    public init(stdout: String, stderr: String = "", exitStatus: Int32 = 0, timedOut: Bool = false) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitStatus = exitStatus
        self.timedOut = timedOut
    }

    /// Whether it exited 0 in time.
    public var succeeded: Bool { exitStatus == 0 && !timedOut }

    /// Standard error cut to what says why, for messages: kubectl's own closing lines rather than
    /// client-go's repeated log lines (`E1122 20:19:28.694148 …`), at most three, each at most 300
    /// characters.
    public var stderrSummary: String {
        let lines = stderr.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let isLog = { (line: String) in line.range(of: #"^[EWI]\d{4} "#, options: .regularExpression) != nil }
        let plain = lines.filter { !isLog($0) }
        var kept: [String] = []
        for line in (plain.isEmpty ? lines : plain).reversed() where !kept.contains(line) && kept.count < 3 { kept.insert(line, at: 0) }
        return (timedOut ? "timed out. " : "") + kept.map { $0.count > 300 ? String($0.prefix(299)) + "…" : $0 }.joined(separator: " / ")
    }
}

/// Runs `kubectl` with the given arguments (everything after the program name), as an argument
/// vector, against the cluster the user chose. The CLI supplies one backed by Triage's live runner.
public protocol KubectlRunning: Sendable {
    /// Runs `kubectl arguments…`; throws only when kubectl could not be run at all.
    func kubectl(_ arguments: [String]) async throws(ScanError) -> KubectlOutput
}
