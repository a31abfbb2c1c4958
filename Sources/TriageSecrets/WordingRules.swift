/// The free-text rules: secrets recognised by the words around them or by their own shape. Each
/// rule reads a line once, left to right; a rule that finds a value goes on after it.
enum WordingRules {
    /// Calls `hide` with each range of `line[..<end]` that holds a secret. `present` says which
    /// bytes the line holds: a rule runs only when the line has every byte it needs to find
    /// anything (a separator, a dash, `@` …).
    static func scan(_ line: UnsafeBufferPointer<UInt8>, end: Int, present: ByteSet? = nil, hide: (Range<Int>) -> Void) {
        guard end > 0 else { return }
        let present = present ?? ByteSet(UnsafeBufferPointer(rebasing: line[..<end]))
        let colon = present.contains(ByteText.colon), equals = present.contains(ByteText.equals)
        if colon || equals || present.contains(ByteText.backslash) { assignments(line, end: end, hide: hide) }
        if present.contains(0x2D) { flags(line, end: end, hide: hide) }
        if (colon || equals) && present.containsLetter(0x7A) { credentialHeader("authorization", line, end: end, hide: hide) }
        if (colon || equals) && present.containsLetter(0x6B) { credentialHeader("cookie", line, end: end, hide: hide) }
        if present.contains(ByteText.space) && present.containsLetter(0x62) { schemeCredentials(line, end: end, hide: hide) }
        if colon && present.contains(0x40) { urlUserInfo(line, end: end, hide: hide) }
        opaqueWords(line, end: end, hide: hide)
    }

    /// Bytes before a name that let it start a `NAME=value` or `NAME:value`.
    private static func isNameBoundary(_ byte: UInt8) -> Bool {
        switch byte {
        case ByteText.space, ByteText.tab, ByteText.quote, ByteText.apostrophe, 0x7B, ByteText.comma, 0x3B, 0x3F, 0x26, 0x28, 0x5B,
            ByteText.equals, 0x7C:
            true
        default: false
        }
    }

    /// Where an unquoted value ends.
    private static func endsValue(_ line: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
        switch line[index] {
        case ByteText.space, ByteText.tab, ByteText.quote, ByteText.apostrophe, ByteText.comma, 0x3B, 0x26, 0x29, 0x5D, 0x7D, 0x3C, 0x3E:
            return true
        case ByteText.backslash:
            // A JSON escape inside a string: `\"`, `\u0026`, `\n` end the value.
            guard index + 1 < end else { return false }
            return [ByteText.quote, 0x75, 0x6E, 0x72, 0x74].contains(line[index + 1])
        default:
            return false
        }
    }

