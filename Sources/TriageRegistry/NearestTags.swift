/// Ranks existing tags by how near they are to a missing one.
///
/// When the wanted tag reads as a version (`v1.2.2`, `1.25-alpine`, even `v1.2.O` once look-alike
/// letters are read as digits), tags with the same kind of version come first, ordered by how
/// many leading numbers they share with it (same minor line first), then by how many versions
/// lie between them and the wanted one. Every other tag is ordered by edit distance (look-alikes `O`/`0`, `l`/`I`/`1` cost
/// nothing), then by shared prefix, and kept only when it is close enough to be a likely
/// mistake.
public enum NearestTags {
    /// At most `limit` tags from `tags` nearest to `wanted`, nearest first.
    public static func rank(_ wanted: String, among tags: [String], limit: Int = 5) -> [String] {
        let target = Version(wanted) ?? Version(folded(wanted))
        let candidates = Set(tags).subtracting([wanted])
        var versioned: [(tag: String, version: Version)] = []
        var others: [String] = []
        for tag in candidates {
            if let target, let version = Version(tag), version.suffix == target.suffix {
                versioned.append((tag, version))
            } else {
                others.append(tag)
            }
        }
        var ranked: [String] = []
        if let target { ranked += rankVersions(versioned, around: target) }
        ranked += rankText(others, near: wanted)
        return Array(ranked.prefix(max(limit, 0)))
    }

    /// Orders versions by how many leading numbers they share with `target`, then by how many
    /// versions lie between them and it, then newest first.
    private static func rankVersions(_ versioned: [(tag: String, version: Version)], around target: Version) -> [String] {
        let below = versioned.filter { $0.version < target }.sorted { $0.version > $1.version }
        let above = versioned.filter { !($0.version < target) }.sorted { $0.version < $1.version }
        let keyed = below.enumerated().map { ($0.element, $0.offset) } + above.enumerated().map { ($0.element, $0.offset) }
        return keyed.sorted { lhs, rhs in
            let lhsShared = lhs.0.version.sharedLeadingNumbers(with: target)
            let rhsShared = rhs.0.version.sharedLeadingNumbers(with: target)
            if lhsShared != rhsShared { return lhsShared > rhsShared }
            if lhs.1 != rhs.1 { return lhs.1 < rhs.1 }
            if lhs.0.version != rhs.0.version { return lhs.0.version > rhs.0.version }
            return lhs.0.tag < rhs.0.tag
        }.map(\.0.tag)
    }

    /// Orders the other tags by folded edit distance, then shared prefix, then name; drops those
    /// too far to be a mistake for `wanted`.
    private static func rankText(_ tags: [String], near wanted: String) -> [String] {
        let foldedWanted = Array(folded(wanted))
        let limit = max(2, foldedWanted.count / 3)
        let scored = tags.compactMap { tag -> (tag: String, distance: Int, prefix: Int)? in
            let candidate = Array(folded(tag))
            let prefix = zip(candidate, foldedWanted).prefix(while: { $0 == $1 }).count
            guard let distance = editDistance(candidate, foldedWanted, bound: limit) else {
                return prefix >= 3 && prefix == min(candidate.count, foldedWanted.count) ? (tag, limit + 1, prefix) : nil
            }
            return (tag, distance, prefix)
        }
        return scored.sorted { lhs, rhs in
            if lhs.distance != rhs.distance { return lhs.distance < rhs.distance }
            if lhs.prefix != rhs.prefix { return lhs.prefix > rhs.prefix }
            return lhs.tag < rhs.tag
        }.map(\.tag)
    }

    /// Lowercased, with look-alike letters read as digits: `o` → `0`, `l` and `i` → `1`.
    static func folded(_ tag: String) -> String {
        String(
            tag.lowercased().map { character -> Character in
                switch character {
                case "o": "0"
                case "l", "i": "1"
                default: character
                }
            })
    }

    /// Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent
    /// transpositions), or `nil` when it exceeds `bound`.
    static func editDistance(_ lhs: [Character], _ rhs: [Character], bound: Int) -> Int? {
        guard abs(lhs.count - rhs.count) <= bound else { return nil }
        if lhs.isEmpty || rhs.isEmpty { return max(lhs.count, rhs.count) }
        var before = [Int](repeating: 0, count: rhs.count + 1)
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            for j in 1...rhs.count {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            if (current.min() ?? 0) > bound { return nil }
            (before, previous, current) = (previous, current, before)
        }
        return previous[rhs.count] <= bound ? previous[rhs.count] : nil
    }
}

/// A tag read as a version: an optional `v`, dot-separated numbers, and a suffix
/// (`-alpine`, `+build`) that must match for two versions to be compared.
struct Version: Comparable {
    let numbers: [Int]
    let suffix: String

    init?(_ tag: String) {
        var text = Substring(tag.lowercased())
        if text.first == "v" { text = text.dropFirst() }
        let head = text.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") })
        let parts = head.split(separator: ".", omittingEmptySubsequences: false)
        guard !head.isEmpty, head.first != ".", head.last != ".", parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 }) else { return nil }
        let rest = text.dropFirst(head.count)
        guard rest.isEmpty || "-+_".contains(rest.first!) else { return nil }
        numbers = parts.compactMap { Int($0) }
        suffix = String(rest)
    }

    /// How many leading numbers the two versions share.
    func sharedLeadingNumbers(with other: Version) -> Int {
        zip(numbers, other.numbers).prefix(while: { $0 == $1 }).count
    }

    static func < (lhs: Version, rhs: Version) -> Bool {
        for index in 0..<max(lhs.numbers.count, rhs.numbers.count) {
            let left = index < lhs.numbers.count ? lhs.numbers[index] : -1
            let right = index < rhs.numbers.count ? rhs.numbers[index] : -1
            if left != right { return left < right }
        }
        return false
    }

    static func == (lhs: Version, rhs: Version) -> Bool {
        lhs.numbers == rhs.numbers
    }
}
