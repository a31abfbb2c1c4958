/// Every phrase the diagnoser looks for, compiled once into a single ``PhraseMatcher``,
/// with the lookups the classifier and the extractors need.
struct Vocabulary: Sendable {
    /// The shared instance (built on first use).
    static let shared = Vocabulary()

    let matcher: PhraseMatcher
    /// For each rule, for each group, the phrase indices of that group.
    let ruleGroups: [[[Int]]]
    /// Phrase indices of ``ClassificationRules/pullContext``.
    let pullContext: [Int]
    /// Phrase indices of ``ClassificationRules/unrelated``.
    let unrelated: [Int]
    /// The runtime marker family of each phrase, if it is a marker.
    let runtimeFamily: [RuntimeMarkers.Family?]
    /// Index of the phrase "pull".
    let pull: Int
    /// The fact marker of each phrase, if it is one.
    let factMarker: [FactMarker?]

    private init() {
        var phrases: [String] = []
        var index: [String: Int] = [:]
        func id(_ phrase: String) -> Int {
            let key = phrase.lowercased()
            if let existing = index[key] { return existing }
            index[key] = phrases.count
            phrases.append(key)
            return phrases.count - 1
        }
        ruleGroups = ClassificationRules.all.map { rule in rule.groups.map { $0.map(id) } }
        pullContext = ClassificationRules.pullContext.map(id)
        unrelated = ClassificationRules.unrelated.map(id)
        pull = id("pull")
        var families: [Int: RuntimeMarkers.Family] = [:]
        for (phrase, family) in RuntimeMarkers.phrases { families[id(phrase)] = family }
        var markers: [Int: FactMarker] = [:]
        for (phrase, marker) in FactMarkers.phrases { markers[id(phrase)] = marker }
        runtimeFamily = (0..<phrases.count).map { families[$0] }
        factMarker = (0..<phrases.count).map { markers[$0] }
        matcher = PhraseMatcher(phrases: phrases)
    }
}
