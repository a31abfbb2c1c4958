/// Nearest-word suggestions for misspelt keys, names and commands.
public enum Suggestion {
    /// `"; did you mean 'x'?"` when some candidate is within a small edit distance of `word`,
    /// otherwise the empty string.
    public static func didYouMean(_ word: String, in candidates: [String]) -> String {
        let limit = max(1, word.count / 3)
        let best =
            candidates
            .map { ($0, distance(word, $0)) }
            .filter { $0.1 <= limit }
            .min { $0.1 < $1.1 }
        return best.map { "; did you mean '\($0.0)'?" } ?? ""
    }

    /// Edit distance between two words, counting a swap of neighbouring letters as one edit
    /// (optimal string alignment), since swaps are the commonest typo.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
