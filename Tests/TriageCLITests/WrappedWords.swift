/// Compares a text as printed to a pipe, where nothing is wrapped, with the same text wrapped to
/// a width: a word the wrapping broke across two lines is missing from the wrapped words.
enum WrappedWords {
    /// The words of `text`, without the wrapper's continuation marks.
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: \.isWhitespace).filter { $0 != "↪" && $0 != "\\" }
    }

    /// The words of `piped` (those short enough to fit on a line) that `wrapped` does not hold
    /// whole, each counted as often as it appears.
    static func broken(piped: String, wrapped: String) -> [Substring] {
        var available = Dictionary(words(wrapped).map { ($0, 1) }, uniquingKeysWith: +)
        var broken: [Substring] = []
        for word in words(piped) where word.count <= 60 {
            if let count = available[word], count > 0 { available[word] = count - 1 } else { broken.append(word) }
        }
        return broken
    }
}
