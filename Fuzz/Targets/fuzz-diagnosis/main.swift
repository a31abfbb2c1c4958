import Foundation
import TriageDiagnosis

import FuzzDriver

// Diagnoses each input as `triage diagnose` does, renders the report as text and JSON, and checks
// that every finding's evidence points inside the input.
FuzzDriver.run { input in
    let bytes = Array(input)
    guard let report = try? PullFailureDiagnoser.diagnose(validating: bytes) else { return }
    let lineCount = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    for finding in report.findings {
        let evidence = finding.evidence
        let scalars = evidence.text.unicodeScalars
        require(evidence.line >= 1 && evidence.line <= lineCount, "evidence line \(evidence.line) outside 1...\(lineCount)")
        require(
            0 <= evidence.start && evidence.start <= evidence.end && evidence.end <= scalars.count,
            "evidence span \(evidence.start)..<\(evidence.end) outside its \(scalars.count)-scalar text")
        require(finding.occurrences >= 1, "a finding with \(finding.occurrences) occurrences")
    }
    _ = report.renderText()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let json = try? encoder.encode(report) else { fatalError("the report does not encode as JSON") }
    require((try? JSONDecoder().decode(DiagnosisReport.self, from: json)) != nil, "the report's JSON does not decode")
}
