import TriageModel

extension RunbookValidator {
    /// Remedies a trainee must tell apart: training's "Which fix?" sets an ending's `remedy:`
    /// beside the remedies of endings with other causes, so two of those that say the same thing
    /// (the same words once placeholders, case and punctuation are set aside, or mostly the same
    /// words) would offer two fixes that read alike. Endings with one cause share their fix and
    /// are never set side by side, so they may share a remedy. `triage lint` reports these; they
    /// do not stop a runbook from loading, as a runbook works the same with them.
    public static func remedyProblems(_ runbook: Runbook) -> [RunbookDiagnostic] {
        var problems: [RunbookDiagnostic] = []
        let fallback = runbook.location ?? SourceLocation(file: "<runbook>", line: 1, column: 1)
        func report(_ location: SourceLocation?, _ message: String) {
            problems.append(RunbookDiagnostic(location: location ?? fallback, message: message))
        }
        var seen: [(node: Node, cause: String, words: RemedyWords)] = []
        for node in runbook.nodes {
            guard let diagnosis = node.diagnosis, let remedy = diagnosis.remedy else { continue }
            let words = RemedyWords(remedy)
            for earlier in seen where earlier.cause != diagnosis.cause {
                guard let likeness = words.likeness(to: earlier.words) else { continue }
                let line = earlier.node.location.map { " (line \($0.line))" } ?? ""
                report(
                    node.location,
                    "the remedy of node '\(node.id)' \(likeness) that of node '\(earlier.node.id)'\(line), whose cause differs: a trainee choosing the fix could not tell them apart; say what is specific to each"
                )
            }
            seen.append((node, diagnosis.cause, words))
        }
        return problems
    }
}

/// A remedy's words for comparing it with another: lower case, placeholders and punctuation
/// left out, a possessive `'s` dropped.
struct RemedyWords {
    /// Words that carry no meaning of their own in a remedy.
    static let functionWords: Set<String> = [
        "a", "an", "and", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of", "on", "or", "so", "that", "the", "then",
        "this", "to", "with",
    ]
    /// The share of the shorter remedy's meaningful words that the other may also hold before
    /// the two read alike.
    static let nearlyTheSame = 0.6

    let words: [String]
    let meaningful: Set<String>

    init(_ remedy: Template) {
        var words: [String] = []
        for segment in remedy.segments {
            guard case .literal(let text) = segment else { continue }
            let split = text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }
            words += split.map { $0.hasSuffix("'s") ? String($0.dropLast(2)) : String($0) }.map { $0.trimmingCharacters(in: ["'"]) }.filter { !$0.isEmpty }
        }
        self.words = words
        meaningful = Set(words).subtracting(Self.functionWords)
    }

    /// How this remedy reads like `other`, in words, when the two read alike; nil when they do not.
    func likeness(to other: RemedyWords) -> String? {
        if words == other.words { return words.isEmpty ? nil : "has the same words as" }
        let shorter = min(meaningful.count, other.meaningful.count)
        guard shorter > 0 else { return nil }
        let shared = meaningful.intersection(other.meaningful).count
        return Double(shared) >= Self.nearlyTheSame * Double(shorter) ? "shares most words (\(shared) of the shorter one's \(shorter)) with" : nil
    }
}
