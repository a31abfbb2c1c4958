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
        let families = RuntimeMarkers.phrases.map { (id($0.0), $0.1) }
        let markers = FactMarkers.phrases.map { (id($0.0), $0.1) }
        var runtimeFamily = [RuntimeMarkers.Family?](repeating: nil, count: phrases.count)
        for (phrase, family) in families { runtimeFamily[phrase] = family }
        var factMarker = [FactMarker?](repeating: nil, count: phrases.count)
        for (phrase, marker) in markers { factMarker[phrase] = marker }
        self.runtimeFamily = runtimeFamily
        self.factMarker = factMarker
        matcher = PhraseMatcher(phrases: phrases)
    }
}
