/// A set of phrase indices, as a fixed-width bit set.
struct PhraseSet: Sendable {
    private(set) var words: [UInt64]

    init(capacity: Int) { words = [UInt64](repeating: 0, count: (capacity + 63) / 64) }

    init(_ members: [Int], capacity: Int) {
        self.init(capacity: capacity)
        for member in members { insert(member) }
    }

    mutating func insert(_ member: Int) { words[member >> 6] |= 1 << UInt64(member & 63) }

    func contains(_ member: Int) -> Bool { words[member >> 6] & (1 << UInt64(member & 63)) != 0 }

    func intersects(_ other: PhraseSet) -> Bool {
        for i in words.indices where words[i] & other.words[i] != 0 { return true }
        return false
    }
}

/// The rule that decided a record's cause, and the phrase occurrence that triggered it.
struct Classification: Sendable {
    /// Index into ``ClassificationRules/all``.
    let ruleIndex: Int
    /// The occurrence of the rule's first phrase group (offsets in the record text).
    let evidence: PhraseHit

    var rule: ClassificationRule { ClassificationRules.all[ruleIndex] }
}

/// Applies the ordered rules to the phrase hits of one record.
struct RecordClassifier: Sendable {
    /// The shared instance built on the shared vocabulary.
    static let shared = RecordClassifier(vocabulary: .shared)

    private let groupSets: [[PhraseSet]]
    private let pullContext: PhraseSet
    private let unrelated: PhraseSet
    private let pull: Int
    let phraseCount: Int

    init(vocabulary: Vocabulary) {
        let count = vocabulary.matcher.phrases.count
        phraseCount = count
        groupSets = vocabulary.ruleGroups.map { groups in groups.map { PhraseSet($0, capacity: count) } }
        pullContext = PhraseSet(vocabulary.pullContext, capacity: count)
        unrelated = PhraseSet(vocabulary.unrelated, capacity: count)
        pull = vocabulary.pull
    }

    /// Whether the hits mention pulling images at all.
    func hasPullContext(_ present: PhraseSet) -> Bool { present.intersects(pullContext) }

    /// The first rule whose every phrase group has a hit, or `nil` when the record is not a pull failure.
    func classify(hits: [PhraseHit], present: PhraseSet, documentHasPullContext: Bool) -> Classification? {
        if present.intersects(unrelated) && !present.contains(pull) { return nil }
        let inContext = documentHasPullContext || present.intersects(pullContext)
        for (ruleIndex, groups) in groupSets.enumerated() {
            let rule = ClassificationRules.all[ruleIndex]
            if rule.needsPullContext && !inContext { continue }
            guard groups.allSatisfy({ present.intersects($0) }) else { continue }
            guard let hit = hits.first(where: { groups[0].contains($0.phrase) }) else { continue }
            return Classification(ruleIndex: ruleIndex, evidence: hit)
        }
        return nil
    }
}
