/// Splits a command a trainee typed into its arguments as a POSIX shell would for simple
/// words: single quotes, double quotes and backslashes. Nothing is expanded and nothing is run.
enum CommandWords {
    /// Why a line cannot be read as a command.
    struct Unreadable: Error, Equatable {
        var reason: String
    }

    static func split(_ line: String) throws(Unreadable) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                word.append(character)
                escaped = false
                continue
            }
            switch (quote, character) {
            case (nil, "\\"), ("\"", "\\"):
                escaped = true
                inWord = true
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case (nil, " "), (nil, "\t"):
                if inWord { words.append(word) }
                word = ""
                inWord = false
            default:
                word.append(character)
                inWord = true
            }
        }
        if quote != nil { throw Unreadable(reason: "a \(quote == "'" ? "single" : "double") quote is not closed") }
        if escaped { throw Unreadable(reason: "it ends with a backslash") }
        if inWord { words.append(word) }
        if words.first == "$" { words.removeFirst() }
        return words
    }
}
