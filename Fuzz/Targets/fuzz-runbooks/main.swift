import FuzzDriver
import TriageEngine
import TriageModel
import TriageRunbooks

/// The validator `triage lint` uses, with the engine's own parsers.
let validator = RunbookValidator(parsers: ParserCatalog.standard.signatures)

// Loads each input as a runbook (decoded, then validated, as `triage lint` does) and as a scenario,
// and checks that every problem is reported at a place inside the file.
FuzzDriver.run { bytes in
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    var diagnostics: [RunbookDiagnostic] = []
    switch RunbookDecoder.decode(text, file: "fuzz.yaml") {
    case .success(let runbook): diagnostics += validator.validate(runbook)
    case .failure(let error): diagnostics += error.diagnostics
    }
    if case .failure(let error) = ScenarioDecoder.decode(text, file: "fuzz.yaml") { diagnostics += error.diagnostics }
    let lineCount = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    for diagnostic in diagnostics {
        let location = diagnostic.location
        precondition(location.file == "fuzz.yaml", "a problem reported in another file: \(diagnostic)")
        precondition(location.line >= 1 && location.line <= lineCount, "line outside the file's \(lineCount): \(diagnostic)")
        precondition(location.column >= 1, "column before the line: \(diagnostic)")
        precondition(!diagnostic.message.isEmpty, "a problem without a message at \(location)")
    }
}
