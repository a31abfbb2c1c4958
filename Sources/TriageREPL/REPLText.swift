import TriageEngine
import TriageModel

/// Words shared by the screen and the transcript.
enum REPLText {
    /// Why a transition was taken, in a sentence.
    static func reason(_ reason: Transition.Reason) -> String {
        switch reason {
        case .otherwise:
            return "no branch condition held (otherwise)"
        case .branch(let index, let condition, let label, let witnesses):
            var text = "branch \(index) held: \(condition)"
            if let label { text += " (\(label))" }
            let seen = witnesses.map { witness in
                "\(witness.fact) = \(witness.value)" + (witness.evidence.map { ", output line \($0.line)" } ?? "")
            }
            if !seen.isEmpty { text += " [" + seen.joined(separator: "; ") + "]" }
            return text
        }
    }
}
