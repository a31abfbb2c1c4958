/// One stretch of a line to hide, and what to write instead (the mask when nil).
struct Mask {
    var range: Range<Int>
    var replacement: [UInt8]?
}

/// One run of the masker over a text: walks its lines once, carrying what a line needs to know
/// about the lines before it (inside a Secret's data, inside a multi-line annotation).
struct MaskingPass {
    /// A run of indented lines that is masked because of the line that opened it.
    enum Block {
        /// A YAML `data:`/`stringData:` map: its members' values are masked, their keys kept.
        case data(indent: Int, child: Int?)
        /// A multi-line value (an annotation, a block scalar): every deeper line is masked.
        case whole(indent: Int)
    }

    /// Collect the masked values instead of only masking them.
    let collecting: Bool
    /// The masked values found, when collecting.
    private(set) var collected: Set<String> = []

    private var block: Block?
    /// JSON nesting depth, counted outside strings.
    private var depth = 0
    /// The depth of the JSON `data`/`stringData` object being read, if any.
    private var dataDepth: Int?
    /// The depth of a JSON object whose `name` is a secret's name (an env var): its `value` is masked.
    private var secretNameDepth: Int?
    /// The column of a YAML `name:` that is a secret's name: a `value:` at that column is masked.
    private var secretNameColumn: Int?
    private var masks: [Mask] = []

    /// Replace docker configs by their hosts only, instead of the mask.
    let keepsHosts: Bool
    /// Renames the hosts a docker config keeps.
    let renameHost: ((String) -> String)?

    init(collecting: Bool, keepsHosts: Bool, renameHost: ((String) -> String)?) {
        self.collecting = collecting
        self.keepsHosts = keepsHosts
        self.renameHost = renameHost
    }

    static let maskBytes = Array(SecretMasker.mask.utf8)