    /// The value starting at `start`: inside its quotes (`"…"`, `'…'`, `\"…\"`), or up to the
    /// next byte that ends a value.
    private static func value(_ line: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Range<Int> {
        guard start < end else { return start..<start }
        var quote: [UInt8]? = nil
        if line[start] == ByteText.quote || line[start] == ByteText.apostrophe {
            quote = [line[start]]
        } else if line[start] == ByteText.backslash, start + 1 < end, line[start + 1] == ByteText.quote {
            quote = [ByteText.backslash, ByteText.quote]
        }
        if let quote {
            let open = start + quote.count
            var index = open
            while index + quote.count <= end {
                if line[index] == quote[0] && (quote.count == 1 || line[index + 1] == quote[1]) { return open..<index }
                index += 1
            }
            return open..<end
        }
        var index = start
        while index < end && !endsValue(line, index, end) { index += 1 }
        return start..<index
    }

    /// `NAME=value`, `NAME\u003dvalue` (JSON's escape) and `NAME:value` (no space) for a secret
    /// name: environment variables, `--password=…`, query strings, `password:PASS`.
    static func assignments(_ line: UnsafeBufferPointer<UInt8>, end: Int, hide: (Range<Int>) -> Void) {
        var index = 1
        while index < end {
            let byte = line[index]
            var separator = 0
            if byte == ByteText.equals {
                separator = 1
            } else if byte == ByteText.backslash, ByteText.hasPrefix(line, at: index, caseInsensitive: "\\u003d") {
                separator = 6
            } else if byte == ByteText.colon, index + 1 < end,
                !ByteText.isBlank(line[index + 1]), line[index + 1] != 0x2F, line[index + 1] != ByteText.colon
            {
                separator = 1
            } else if byte == ByteText.colon, index + 1 < end, ByteText.isBlank(line[index + 1]), opensFlowMember(line, before: index) {
                // `{password: VALUE}` and `, token: VALUE`: a member of a YAML flow mapping.
                separator = 2
            }
            // `NAME = value` (ini files, shell output) too, for `=` only.
            var nameEnd = index
            if separator > 0 && byte != ByteText.colon {
                while nameEnd > 1 && ByteText.isBlank(line[nameEnd - 1]) { nameEnd -= 1 }
            }
            guard separator > 0, ByteText.isNameByte(line[nameEnd - 1]) else {
                index += 1
                continue
            }
            var start = nameEnd - 1
            while start > 0 && ByteText.isNameByte(line[start - 1]) { start -= 1 }
            guard start == 0 || isNameBoundary(line[start - 1]),
                SecretNames.isSecret(UnsafeBufferPointer(rebasing: line[start..<nameEnd]))
            else {
                index += separator
                continue
            }
            var valueStart = index + separator
            if nameEnd < index { while valueStart < end && ByteText.isBlank(line[valueStart]) { valueStart += 1 } }
            let found = value(line, from: valueStart, end: end)
            if !found.isEmpty { hide(found) }
            index = max(found.upperBound, index + separator)
        }
    }

    /// Whether the name that ends at `colon` follows a `{` or a `,` (blanks between): a member of
    /// a flow mapping, rather than a word of a sentence.
    private static func opensFlowMember(_ line: UnsafeBufferPointer<UInt8>, before colon: Int) -> Bool {
        var index = colon
        while index > 0 && ByteText.isNameByte(line[index - 1]) { index -= 1 }
        guard index < colon else { return false }
        while index > 0 && ByteText.isBlank(line[index - 1]) { index -= 1 }
        return index > 0 && (line[index - 1] == 0x7B || line[index - 1] == ByteText.comma)
    }

    /// `--password VALUE`, `--token "VALUE"`, `["--password", "VALUE"]`, `docker login -p VALUE`,
    /// and the password of `-u user:password`.
    static func flags(_ line: UnsafeBufferPointer<UInt8>, end: Int, hide: (Range<Int>) -> Void) {
        // Found only when a `-p` asks for it: most lines have no login.
        var login: Int?, searchedLogin = false
        var index = 0
        while index < end {
            guard line[index] == 0x2D, index == 0 || isFlagBoundary(line[index - 1]) else {
                index += 1
                continue
            }
            var nameStart = index
            while nameStart < end && nameStart < index + 2 && line[nameStart] == 0x2D { nameStart += 1 }
            var nameEnd = nameStart
            while nameEnd < end && ByteText.isNameByte(line[nameEnd]) { nameEnd += 1 }
            let name = UnsafeBufferPointer(rebasing: line[nameStart..<nameEnd])
            let dashes = nameStart - index
            var isPassword = false
            if dashes == 1 && name.first == 0x70 {
                if !searchedLogin {
                    let before = UnsafeBufferPointer(rebasing: line[..<end])
                    login = ByteText.find("login", in: before) ?? ByteText.find("mysql", in: before)
                    searchedLogin = true
                }
                isPassword = login.map { $0 < index } ?? false
                // `-pPASSWORD`, as docker login and mysql take it, the value joined to the flag.
                if isPassword && name.count > 1 {
                    hide((nameStart + 1)..<value(line, from: nameStart + 1, end: end).upperBound)
                    index = nameEnd
                    continue
                }
            }
            let isUser = (dashes == 1 && ByteText.equals(name, "u")) || (dashes == 2 && ByteText.equals(name, "user"))
            guard nameEnd > nameStart, nameEnd < end, isPassword || isUser || SecretNames.isSecret(name) else {
                index = max(nameEnd, index + 1)
                continue
            }
            // The flag's own closing quote, then the separator: blanks, or a comma in a list.
            var valueStart = nameEnd
            if line[valueStart] == ByteText.quote || line[valueStart] == ByteText.apostrophe { valueStart += 1 }
            let separatorStart = valueStart
            while valueStart < end && (ByteText.isBlank(line[valueStart]) || line[valueStart] == ByteText.comma || line[valueStart] == ByteText.equals) {
                valueStart += 1
            }
            guard valueStart > separatorStart, valueStart < end, line[valueStart] != 0x2D else {
                index = nameEnd
                continue
            }
            var found = value(line, from: valueStart, end: end)
            if isUser {
                guard let colon = line[found].firstIndex(of: ByteText.colon) else {
                    index = found.upperBound
                    continue
                }
                found = (colon + 1)..<found.upperBound
            }
            if !found.isEmpty { hide(found) }
            index = max(found.upperBound, nameEnd)
        }
    }

    private static func isFlagBoundary(_ byte: UInt8) -> Bool {
        ByteText.isBlank(byte) || byte == ByteText.quote || byte == ByteText.apostrophe || byte == 0x5B || byte == ByteText.comma
    }

    /// `Authorization: Basic …`, `"authorization":"Bearer …"`, `Proxy-Authorization=…`,
    /// `Cookie: session=…`, `Set-Cookie: …`: the whole credential after the scheme, to the end of
    /// the value. The word must stand where a header or a key does: a sentence that ends in it
    /// (the registry's "may require authorization: server message: insufficient_scope") names no
    /// credential.
    static func credentialHeader(_ header: StaticString, _ line: UnsafeBufferPointer<UInt8>, end: Int, hide: (Range<Int>) -> Void) {
        let text = UnsafeBufferPointer(rebasing: line[..<end])
        var from = 0
        while let found = ByteText.find(header, in: text, from: from) {
            var index = found + header.utf8CodeUnitCount
            from = index
            guard standsAsName(line, at: found) else { continue }
            if index < end && (line[index] == ByteText.quote || line[index] == ByteText.apostrophe) { index += 1 }
            while index < end && ByteText.isBlank(line[index]) { index += 1 }
            guard index < end, line[index] == ByteText.colon || line[index] == ByteText.equals else { continue }
            index += 1
            while index < end && ByteText.isBlank(line[index]) { index += 1 }
            var closing: UInt8?
            if index < end && (line[index] == ByteText.quote || line[index] == ByteText.apostrophe) {
                closing = line[index]
                index += 1
            }
            var schemeEnd = index
            while schemeEnd < end && ((line[schemeEnd] | 0x20) >= 0x61 && (line[schemeEnd] | 0x20) <= 0x7A) { schemeEnd += 1 }
            if schemeEnd > index && schemeEnd < end && line[schemeEnd] == ByteText.space {
                index = schemeEnd
                while index < end && line[index] == ByteText.space { index += 1 }
            }
            var valueEnd = index
            while valueEnd < end && (closing.map { line[valueEnd] != $0 } ?? true) { valueEnd += 1 }
            if valueEnd > index { hide(index..<valueEnd) }
            from = max(from, valueEnd)
        }
    }

    /// Whether the word at `start` is a header's or a key's name: at the start of the line or of
    /// a quoted key, after `-` (`Proxy-Authorization`) or punctuation, and not the last word of
    /// a sentence (a word, then blanks, before it).
    private static func standsAsName(_ line: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var index = start
        while index > 0 && ByteText.isBlank(line[index - 1]) { index -= 1 }
        guard index > 0 else { return true }
        let before = line[index - 1]
        let wordBefore = isLetter(before) || (before >= 0x30 && before <= 0x39)
        return index == start ? !isLetter(before) : !wordBefore
    }

    /// `Bearer TOKEN` and `Basic TOKEN` anywhere: the whole token. A challenge's parameters
    /// (`Bearer realm="…"`) and plain words (`basic authentication`) are not credentials.
    static func schemeCredentials(_ line: UnsafeBufferPointer<UInt8>, end: Int, hide: (Range<Int>) -> Void) {
        var index = 0
        while index + 6 < end {
            let first = ByteText.lower(line[index])
            guard first == 0x62, index == 0 || !isLetter(line[index - 1]) else {
                index += 1
                continue
            }
            let length =
                ByteText.hasPrefix(line, at: index, caseInsensitive: "bearer ")
                ? 6
                : ByteText.hasPrefix(line, at: index, caseInsensitive: "basic ") ? 5 : 0
            guard length > 0 else {
                index += 1
                continue
            }
            var start = index + length
            while start < end && line[start] == ByteText.space { start += 1 }
            var tokenEnd = start
            var parameter = false, telling = false
            while tokenEnd < end && !ByteText.isBlank(line[tokenEnd]) && line[tokenEnd] != ByteText.quote && line[tokenEnd] != ByteText.apostrophe {
                let byte = line[tokenEnd]
                // `=` inside the word (not base64 padding) makes it a parameter: `realm="…"`.
                if byte == ByteText.equals, tokenEnd + 1 < end, line[tokenEnd + 1] != ByteText.equals, !ByteText.isBlank(line[tokenEnd + 1]) {
                    parameter = true
                }
                if !isLetter(byte) || (byte >= 0x41 && byte <= 0x5A) { telling = true }
                tokenEnd += 1
            }
            if tokenEnd - start >= 8 && telling && !parameter { hide(start..<tokenEnd) }
            index = max(tokenEnd, index + length)
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }

    /// `scheme://user:PASSWORD@host` (also JSON's `:\/\/`): the password; a long user info with
    /// no password (a token used as the user name) entirely.
    static func urlUserInfo(_ line: UnsafeBufferPointer<UInt8>, end: Int, hide: (Range<Int>) -> Void) {
        var index = 0
        while index + 3 < end {
            guard line[index] == ByteText.colon else {
                index += 1
                continue
            }
            var start = index + 1
            if ByteText.hasPrefix(line, at: start, caseInsensitive: "//") {
                start += 2
            } else if ByteText.hasPrefix(line, at: start, caseInsensitive: "\\/\\/") {
                start += 4
            } else {
                index += 1
                continue
            }
            var authorityEnd = start, at: Int?, colon: Int?
            loop: while authorityEnd < end {
                switch line[authorityEnd] {
                case 0x2F, ByteText.backslash, 0x3F, 0x23, ByteText.space, ByteText.tab, ByteText.quote, ByteText.apostrophe, 0x3C, 0x3E:
                    break loop
                case 0x40: at = authorityEnd
                case ByteText.colon: if at == nil, colon == nil { colon = authorityEnd }
                default: break
                }
                authorityEnd += 1
            }
            if let at {
                if let colon, colon < at {
                    hide((colon + 1)..<at)
                } else if at - start >= 16 {
                    hide(start..<at)
                }
            }
            index = max(authorityEnd, index + 1)
        }
    }

    /// Tokens by prefix: GitHub, GitLab, Docker Hub, AWS access key ids, Slack.
    static let tokenPrefixes: [StaticString] = [
        "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "gldt-", "glrt-", "dckr_pat_", "akia", "asia", "xoxb-", "xoxp-",
    ]

    /// Words that are secrets by their shape: a known token prefix, a JSON web token, a long
    /// base64 blob (not hex, not a path), and base64 of `user:password` however short.
    static func opaqueWords(_ line: UnsafeBufferPointer<UInt8>, end: Int, hide: (Range<Int>) -> Void) {
        var index = 0
        while index < end {
            guard ByteText.isBase64Byte(line[index]) else {
                index += 1
                continue
            }
            let start = index
            var upper = false, lower = false, hex = true, slashes = 0
            while index < end && ByteText.isBase64Byte(line[index]) {
                let byte = line[index]
                if byte >= 0x41 && byte <= 0x5A {
                    upper = true; if byte > 0x46 { hex = false }
                } else if byte >= 0x61 && byte <= 0x7A {
                    lower = true; if byte > 0x66 { hex = false }
                } else if byte == 0x2F {
                    slashes += 1; hex = false
                } else if byte > 0x39 || byte < 0x30 {
                    hex = false
                }
                index += 1
            }
            var wordEnd = index
            // A JSON web token: three base64url parts joined by dots.
            if ByteText.hasPrefix(line, at: start, caseInsensitive: "eyj"), line[start + 2] == 0x4A {
                var parts = 1
                while wordEnd + 1 < end && line[wordEnd] == 0x2E && ByteText.isBase64Byte(line[wordEnd + 1]) && parts < 3 {
                    wordEnd += 1
                    while wordEnd < end && ByteText.isBase64Byte(line[wordEnd]) { wordEnd += 1 }
                    parts += 1
                }
                if parts == 3 {
                    hide(start..<wordEnd)
                    index = wordEnd
                    continue
                }
                wordEnd = index
            }
            let length = wordEnd - start
            var padded = wordEnd
            while padded < end && padded < wordEnd + 2 && line[padded] == ByteText.equals { padded += 1 }
            index = padded
            guard length >= 8 else { continue }
            let prefixed = tokenPrefixes.contains { ByteText.hasPrefix(line, at: start, caseInsensitive: $0) && length >= $0.utf8CodeUnitCount + 8 }
            // AWS access key ids are upper case: `asia…` and `akia…` words are not.
            let awsShaped = ByteText.lower(line[start]) != 0x61 || (upper && !lower)
            if prefixed && awsShaped {
                hide(start..<padded)
            } else if length >= 40 && !hex && upper && lower && slashes <= 2 {
                hide(start..<padded)
            } else if length <= 256 && encodesCredentialPair(UnsafeBufferPointer(rebasing: line[start..<wordEnd])) {
                hide(start..<padded)
            }
        }
    }

    /// Whether base64 `word` decodes to printable ASCII of the form `user:password`. Decodes
    /// as it reads and stops at the first byte that rules it out.
    static func encodesCredentialPair(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count % 4 != 1 else { return false }
        var accumulator: UInt32 = 0, bits = 0, decoded = 0, colon = -1
        for byte in word {
            guard let value = ByteText.base64Value(byte) else { return false }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                let character = UInt8(truncatingIfNeeded: accumulator >> UInt32(bits))
                guard character > 0x20 && character < 0x7F else { return false }
                if character == ByteText.colon && colon < 0 { colon = decoded }
                decoded += 1
            }
        }
        return colon > 0 && colon < decoded - 1
    }
}
