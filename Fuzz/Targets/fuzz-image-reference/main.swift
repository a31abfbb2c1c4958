import TriageDiagnosis
import TriageModel

import FuzzDriver

// Parses each input as an image reference both ways (the quick byte parser and the full grammar
// must agree), prints an accepted reference back and parses the printed form again, and asks for
// a suggestion.
FuzzDriver.run { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    let full = Result { () throws(ImageReferenceError) in try ImageReferenceParser.parseFully(text) }
    if let quick = ImageReferenceQuickParser.parse(text) {
        guard case .success(let reference) = full else {
            fatalError("the quick parser accepted \(text.debugDescription), the grammar did not: \(full)")
        }
        require(quick == reference, "the parsers disagree on \(text.debugDescription): \(quick) vs \(reference)")
    }
    switch full {
    case .success(let reference):
        let printed = reference.description
        do {
            let again = try ImageReference.parse(printed)
            require(again.description == printed, "\(printed.debugDescription) prints as \(again.description.debugDescription)")
            require(
                again.registry == reference.registry && again.repository == reference.repository && again.digest == reference.digest,
                "\(text.debugDescription) and its printed form \(printed.debugDescription) name different images"
            )
        } catch {
            fatalError("\(text.debugDescription) was accepted but its printed form \(printed.debugDescription) is not: \(error)")
        }
    case .failure(let error):
        require(error.errorDescription?.isEmpty == false, "no complaint for \(text.debugDescription)")
    }
    _ = ImageReference.suggestion(for: text)
    _ = ImageInfo(text)
}
