import ArgumentParser
import TriageCommandSupport
import Foundation
import TriageDiagnosis
import TriageModel
import TriageSecrets

/// `triage diagnose [FILE|-] [-o text|json]`: says why image pulls failed in pasted output.
public struct Diagnose: AsyncParsableCommand {
    /// Command name, help and exit status notes.
    public static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Say why an image pull failed, from kubectl describe/events, pod status, runtime or pull output.",
        discussion:
            "Reads FILE, or standard input when FILE is '-' or absent. Exits 0 when a cause is named, 1 when the input shows no cause, and 2 when it is empty, binary, too large or unreadable."
    )

    /// The file to read; `-` or nothing for standard input.
    @Argument(help: "File with the pasted output ('-' or nothing for standard input).", completion: .file())
    public var file: String?

    /// Text for people or JSON (sorted keys) for scripts.
    @Option(name: [.short, .customLong("output")], help: "Output format: text (or wide, the same: nothing is cut), json or yaml.")
    public var output: OutputFormat = .text

    /// Creates the command with default options.
    public init() {}

    /// Reads the input, diagnoses it and prints the report.
    public func run() async throws {
        let report: DiagnosisReport
        do {
            // Masked before it is read, so no evidence line or fact can quote a secret.
            report = try PullFailureDiagnoser.diagnose(validating: SecretMasker.standard.mask(try readInput()))
        } catch let error as DiagnosisInputError {
            throw CommandFailure(error.localizedDescription, status: .couldNotLook)
        } catch {
            throw CommandFailure("cannot read \(file ?? "standard input"): \(error.localizedDescription)", status: .couldNotLook)
        }
        switch output {
        case .text, .wide:
            StandardStreams.write(VisibleText.escapingControls(report.renderText()))
        case .json, .yaml:
            try StructuredOutput.print(report, as: output)
        }
        if report.cause == .other { throw ExitStatus.nothingWrong.exitCode }
    }

    /// The input bytes, read no further than one byte past the size limit.
    private func readInput() throws -> [UInt8] {
        let handle: FileHandle
        if let file, file != "-" {
            guard let opened = FileHandle(forReadingAtPath: file) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: file])
            }
            handle = opened
        } else {
            handle = FileHandle.standardInput
        }
        defer { if file != nil && file != "-" { try? handle.close() } }
        let data = try handle.read(upToCount: DiagnosisInput.maximumBytes + 1) ?? Data()
        return [UInt8](data)
    }
}