    /// Masks `input` line by line; line terminators are copied as they are.
    mutating func run(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 16)
        var start = 0
        let count = input.count
        while start < count {
            var end = start
            while end < count && input[end] != 0x0A { end += 1 }
            var contentEnd = end
            if contentEnd > start && input[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let line = UnsafeBufferPointer(rebasing: input[start..<contentEnd])
            masks.removeAll(keepingCapacity: true)
            scan(line)
            emit(line, into: &output)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[contentEnd..<min(end + 1, count)]))
            start = end + 1
        }
        return output
    }

    private mutating func emit(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard !masks.isEmpty else {
            output.append(contentsOf: line)
            return
        }
        if masks.count > 1 { masks.sort { $0.range.lowerBound < $1.range.lowerBound } }
        var cursor = 0
        for mask in masks {
            if mask.range.lowerBound < cursor {
                cursor = max(cursor, mask.range.upperBound)
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: line[cursor..<mask.range.lowerBound]))
            output.append(contentsOf: mask.replacement ?? Self.maskBytes)
            cursor = mask.range.upperBound
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: line[cursor...]))
    }

    /// Hides `range` of `line` (no-op when empty).
    private mutating func hide(_ range: Range<Int>, of line: UnsafeBufferPointer<UInt8>, with replacement: [UInt8]? = nil) {
        guard !range.isEmpty else { return }
        masks.append(Mask(range: range, replacement: replacement))
        if collecting {
            collected.insert(String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self))
        }
    }

    /// Hides a secret value (one of a Secret's data, or under a secret's name). A docker config
    /// keeps its registry hosts: in base64 for parsers and recordings, in words for people; its
    /// credentials go to the collection. Anything else is masked.
    private mutating func hideSecretValue(_ range: Range<Int>, of line: UnsafeBufferPointer<UInt8>) {
        guard !range.isEmpty else { return }
        let value = UnsafeBufferPointer(rebasing: line[range])
        if !collecting && !keepsHosts && DockerConfig.isShownHosts(value) { return }
        guard var config = DockerConfig(base64: value) else {
            hide(range, of: line)
            return
        }
        if let renameHost { config.hosts = config.hosts.map(renameHost) }
        hide(range, of: line, with: keepsHosts ? config.hostsOnlyBase64 : config.shownHosts)
        if collecting { collected.formUnion(config.credentials.filter { $0.utf8.count >= 4 }) }
    }

    // MARK: One line

    private mutating func scan(_ line: UnsafeBufferPointer<UInt8>) {
        var indent = 0
        while indent < line.count && (line[indent] == ByteText.space || line[indent] == ByteText.tab) { indent += 1 }
        var end = line.count
        while end > indent && ByteText.isBlank(line[end - 1]) { end -= 1 }
        if let block {
            if indent == end { return }
            if scanBlock(block, line, indent: indent, end: end) { return }
            self.block = nil
        }
        // One pass finds which bytes the line holds; each scan below that needs a byte it lacks is
        // skipped, which changes nothing it would have found.
        let present = ByteSet(line)
        if dataDepth != nil || present.contains(ByteText.quote) || present.contains(0x7B) || present.contains(0x7D)
            || present.contains(0x5B) || present.contains(0x5D)
        {
            scanJSON(line)
        }
        scanLineStartKey(line, indent: indent, end: end)
        if present.contains(ByteText.colon) && present.contains(0x2F) && present.containsLetter(0x6B) && present.containsLetter(0x62)
            && present.containsLetter(0x66) && present.containsLetter(0x67) && present.containsLetter(0x70)
        {
            scanAnnotation(line, indent: indent, end: end)
        }
        WordingRules.scan(line, end: end, present: present) { range in hide(range, of: line) }
    }

    /// Masks a line inside a block; false when the line is not indented under it (the block ends).
    private mutating func scanBlock(_ block: Block, _ line: UnsafeBufferPointer<UInt8>, indent: Int, end: Int) -> Bool {
        switch block {
        case .whole(let blockIndent):
            guard indent > blockIndent else { return false }
            hide(indent..<end, of: line)
        case .data(let blockIndent, let knownChild):
            guard indent > blockIndent else { return false }
            let child = knownChild ?? indent
            self.block = .data(indent: blockIndent, child: child)
            if indent == child, let key = YAMLKey(line, at: indent, end: end) {
                if !key.isBlockIndicator(line, end: end) { hideSecretValue(key.unquotedValue(line, end: end), of: line) }
            } else {
                hide(indent..<end, of: line)
            }
        }
        return true
    }

    /// A `KEY: value` line (YAML, `kubectl describe`, environment listings).
    private mutating func scanLineStartKey(_ line: UnsafeBufferPointer<UInt8>, indent: Int, end: Int) {
        // Quoted keys are JSON's, read by `scanJSON`.
        guard let key = YAMLKey(line, at: indent, end: end), !key.quoted else { return }
        let name = UnsafeBufferPointer(rebasing: line[key.name])
        let nameColumn = secretNameColumn
        secretNameColumn = nil
        let value = key.unquotedValue(line, end: end)
        if SecretNames.isSecretData(name) {
            if value.isEmpty {
                block = .data(indent: key.name.lowerBound, child: nil)
            } else {
                hide(key.valueStart..<end, of: line)
            }
            return
        }
        if SecretNames.isSecret(name) {
            if key.isBlockIndicator(line, end: end) {
                block = .whole(indent: indent)
            } else if !Self.isPlaceholder(UnsafeBufferPointer(rebasing: line[value])) {
                hideSecretValue(value, of: line)
            }
            return
        }
        if ByteText.equals(name, "name"), SecretNames.isSecret(UnsafeBufferPointer(rebasing: line[value])) {
            secretNameColumn = key.name.lowerBound
        } else if ByteText.equals(name, "value"), nameColumn == key.name.lowerBound {
            if key.isBlockIndicator(line, end: end) {
                block = .whole(indent: indent)
            } else {
                hide(value, of: line)
            }
        }
    }

    /// `<none>`, `<set to the key …>` and `170 bytes` (describe's sizes) show no secret.
    private static func isPlaceholder(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        if value.first == 0x3C { return true }
        guard let space = value.firstIndex(of: ByteText.space) else { return false }
        return space > 0 && value[..<space].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            && ByteText.equals(UnsafeBufferPointer(rebasing: value[(space + 1)...]), "bytes")
    }

    /// The last-applied annotation, which repeats a whole object (a Secret's data with it). As a
    /// JSON string (`-o json`), the object inside is masked as JSON is, by structure then wording,
    /// so its type, namespace and registry hosts stay readable; in any other form its value is
    /// masked to the end of the line, and any deeper lines that follow.
    private mutating func scanAnnotation(_ line: UnsafeBufferPointer<UInt8>, indent: Int, end: Int) {
        guard let found = ByteText.find("kubectl.kubernetes.io/last-applied-configuration", in: line) else { return }
        var index = found + 48
        if index < end && line[index] == ByteText.quote { index += 1 }
        guard index < end, line[index] == ByteText.colon else { return }
        index += 1
        while index < end && ByteText.isBlank(line[index]) { index += 1 }
        var valueEnd = end
        if index < end && line[index] == ByteText.quote {
            index += 1
            var closing = index
            while closing < end && line[closing] != ByteText.quote {
                closing += line[closing] == ByteText.backslash ? 2 : 1
            }
            valueEnd = min(closing, end)
            if closing < end {
                maskEmbeddedJSON(index..<valueEnd, of: line)
                return
            }
        }
        hide(index..<valueEnd, of: line)
        block = .whole(indent: indent)
    }

    /// Masks the JSON written inside a JSON string at `range`, by a pass of its own over a copy at
    /// the same offsets: each `\"` that opens a string of the inner JSON becomes ` "`, each that
    /// closes one `" `; what the inner JSON escapes (`\\\"`, a quote inside its strings) stays.
    private mutating func maskEmbeddedJSON(_ range: Range<Int>, of line: UnsafeBufferPointer<UInt8>) {
        var inner = Array(line[range])
        /// The length of the outer escape at `index`: 2 for `\x`, else 1.
        func unit(_ index: Int) -> Int { inner[index] == ByteText.backslash && index + 1 < inner.count ? 2 : 1 }
        var index = 0, inString = false
        while index < inner.count {
            let length = unit(index)
            if length == 2 && inner[index + 1] == ByteText.quote {
                if inString {
                    inner[index] = ByteText.quote
                    inner[index + 1] = ByteText.space
                } else {
                    inner[index] = ByteText.space
                }
                inString.toggle()
            } else if length == 2 && inString && inner[index + 1] == ByteText.backslash && index + 2 < inner.count {
                // The inner JSON's own escape: the character after it is content.
                index += length + unit(index + 2)
                continue
            }
            index += length
        }
        var nested = MaskingPass(collecting: collecting, keepsHosts: keepsHosts, renameHost: renameHost)
        inner.withUnsafeBufferPointer { nested.scan($0) }
        for mask in nested.masks {
            masks.append(Mask(range: (mask.range.lowerBound + range.lowerBound)..<(mask.range.upperBound + range.lowerBound), replacement: mask.replacement))
        }
        if collecting {
            for mask in nested.masks {
                collected.insert(
                    String(
                        decoding: UnsafeBufferPointer(rebasing: line[(mask.range.lowerBound + range.lowerBound)..<(mask.range.upperBound + range.lowerBound)]),
                        as: UTF8.self))
            }
            collected.formUnion(nested.collected)
        }
    }

    // MARK: JSON tokens

    private enum PendingKey { case none, data, secret, name, value }

    /// Reads the line's JSON tokens: a Secret's `data` objects, secret-named members and
    /// `{"name": "X_PASSWORD", "value": …}` pairs. Nesting is carried from line to line.
    private mutating func scanJSON(_ line: UnsafeBufferPointer<UInt8>) {
        var pending = PendingKey.none
        var index = 0
        let count = line.count
        while index < count {
            let byte = line[index]
            switch byte {
            case ByteText.quote:
                var close = index + 1
                while close < count && line[close] != ByteText.quote {
                    close += line[close] == ByteText.backslash ? 2 : 1
                }
                close = min(close, count)
                let content = (index + 1)..<close
                var after = close + 1
                while after < count && ByteText.isBlank(line[after]) { after += 1 }
                if after < count && line[after] == ByteText.colon {
                    let name = UnsafeBufferPointer(rebasing: line[content])
                    pending =
                        SecretNames.isSecretData(name)
                        ? .data
                        : SecretNames.isSecret(name)
                            ? .secret
                            : ByteText.equals(name, "name")
                                ? .name
                                : ByteText.equals(name, "value") ? .value : .none
                    index = after + 1
                    continue
                }
                jsonValue(content, of: line, pending: pending, isString: true)
                pending = .none
                index = close + 1
            case 0x7B, 0x5B:
                depth += 1
                if pending == .data && byte == 0x7B && dataDepth == nil { dataDepth = depth }
                pending = .none
                index += 1
            case 0x7D, 0x5D:
                if dataDepth == depth { dataDepth = nil }
                if secretNameDepth == depth { secretNameDepth = nil }
                depth = max(0, depth - 1)
                pending = .none
                index += 1
            case ByteText.comma, ByteText.colon, ByteText.space, ByteText.tab, 0x0D:
                index += 1
            default:
                var close = index
                while close < count, !Self.endsBareJSONValue(line[close]) { close += 1 }
                if pending != .none || dataDepth != nil { jsonValue(index..<close, of: line, pending: pending, isString: false) }
                pending = .none
                index = max(close, index + 1)
            }
        }
    }

    private static func endsBareJSONValue(_ byte: UInt8) -> Bool {
        switch byte {
        case ByteText.comma, ByteText.space, ByteText.tab, ByteText.quote, ByteText.colon, 0x7B, 0x7D, 0x5B, 0x5D, 0x0D: true
        default: false
        }
    }

    private mutating func jsonValue(_ range: Range<Int>, of line: UnsafeBufferPointer<UInt8>, pending: PendingKey, isString: Bool) {
        if let dataDepth, depth >= dataDepth {
            hideSecretValue(range, of: line)
            return
        }
        switch pending {
        case .data, .secret:
            let value = UnsafeBufferPointer(rebasing: line[range])
            if isString || !(ByteText.equals(value, "true") || ByteText.equals(value, "false") || ByteText.equals(value, "null")) {
                hideSecretValue(range, of: line)
            }
        case .name:
            if isString, SecretNames.isSecret(UnsafeBufferPointer(rebasing: line[range])) { secretNameDepth = depth }
        case .value:
            if secretNameDepth == depth { hide(range, of: line) }
        case .none:
            break
        }
    }
}

