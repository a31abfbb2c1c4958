/// One challenge of a `WWW-Authenticate` header: `Bearer realm="…",service="…"` or `Basic realm="…"`.
public struct AuthenticateChallenge: Sendable, Hashable {
    /// The scheme, lowercased (`bearer`, `basic`).
    public var scheme: String
    /// The parameters, keyed by lowercased name, unquoted.
    public var parameters: [String: String]

    /// Creates a challenge.
    public init(scheme: String, parameters: [String: String] = [:]) {
        self.scheme = scheme.lowercased()
        self.parameters = parameters
    }

    /// The `realm` parameter.
    public var realm: String? { parameters["realm"] }
    /// The `service` parameter.
    public var service: String? { parameters["service"] }
    /// The `scope` parameter.
    public var scope: String? { parameters["scope"] }

    /// Every challenge in a `WWW-Authenticate` value (RFC 9110 §11.6.1), in order. Parameters
    /// may be quoted strings with `\` escapes or bare tokens (registries send no `token68`).
    public static func parse(_ header: String) -> [AuthenticateChallenge] {
        var scanner = ChallengeScanner(header)
        var challenges: [AuthenticateChallenge] = []
        while let word = scanner.token() {
            if scanner.peekEquals(), !challenges.isEmpty {
                scanner.skipEquals()
                challenges[challenges.count - 1].parameters[word.lowercased()] = scanner.value()
            } else {
                challenges.append(AuthenticateChallenge(scheme: word))
            }
            scanner.skipSeparators()
        }
        return challenges
    }
}

/// A cursor over a `WWW-Authenticate` value.
private struct ChallengeScanner {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) { characters = Array(text) }

    /// The next run of token characters, after blanks and commas.
    mutating func token() -> String? {
        skipSeparators()
        let start = index
        while index < characters.count, !" \t,=\"".contains(characters[index]) { index += 1 }
        guard index > start else {
            if index < characters.count { index += 1; return token() }
            return nil
        }
        return String(characters[start..<index])
    }

    /// Whether `=` follows, after blanks: the word just read names a parameter.
    func peekEquals() -> Bool {
        var look = index
        while look < characters.count, characters[look] == " " || characters[look] == "\t" { look += 1 }
        return look < characters.count && characters[look] == "="
    }

    mutating func skipEquals() {
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        if index < characters.count, characters[index] == "=" { index += 1 }
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
    }

    /// A quoted string (unescaped) or a bare token.
    mutating func value() -> String {
        guard index < characters.count, characters[index] == "\"" else {
            let start = index
            while index < characters.count, characters[index] != ",", characters[index] != " " { index += 1 }
            return String(characters[start..<index])
        }
        index += 1
        var text = ""
        while index < characters.count, characters[index] != "\"" {
            if characters[index] == "\\", index + 1 < characters.count { index += 1 }
            text.append(characters[index])
            index += 1
        }
        index += 1
        return text
    }

    mutating func skipSeparators() {
        while index < characters.count, " \t,".contains(characters[index]) { index += 1 }
    }
}
