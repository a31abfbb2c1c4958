import Testing
import TriageTestSupport
@testable import TriageDiagnosis

/// The phrase automaton finds what a plain search for each phrase finds, ignoring ASCII case, in
/// order of end position and, at one end, longest phrase first.
struct PhraseMatcherTests {
    /// Every occurrence of every phrase, by searching for each one at every offset.
    static func naive(_ phrases: [String], in text: [UInt8]) -> [PhraseHit] {
        let lowered = text.map { (65...90).contains($0) ? $0 + 32 : $0 }
        var hits: [PhraseHit] = []
        for end in 1...max(1, text.count) where end <= text.count {
            let ending = phrases.enumerated().filter { _, phrase in
                let bytes = Array(phrase.lowercased().utf8)
                return bytes.count <= end && Array(lowered[(end - bytes.count)..<end]) == bytes
            }
            for (index, phrase) in ending.sorted(by: { $0.element.utf8.count > $1.element.utf8.count }) {
                hits.append(PhraseHit(phrase: index, start: end - phrase.utf8.count, end: end))
            }
        }
        return hits
    }

    static func scan(_ matcher: PhraseMatcher, _ text: String) -> [PhraseHit] {
        var hits: [PhraseHit] = []
        matcher.scan(Array(text.utf8), into: &hits)
        return hits
    }

    @Test func overlappingNestedAndBranchingPhrasesAreAllFound() {
        let phrases = ["he", "she", "his", "hers", "not found", "manifest unknown", "found", "unknown", "a", "ab", "abc", "bc", "x-y/z:1"]
        let matcher = PhraseMatcher(phrases: phrases)
        for text in [
            "ushers", "SHE said HERS", "manifest Unknown: not found", "abcabc", "aaa", "", "x-y/z:1 x-y/z:2", "no such phrase here",
            "manifest unknowmanifest unknown", "hishers",
        ] {
            #expect(Self.scan(matcher, text) == Self.naive(phrases, in: Array(text.utf8)), "\(text)")
        }
    }

    /// Texts made of pieces of the real vocabulary, cut and joined at random, against the plain search.
    @Test func theVocabularyFindsWhatAPlainSearchFinds() {
        let phrases = Vocabulary.shared.matcher.phrases
        var random = SplitMix(seed: 14)
        for _ in 0..<40 {
            var text = ""
            for _ in 0..<12 {
                let phrase = phrases[Int(random.next() % UInt64(phrases.count))]
                let cut = phrase.index(phrase.startIndex, offsetBy: Int(random.next() % UInt64(phrase.count + 1)))
                text += random.next() % 2 == 0 ? phrase.uppercased() : String(phrase[..<cut])
                text += ["", " ", "\"", ": ", "x"][Int(random.next() % 5)]
            }
            #expect(Self.scan(Vocabulary.shared.matcher, text) == Self.naive(phrases, in: Array(text.utf8)), "\(text)")
        }
    }
}
