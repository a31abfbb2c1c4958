/// What a Tab press does, decided from the word at the cursor and the provider's candidates.
enum CompletionOutcome: Equatable {
    /// No candidate starts with the word: beep.
    case noMatch
    /// Exactly one candidate: insert `insert` (the rest of the word and a space).
    case unique(insert: String)
    /// Several candidates: insert `insert` (the rest of their common prefix, possibly empty)
    /// and list `choices`.
    case ambiguous(insert: String, choices: [String])
}

/// The pure part of tab completion, kept apart from libedit so it can be tested directly.
enum Completion {
    /// Decides what to insert for `word` given the provider's `candidates`; candidates not
    /// starting with `word` are dropped and duplicates collapse, keeping the provider's order.
    static func resolve(word: String, candidates: [String]) -> CompletionOutcome {
        var seen = Set<String>()
        let matches = candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
        switch matches.count {
        case 0:
            return .noMatch
        case 1:
            return .unique(insert: String(matches[0].dropFirst(word.count)) + " ")
        default:
            let prefix = commonPrefix(of: matches)
            return .ambiguous(insert: String(prefix.dropFirst(word.count)), choices: matches)
        }
    }

    /// The longest string every element of `strings` starts with (empty for no strings).
    static func commonPrefix(of strings: [String]) -> String {
        guard let first = strings.first else { return "" }
        var prefix = first[...]
        for string in strings.dropFirst() {
            let shared = zip(prefix, string).prefix(while: { $0.0 == $0.1 }).count
            prefix = prefix.prefix(shared)
        }
        return String(prefix)
    }

    /// Lays `choices` out in rows of equal-width columns that fit in `width`, like a shell's
    /// completion listing; every row ends with a newline.
    static func columns(_ choices: [String], width: Int) -> String {
        guard let longest = choices.map(\.count).max() else { return "" }
        let columnWidth = longest + 2
        let perRow = max(1, width / columnWidth)
        var text = ""
        for (index, choice) in choices.enumerated() {
            let endsRow = index % perRow == perRow - 1 || index == choices.count - 1
            text += endsRow ? choice + "\n" : choice.padding(toLength: columnWidth)
        }
        return text
    }
}

extension String {
    /// The string followed by spaces up to `length` characters.
    fileprivate func padding(toLength length: Int) -> String {
        self + String(repeating: " ", count: max(0, length - count))
    }
}
