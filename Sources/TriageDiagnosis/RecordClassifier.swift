/// A set of phrase indices, as a fixed-width bit set stored inline (no allocation per record).
struct PhraseSet: Sendable {
    /// The largest number of phrases a set can hold.
    static let capacity = 512
    private var words = SIMD8<UInt64>()

    init() {}

    init(_ members: [Int]) {
        for member in members { insert(member) }
    }

    mutating func insert(_ member: Int) { words[member >> 6] |= 1 << UInt64(member & 63) }

    func contains(_ member: Int) -> Bool { words[member >> 6] & (1 << UInt64(member & 63)) != 0 }

    func intersects(_ other: PhraseSet) -> Bool { words & other.words != SIMD8() }
}

/// The rule that decided a record's cause, and the phrase occurrence that triggered it.
struct Classification: Sendable {
    /// Index into ``ClassificationRules/all``.
    let ruleIndex: Int
    /// The occurrence of the rule's first phrase group (offsets in the record text).
    let evidence: PhraseHit
    /// The rule's cause.
    let cause: PullFailureCause
    /// The rule's weight.
    let weight: Int

    var rule: ClassificationRule { ClassificationRules.all[ruleIndex] }
}

/// Applies the ordered rules to the phrase hits of one record.
struct RecordClassifier: Sendable {
    /// The shared instance built on the shared vocabulary.
    static let shared = RecordClassifier(vocabulary: .shared)

    private let groupSets: [[PhraseSet]]
    private let rules = ClassificationRules.all
    private let pullContext: PhraseSet
    private let unrelated: PhraseSet
    private let pull: Int

    init(vocabulary: Vocabulary) {
        precondition(vocabulary.matcher.phrases.count <= PhraseSet.capacity, "too many phrases for PhraseSet")
        groupSets = vocabulary.ruleGroups.map { groups in groups.map { PhraseSet($0) } }
        pullContext = PhraseSet(vocabulary.pullContext)
        unrelated = PhraseSet(vocabulary.unrelated)
        pull = vocabulary.pull
    }

    /// Whether the hits mention pulling images at all.
    func hasPullContext(_ present: PhraseSet) -> Bool { present.intersects(pullContext) }

    /// The first rule whose every phrase group has a hit, or `nil` when the record is not a pull failure.
    func classify(hits: [PhraseHit], present: PhraseSet, documentHasPullContext: Bool) -> Classification? {
        if present.intersects(unrelated) && !present.contains(pull) { return nil }
        let inContext = documentHasPullContext || present.intersects(pullContext)
        for (ruleIndex, groups) in groupSets.enumerated() {
            let rule = rules[ruleIndex]
            if rule.needsPullContext && !inContext { continue }
            guard groups.allSatisfy({ present.intersects($0) }) else { continue }
            guard let hit = hits.first(where: { groups[0].contains($0.phrase) }) else { continue }
            return Classification(ruleIndex: ruleIndex, evidence: hit, cause: rule.cause, weight: rule.weight)
        }
        return nil
    }
}
