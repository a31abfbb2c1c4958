import FuzzDriver
import TriageEngine
import TriageModel
import TriageRunbooks

/// The validator `triage lint` uses, with the engine's own parsers.
let validator = RunbookValidator(parsers: ParserCatalog.standard.signatures)

/// A runbook that loads has times the runner and the watcher can use: finite, and in range of the
/// whole milliseconds and poll counts they turn them into.
func checkTimes(of runbook: Runbook) {
    func usable(_ seconds: Double?, _ what: String, in node: Node) {
        guard let seconds else { return }
        require(seconds.isFinite && abs(seconds * 1000) < 9.0e15, "node \(node.id) loads with \(what) \(seconds)")
    }
    for node in runbook.nodes {
        usable(node.command?.timeout, "timeout", in: node)
        let steps = (node.diagnosis?.fix ?? []) + (node.diagnosis?.verify.map { [$0] } ?? [])
        for step in steps {
            usable(step.command?.timeout, "timeout", in: node)
            guard let watch = step.watch else { continue }
            usable(watch.every, "every", in: node)
            usable(watch.within, "for", in: node)
            let polls = watch.within / watch.every
            require(polls.isFinite && abs(polls) < 9.0e15, "node \(node.id) polls \(polls) times")
        }
    }
}

// Loads each input as a runbook (decoded, then validated, as `triage lint` does) and as a scenario,
// and checks that every problem is reported at a place inside the file.
FuzzDriver.run { bytes in
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    var diagnostics: [RunbookDiagnostic] = []
    switch RunbookDecoder.decode(text, file: "fuzz.yaml") {
    case .success(let runbook):
        diagnostics += validator.validate(runbook)
        if diagnostics.isEmpty { checkTimes(of: runbook) }
    case .failure(let error): diagnostics += error.diagnostics
    }
    if case .failure(let error) = ScenarioDecoder.decode(text, file: "fuzz.yaml") { diagnostics += error.diagnostics }
    let lineCount = text.reduce(1) { $0 + ($1.isNewline ? 1 : 0) }
    for diagnostic in diagnostics {
        let location = diagnostic.location
        require(location.file == "fuzz.yaml", "a problem reported in another file: \(diagnostic)")
        require(location.line >= 1 && location.line <= lineCount, "line outside the file's \(lineCount): \(diagnostic)")
        require(location.column >= 1, "column before the line: \(diagnostic)")
        require(!diagnostic.message.isEmpty, "a problem without a message at \(location)")
    }
}
