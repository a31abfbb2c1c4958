import TriageEngine
import TriageModel

/// "Which fix?" for an ending whose fix has no change of its own to run: the ending's `remedy:`
/// against the remedies of endings a trainee could take it for. Those are the endings nearest to
/// the path taken (reachable from its last decision first, then from the ones before), then the
/// rest of the runbook. An ending with the same cause is never offered as wrong: one cause's
/// endings share their fix (a missing tag is fixed as a missing image is), so its remedy would
/// not be plainly wrong.
struct RemedyQuestion {
    /// One fix offered.
    struct Option: Equatable {
        /// The remedy, filled in from this session's facts.
        var text: String
        /// The ending whose remedy it is.
        var ending: String
        /// What the fix is for, when it is not this ending's; nil for the right one.
        var whyWrong: String?
    }

    /// How many wrong fixes are offered beside the right one, at most.
    static let distractors = 3

    let right: Option
    /// The options in the order shown.
    let options: [Option]
    /// The ending's fix steps that apply here, in words: shown once the answer is earned.
    let steps: [Session.ResolvedStep]

    /// The question for the ending `ending`, nil when it has no `remedy:` or no other fix to
    /// set beside it.
    init?(diagnosis: Diagnosis, at ending: String, session: Session, runbook: Runbook, seed: UInt64) {
        guard let remedy = diagnosis.remedy else { return nil }
        let right = Option(text: session.renderNamingUnknown(remedy), ending: ending, whyWrong: nil)
        var options = [right]
        for id in Self.nearest(to: session.path, in: runbook) where options.count <= Self.distractors {
            guard let node = runbook.node(id), let other = node.diagnosis, other.outcome == .causeFound, other.cause != diagnosis.cause,
                let otherRemedy = other.remedy
            else { continue }
            let text = session.renderNamingUnknown(otherRemedy)
            guard !options.contains(where: { $0.text == text }) else { continue }
            options.append(Option(text: text, ending: id, whyWrong: "it is the fix for another problem: \(node.title.trimmingTrailingPeriod) [\(id)]"))
        }
        guard options.count > 1 else { return nil }
        self.right = right
        var generator = SeededGenerator(seed: seed, salt: "fix:" + ending)
        self.options = options.shuffled(using: &generator)
        steps = session.fixSteps(of: diagnosis)
    }

    /// Every ending of `runbook` but the path's own, nearest first: breadth first from each node
    /// of `path`, the last decision before the ending first.
    static func nearest(to path: [String], in runbook: Runbook) -> [String] {
        var seen = Set(path), endings: [String] = []
        for start in path.reversed() {
            var queue = runbook.node(start)?.successors ?? []
            while !queue.isEmpty {
                let id = queue.removeFirst()
                guard seen.insert(id).inserted, let node = runbook.node(id) else { continue }
                if node.isTerminal { endings.append(id) } else { queue += node.successors }
            }
        }
        return endings + runbook.nodes.filter { $0.isTerminal && !seen.contains($0.id) }.map(\.id)
    }

    /// The option a reply names by its number.
    func option(for reply: String) -> Option? {
        guard let number = Int(reply.trimmingCharacters(in: .whitespaces)), options.indices.contains(number - 1) else { return nil }
        return options[number - 1]
    }

    /// The wrong option a hint rules out: the first shown.
    var ruledOut: (number: Int, option: Option)? {
        options.enumerated().first { $0.element.whyWrong != nil }.map { ($0.offset + 1, $0.element) }
    }
}
