import TriageModel

/// A command typed at the REPL prompt.
enum REPLCommand: Equatable {
    case next
    case show
    case why
    case explain
    case back
    case skip
    case facts
    case path
    case transcript(String?)
    case fix(Int)
    case verify
    case help
    case quit

    /// Every command word, for help and completion.
    static let words: [(word: String, help: String)] = [
        ("next", "run or propose this step's command (or answer its question) and follow the branch; Enter does the same"),
        ("show", "print the last command's output with the evidence lines marked"),
        ("why", "say which condition chose the last branch, and on which output line"),
        ("explain", "the teaching text of this step: why it matters and what to look for"),
        ("back", "undo the last step and return to the previous one with its facts"),
        ("skip", "leave this step without running it and follow the branches on what is known"),
        ("facts", "list every fact gathered so far, with where it was seen"),
        ("path", "the steps taken so far"),
        ("transcript", "transcript FILE: write the session so far, and all that follows, to FILE as Markdown"),
        ("fix", "fix N: run the command of fix step N of the diagnosis (asks first if it changes the cluster)"),
        ("verify", "run the diagnosis's verification command"),
        ("help", "this list"),
        ("quit", "end the session (Ctrl-D does the same)"),
    ]

    /// Parses a line; nil with a message when it is not a command.
    static func parse(_ line: String) -> Result<REPLCommand, REPLInputError> {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first?.lowercased() else { return .success(.next) }
        let rest = Array(words.dropFirst())
        func noArguments(_ command: REPLCommand) -> Result<REPLCommand, REPLInputError> {
            rest.isEmpty ? .success(command) : .failure(REPLInputError("'\(first)' takes no arguments"))
        }
        switch first {
        case "next", "n": return noArguments(.next)
        case "show": return noArguments(.show)
        case "why": return noArguments(.why)
        case "explain": return noArguments(.explain)
        case "back", "b": return noArguments(.back)
        case "skip": return noArguments(.skip)
        case "facts": return noArguments(.facts)
        case "path": return noArguments(.path)
        case "verify": return noArguments(.verify)
        case "help", "h", "?": return noArguments(.help)
        case "quit", "exit", "q": return noArguments(.quit)
        case "transcript":
            if rest.count > 1 { return .failure(REPLInputError("transcript takes one file name")) }
            return .success(.transcript(rest.first))
        case "fix":
            guard rest.count == 1, let number = Int(rest[0]), number > 0 else {
                return .failure(REPLInputError("say which fix step to run, e.g. 'fix 1'"))
            }
            return .success(.fix(number))
        default:
            let hint = Suggestion.didYouMean(first, in: REPLCommand.words.map(\.word))
            return .failure(REPLInputError("unknown command '\(first)'\(hint) Type 'help' for the list."))
        }
    }

}

/// A line at the prompt that is not a command.
struct REPLInputError: Error, Equatable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
