/// A set of phrase indices, as a fixed-width bit set stored inline (no allocation per record).
struct PhraseSet: Sendable {
    /// The largest number of phrases a set can hold.
    static let capacity = 512
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
    private var w4: UInt64 = 0, w5: UInt64 = 0, w6: UInt64 = 0, w7: UInt64 = 0

    init() {}

    init(_ members: [Int]) {
        for member in members { insert(member) }
    }

    mutating func insert(_ member: Int) {
        let bit: UInt64 = 1 << UInt64(member & 63)
        switch member >> 6 {
        case 0: w0 |= bit
        case 1: w1 |= bit
        case 2: w2 |= bit
        case 3: w3 |= bit
        case 4: w4 |= bit
        case 5: w5 |= bit
        case 6: w6 |= bit
        default: w7 |= bit
        }
    }

    func contains(_ member: Int) -> Bool {
        var single = PhraseSet()
        single.insert(member)
        return intersects(single)
    }

    func intersects(_ other: PhraseSet) -> Bool {
        (w0 & other.w0) | (w1 & other.w1) | (w2 & other.w2) | (w3 & other.w3)
            | (w4 & other.w4) | (w5 & other.w5) | (w6 & other.w6) | (w7 & other.w7) != 0
    }
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

    /// The phrase groups of every rule, flattened; rule `r` owns `groupSets[groupRanges[r]]`.
    private let groupSets: [PhraseSet]
    private let groupRanges: [Range<Int>]
    private let needsPullContext: [Bool]
    private let causes: [PullFailureCause]
    private let weights: [Int]
    private let pullContext: PhraseSet
    private let unrelated: PhraseSet
    private let pull: Int

    init(vocabulary: Vocabulary) {
        precondition(vocabulary.matcher.phrases.count <= PhraseSet.capacity, "too many phrases for PhraseSet")
        var sets: [PhraseSet] = [], ranges: [Range<Int>] = []
        for groups in vocabulary.ruleGroups {
            ranges.append(sets.count..<(sets.count + groups.count))
            sets += groups.map { PhraseSet($0) }
        }
        groupSets = sets
        groupRanges = ranges
        needsPullContext = ClassificationRules.all.map(\.needsPullContext)
        causes = ClassificationRules.all.map(\.cause)
        weights = ClassificationRules.all.map(\.weight)
        pullContext = PhraseSet(vocabulary.pullContext)
        unrelated = PhraseSet(vocabulary.unrelated)
        pull = vocabulary.pull
    }

    /// Whether the hits mention pulling images at all.
    func hasPullContext(_ present: PhraseSet) -> Bool { present.intersects(pullContext) }

    /// The first rule whose every phrase group has a hit, or `nil` when the record is not a pull
    /// failure; `inPullContext` tells that the record is about pulling even without words saying so.
    func classify(hits: [PhraseHit], present: PhraseSet, inPullContext: Bool) -> Classification? {
        if present.intersects(unrelated) && !present.contains(pull) { return nil }
        let inContext = inPullContext || present.intersects(pullContext)
        for (ruleIndex, range) in groupRanges.enumerated() {
            if needsPullContext[ruleIndex] && !inContext { continue }
            guard groupSets[range].allSatisfy({ present.intersects($0) }) else { continue }
            let first = groupSets[range.lowerBound]
            guard let hit = hits.first(where: { first.contains($0.phrase) }) else { continue }
            return Classification(ruleIndex: ruleIndex, evidence: hit, cause: causes[ruleIndex], weight: weights[ruleIndex])
        }
        return nil
    }
}