/// A `KEY: value` at the start of a line (after its indentation and an optional `- `).
struct YAMLKey {
    /// The key's bytes, without quotes.
    var name: Range<Int>
    var quoted: Bool
    /// Where the value starts (after the colon and blanks); the line's end when there is none.
    var valueStart: Int

    init?(_ line: UnsafeBufferPointer<UInt8>, at indent: Int, end: Int) {
        var index = indent
        if index + 1 < end && line[index] == 0x2D && line[index + 1] == ByteText.space {
            index += 2
            while index < end && line[index] == ByteText.space { index += 1 }
        }
        guard index < end else { return nil }
        let start: Int
        if line[index] == ByteText.quote || line[index] == ByteText.apostrophe {
            let quote = line[index]
            start = index + 1
            index = start
            while index < end && line[index] != quote { index += 1 }
            guard index < end else { return nil }
            name = start..<index
            quoted = true
            index += 1
        } else {
            start = index
            while index < end && (ByteText.isNameByte(line[index]) || line[index] == 0x2F) { index += 1 }
            guard index > start else { return nil }
            name = start..<index
            quoted = false
        }
        guard index < end ? line[index] == ByteText.colon : false else { return nil }
        index += 1
        guard index == end || ByteText.isBlank(line[index]) else { return nil }
        while index < end && ByteText.isBlank(line[index]) { index += 1 }
        valueStart = index
    }

    /// The value without surrounding quotes.
    func unquotedValue(_ line: UnsafeBufferPointer<UInt8>, end: Int) -> Range<Int> {
        guard end - valueStart >= 2 else { return valueStart..<end }
        let first = line[valueStart]
        if (first == ByteText.quote || first == ByteText.apostrophe) && line[end - 1] == first {
            return (valueStart + 1)..<(end - 1)
        }
        return valueStart..<end
    }

    /// Whether the value is `|`, `>` or one of their variants: the value is on the deeper lines.
    func isBlockIndicator(_ line: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
        guard valueStart < end, line[valueStart] == 0x7C || line[valueStart] == 0x3E else { return false }
        return line[(valueStart + 1)..<end].allSatisfy { $0 == 0x2D || $0 == 0x2B || ($0 >= 0x31 && $0 <= 0x39) }
    }
}
