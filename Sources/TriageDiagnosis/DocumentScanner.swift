/// Identity facts known for one structured item (an event, a container, a container status)
/// or, at index 0, for the whole document.
struct ItemFacts: Sendable {
    var pod: String?
    var namespace: String?
    var container: String?
    var node: String?
    var image: String?
    /// The enclosing item, whose facts apply when this one lacks them.
    var parent: Int?
}

/// The part one input line contributes to a record.
struct RecordSegment: Sendable {
    /// 0-based index of the input line.
    let line: Int
    /// Where the segment starts in the record text.
    let recordOffset: Int
    /// Where the segment starts in the cleaned line.
    let cleanedOffset: Int
    /// Length of the segment in bytes.
    let length: Int
    /// Whether the segment is a decoded JSON string whose raw bytes (escapes and all) start at
    /// `cleanedOffset` of the input line, rather than a stretch of the cleaned line.
    var jsonString = false
}

/// Identity facts read from the words of one record.
struct RecordFacts: Sendable {
    var image: String?
    var imageRank = Int.max
    /// The first reference in the record that names its registry, when ``image`` does not: the
    /// runtime's spelling of what it pulled (CRI-O's short-name search turns `team/app` into
    /// `quay.io/team/app`).
    var qualifiedImage: String?
    var pod: String?
    var namespace: String?
    var container: String?
    var node: String?
}

/// A message that may describe a pull failure, with its phrase hits.
struct CandidateRecord: Sendable {
    var segments: [RecordSegment]
    var text: [UInt8]
    var hits: [PhraseHit]
    var present: PhraseSet
    var item: Int
    var facts: RecordFacts
    /// The image last mentioned before this record, used when the record names none.
    var precedingImage: String?
    /// The record's classification when it is read as being about pulling an image.
    var classificationInPullContext: Classification
    /// Whether the record itself, or the unstructured pull output it continues, is about pulling
    /// an image (context from the rest of its structured item is added when the scan is done).
    var hasPullContext: Bool
}

/// The records and context read from a whole input.
struct ScannedDocument: Sendable {
    var candidates: [CandidateRecord] = []
    var items: [ItemFacts] = [ItemFacts()]
    var lineRanges: [Range<Int>] = []
    var runtimeFamilies: Set<RuntimeMarkers.Family> = []
    /// The structured items (an event, a container status) with a record about pulling an image:
    /// the item's other records are read as being about that pull too.
    var pullContextItems: Set<Int> = []
}

/// Reads the input line by line: cleans paste noise, joins wrapped lines into records, follows
/// the indentation structure of YAML/JSON/describe output for pod, container, node and image,
/// and keeps every record whose words could classify a pull failure.
struct DocumentScanner {
    private let vocabulary = Vocabulary.shared
    private let classifier = RecordClassifier.shared
    /// What the scan found so far.
    var document = ScannedDocument()
    /// The open blocks: their indentation (JSON nesting depth for a JSON document), key, and item.
    var stack: [(indent: Int, key: StructuralKey, item: Int?)] = []
    private var pending: Pending?
    private var currentImage: String?
    /// Whether the unstructured lines read since the last log entry or event row are the output
    /// of a pull still under way (`TAG: Pulling from REPO` and what follows it).
    private var inPullOutput = false
    /// Reused buffer for lines that need cleaning.
    private var cleaned: [UInt8] = []
    private var hitBuffer: [PhraseHit] = []

    private struct Pending {
        var segments: [RecordSegment]
        var text: [UInt8]
        var item: Int
        var yamlIndent: Int?
        var openQuote: Bool
    }

    /// Scans `bytes` (UTF-8 text) and returns what it found: value by value when the input is
    /// one JSON document, else line by line.
    static func scan(_ bytes: [UInt8]) -> ScannedDocument {
        let lines = lineRanges(of: bytes)
        if let json = scanJSON(bytes, lines: lines) { return json }
        var scanner = DocumentScanner()
        scanner.document.lineRanges = lines
        bytes.withUnsafeBufferPointer { buffer in
            for (index, range) in lines.enumerated() {
                scanner.process(line: index, raw: UnsafeBufferPointer(rebasing: buffer[range]))
            }
        }
        scanner.finishPending()
        return scanner.document
    }

    /// The byte range of every line (without its line feed).
    static func lineRanges(of bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start <= buffer.count {
                let end = ByteSearch.index(of: 0x0A, in: buffer, from: start) ?? buffer.count
                ranges.append(start..<end)
                start = end + 1
            }
        }
        return ranges
    }

    private mutating func process(line: Int, raw: UnsafeBufferPointer<UInt8>) {
        if let indent = TextCleaner.indentIfClean(raw) {
            process(line: line, raw: raw, text: raw, indent: indent)
            return
        }
        var buffer = cleaned
        cleaned = []
        buffer.removeAll(keepingCapacity: true)
        var noOrigins: [TextCleaner.Origin]?
        TextCleaner.clean(raw, into: &buffer, origins: &noOrigins)
        buffer.withUnsafeBufferPointer { text in
            var indent = 0
            while indent < text.count, text[indent] == 0x20 { indent += 1 }
            process(line: line, raw: raw, text: text, indent: indent)
        }
        cleaned = buffer
    }

    /// Processes one line given both as read (`raw`) and cleaned (`text`, indented by `indent` spaces).
    private mutating func process(line: Int, raw: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>, indent: Int) {
        guard indent < text.count else { finishPending(); return }
        if pending != nil, let joiner = continuation(of: pending!, indent: indent, text: text) {
            let from = joiner == .space ? indent : 0
            if joiner == .space { pending!.text.append(0x20) }
            pending!.segments.append(RecordSegment(line: line, recordOffset: pending!.text.count, cleanedOffset: from, length: text.count - from))
            pending!.text.append(contentsOf: UnsafeBufferPointer(rebasing: text[from...]))
            pending!.openQuote = pending!.openQuote != Self.hasOddQuotes(raw)
            return
        }
        finishPending()
        let first = text[indent]
        if first == 0x7D || first == 0x5D {  // } or ]
            popStack(atOrAbove: indent)
            return
        }
        if (first == 0x7B || first == 0x5B) && text.count - indent <= 2 {  // a bare { or [ opens a list item
            openItem(at: indent)
            return
        }
        var yamlIndent: Int?
        if let pair = KeyValueLine.parse(text, indent: indent) {
            if let listIndent = pair.listItemIndent { openItem(at: listIndent) }
            popStack(atOrAbove: pair.indent)
            if handleStructural(pair, text: text) { return }
            if pair.opensBlock { stack.append((pair.indent, pair.key, nil)) }
            if !pair.isJSON, pair.key == .message { yamlIndent = pair.indent }
        }
        pending = Pending(
            segments: [RecordSegment(line: line, recordOffset: 0, cleanedOffset: 0, length: text.count)],
            text: Array(text), item: innermostItem, yamlIndent: yamlIndent, openQuote: Self.hasOddQuotes(raw))
    }

    /// How a continuation line joins the open record.
    private enum Joiner { case space, nothing }

    /// How the current line continues the open record (after a space without its indentation, or
    /// directly for a terminal wrap inside a word), or `nil` when it starts a new record.
    private func continuation(of open: Pending, indent: Int, text: UnsafeBufferPointer<UInt8>) -> Joiner? {
        guard open.segments.count < 8 else { return nil }
        if let yamlIndent = open.yamlIndent, indent > yamlIndent, !(text.count > indent + 1 && text[indent] == 0x2D && text[indent + 1] == 0x20) {
            return .space
        }
        if open.openQuote { return .space }
        guard let last = open.segments.last, last.length >= 70, indent == 0, let lastByte = open.text.last,
            Self.isAlphanumeric(lastByte), Self.isLowercaseOrDigit(text[0]), Self.looksLikeWrappedTail(text)
        else { return nil }
        return .nothing
    }

    private mutating func finishPending() {
        guard let open = pending else { return }
        pending = nil
        consider(open.text, segments: open.segments, item: open.item, isLineFormat: true)
    }

    /// Keeps `text` as a candidate record when its phrases can classify a pull failure, with the
    /// identity facts its words give; `isLineFormat` reads journal hosts and `kubectl get pods` rows.
    ///
    /// A record that does not itself say it is about pulling borrows that context only from where
    /// it belongs: the rest of its structured item, or, in unstructured text, the pull output it
    /// continues. A log entry or event row starts afresh: it is a message of its own, about
    /// whatever object it names, and so is everything after a pull that finished.
    mutating func consider(_ text: [UInt8], segments: [RecordSegment], item: Int, isLineFormat: Bool) {
        let unstructured = item == 0 && isLineFormat
        if unstructured, inPullOutput, Self.startsEntry(text) { inPullOutput = false }
        hitBuffer.removeAll(keepingCapacity: true)
        vocabulary.matcher.scan(text, into: &hitBuffer)
        guard !hitBuffer.isEmpty else { return }
        var present = PhraseSet()
        var hasMarker = false
        for hit in hitBuffer {
            present.insert(hit.phrase)
            if let family = vocabulary.runtimeFamily[hit.phrase] { document.runtimeFamilies.insert(family) }
            if vocabulary.factMarker[hit.phrase] != nil { hasMarker = true }
        }
        let continuesPull = unstructured && inPullOutput
        let ownContext = classifier.hasPullContext(present)
        if ownContext {
            if !unstructured { document.pullContextItems.insert(item) } else { inPullOutput = !Self.reportsFinishedPull(text) }
        }
        var facts = RecordFacts()
        if hasMarker { facts = readFacts(text) }
        if isLineFormat, let node = Self.journalHost(text) { facts.node = facts.node ?? node }
        let preceding = currentImage
        if let image = facts.image, !Self.repeats(image, rank: facts.imageRank, current: currentImage) { currentImage = image }
        guard let classification = classifier.classify(hits: hitBuffer, present: present, inPullContext: true) else { return }
        if isLineFormat, facts.pod == nil { facts.pod = Self.podFromGetPodsRow(text) }
        document.candidates.append(
            CandidateRecord(
                segments: segments, text: text, hits: hitBuffer, present: present,
                item: item, facts: facts, precedingImage: preceding,
                classificationInPullContext: classification, hasPullContext: ownContext || continuesPull))
    }

    // MARK: Structure

    var innermostItem: Int { stack.last(where: { $0.item != nil })?.item ?? 0 }

    private mutating func popStack(atOrAbove indent: Int) {
        while let last = stack.last, last.indent >= indent { stack.removeLast() }
    }

    private mutating func openItem(at indent: Int) {
        while let last = stack.last, last.indent > indent || (last.indent == indent && last.item != nil) { stack.removeLast() }
        document.items.append(ItemFacts(parent: innermostItem))
        stack.append((indent, .listItem, document.items.count - 1))
    }

    /// Records what a key/value line says about the pod, container, node or image; `true` when the
    /// line is pure structure and cannot be a failure message.
    private mutating func handleStructural(_ pair: KeyValueLine, text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch pair.key {
        case .name, .namespace, .node, .host, .fieldPath, .image:
            noteIdentity(pair.key, value: UnsafeBufferPointer(rebasing: text[pair.valueRange]))
        case .inert where pair.listItemIndent == nil && (pair.isJSON || !pair.valueRange.isEmpty):
            break
        case .containerList, .involvedObject, .source, .metadata, .block:
            // A block key with a value on its line is text: docker's `Status: Downloaded newer image …`.
            guard pair.opensBlock else { return pair.key != .block }
            stack.append((pair.indent, pair.key, nil))
        case _ where pair.opensBlock && !pair.isJSON && pair.listItemIndent == nil && stack.last?.key == .containerList:
            // `kubectl describe` container header ("  web:" under "Containers:").
            document.items.append(ItemFacts(container: pair.keyText(in: text), parent: innermostItem))
            stack.append((pair.indent, pair.key, document.items.count - 1))
        default:
            return false
        }
        return true
    }

    /// Records what the scalar `value` of an identity key (name, namespace, node, host, fieldPath,
    /// image) says, given the blocks it is in: an event's involved pod, a container's name, the
    /// node, a container's image, or the document's own pod and namespace.
    mutating func noteIdentity(_ key: StructuralKey, value: UnsafeBufferPointer<UInt8>) {
        let item = innermostItem
        let parentKey = stack.last?.key
        let grandparentKey = stack.count >= 2 ? stack[stack.count - 2].key : nil
        let atTop = stack.isEmpty || (parentKey == .metadata && stack.count <= 2)
        func text() -> String { String(decoding: value, as: UTF8.self) }
        switch key {
        case .name:
            if parentKey == .involvedObject {
                document.items[item].pod = text()
            } else if parentKey == .listItem, grandparentKey == .containerList {
                document.items[item].container = text()
            } else if atTop, !value.isEmpty, document.items[0].pod == nil {
                document.items[0].pod = text()
            }
        case .namespace:
            if parentKey == .involvedObject {
                document.items[item].namespace = text()
            } else if atTop, document.items[0].namespace == nil {
                document.items[0].namespace = text()
            }
        case .node:
            if document.items[0].node == nil, let name = value.split(separator: 0x2F).first {
                document.items[0].node = String(decoding: name, as: UTF8.self)
            }
        case .host:
            if parentKey == .source { document.items[item].node = text() }
        case .fieldPath:
            if let open = value.firstIndex(of: 0x7B), let close = value.lastIndex(of: 0x7D), open < close {
                document.items[item].container = String(decoding: UnsafeBufferPointer(rebasing: value[(open + 1)..<close]), as: UTF8.self)
            }
        case .image:
            if !value.isEmpty { document.items[item].image = text() }
        default:
            break
        }
    }

    // MARK: Facts from words

    private func readFacts(_ text: [UInt8]) -> RecordFacts {
        var facts = RecordFacts()
        var imageNamesRegistry = false
        for hit in hitBuffer {
            guard let marker = vocabulary.factMarker[hit.phrase] else { continue }
            switch marker {
            case .image(let rank, let style):
                let wanted = rank < facts.imageRank
                let qualifies = facts.qualifiedImage == nil && !imageNamesRegistry
                guard wanted || qualifies, let value = FactReader.image(in: text, hit: hit, style: style) else { continue }
                let namesRegistry = FactReader.namesRegistry(value)
                if qualifies, namesRegistry { facts.qualifiedImage = value }
                if wanted {
                    facts.image = value
                    facts.imageRank = rank
                    imageNamesRegistry = namesRegistry
                }
            case .pod(let style):
                let standsAlone = hit.start == 0 || !Self.isAlphanumeric(text[hit.start - 1]) && text[hit.start - 1] != 0x2F
                if facts.pod == nil, style != .bare || standsAlone, let value = FactReader.value(in: text, from: hit.end, style: style) {
                    (facts.namespace, facts.pod) = FactReader.splitPodName(value, kubeletForm: style != .bare)
                }
            case .container(let style):
                if facts.container == nil, let value = FactReader.value(in: text, from: hit.end, style: style), !value.isEmpty {
                    facts.container = value
                }
            case .node(let style):
                if facts.node == nil, let value = FactReader.value(in: text, from: hit.end, style: style), !value.isEmpty {
                    facts.node = value
                }
            case .assignment:
                if let (namespace, pod, node) = FactReader.assignment(in: text, from: hit.end) {
                    facts.namespace = facts.namespace ?? namespace
                    facts.pod = facts.pod ?? pod
                    facts.node = facts.node ?? node
                }
            }
        }
        return facts
    }

    /// Whether a low-rank mention (`TAG: Pulling from REPO`, which drops the registry) only
    /// repeats the image already named (`docker pull ghcr.io/REPO:TAG`).
    static func repeats(_ image: String, rank: Int, current: String?) -> Bool {
        guard rank >= 4, let current else { return false }
        let repository = image.split(separator: ":").first.map(String.init) ?? image
        return FactReader.find(Array(repository.utf8), in: Array(current.utf8), from: 0) != nil
    }

    // MARK: Byte helpers

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isLowercaseOrDigit(_ byte: UInt8) -> Bool { (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) }

    /// Whether a line can be the rest of a word wrapped by the terminal: no column gaps (two
    /// spaces, as in tables) and a first word that is not a short label (`latest:`, `abc123:`).
    static func looksLikeWrappedTail(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let firstWordEnd = line.firstIndex(of: 0x20) ?? line.count
        if firstWordEnd > 0, firstWordEnd <= 20, line[firstWordEnd - 1] == 0x3A { return false }
        for index in line.indices.dropFirst() where line[index] == 0x20 && line[index - 1] == 0x20 { return false }
        return true
    }

    /// Whether the raw line has an odd number of double quotes not escaped by a backslash.
    static func hasOddQuotes(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var odd = false
        var previous: UInt8 = 0
        for byte in raw {
            if byte == 0x22 && previous != 0x5C { odd.toggle() }
            previous = byte == 0x5C && previous == 0x5C ? 0 : byte
        }
        return odd
    }

    /// The host of a syslog/journal line (`Aug 27 11:38:17 node-1 kubelet[42]: …`).
    static func journalHost(_ text: [UInt8]) -> String? {
        guard text.count > 20, text[3] == 0x20, (0x41...0x5A).contains(text[0]), text[9] == 0x3A, text[12] == 0x3A, text[15] == 0x20 else { return nil }
        var end = 16
        while end < text.count, text[end] != 0x20 { end += 1 }
        guard end < text.count, end > 16, text[(end + 1)...].prefix(40).contains(0x5B) else { return nil }
        return String(decoding: text[16..<end], as: UTF8.self)
    }

    /// Whether a line starts an entry of its own: a journal or syslog line, a klog line
    /// (`E0302 10:11:12.000001 …`), a logfmt line (`time="…" level=…`), or a row of an event table
    /// (`kubectl describe`, `kubectl get events`: a `Normal` or `Warning` column among the first
    /// few).
    static func startsEntry(_ text: [UInt8]) -> Bool {
        var start = 0
        while start < text.count, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
        func isDigit(_ offset: Int) -> Bool { start + offset < text.count && (0x30...0x39).contains(text[start + offset]) }
        func isKlogLevel(_ byte: UInt8) -> Bool { byte == 0x49 || byte == 0x57 || byte == 0x45 || byte == 0x46 }  // I W E F
        if start + 8 < text.count, isKlogLevel(text[start]), (1...4).allSatisfy(isDigit), text[start + 5] == 0x20,
            isDigit(6), isDigit(7), text[start + 8] == 0x3A
        {
            return true
        }
        if text[start...].starts(with: "time=".utf8) || journalHost(text) != nil { return true }
        var tokenCount = 0
        var index = start
        while index < text.count, tokenCount < 12 {
            var end = index
            while end < text.count, text[end] != 0x20, text[end] != 0x09 { end += 1 }
            let token = text[index..<end]
            if end < text.count, token.elementsEqual("Normal".utf8) || token.elementsEqual("Warning".utf8) { return true }
            tokenCount += 1
            index = end
            while index < text.count, text[index] == 0x20 || text[index] == 0x09 { index += 1 }
        }
        return false
    }

    /// Whether a line reports a pull that finished: what follows it is about using the image.
    static func reportsFinishedPull(_ text: [UInt8]) -> Bool {
        let slice = text[...]
        return ["already present on machine", "Successfully pulled", "Downloaded newer image", "Image is up to date"]
            .contains { ByteSearch.contains(slice, $0) }
    }

    /// The pod name of a `kubectl get pods` row: the token before the `READY` column (`0/1`).
    static func podFromGetPodsRow(_ text: [UInt8]) -> String? {
        var tokenCount = 0
        for index in text.indices where text[index] != 0x20 && (index == 0 || text[index - 1] == 0x20) {
            tokenCount += 1
            if tokenCount > 12 { return nil }
        }
        let tokens = text.split(separator: 0x20)
        guard tokens.count >= 4, tokens.count <= 12 else { return nil }
        for index in 1..<tokens.count {
            let token = tokens[index]
            guard let slash = token.firstIndex(of: 0x2F), slash > token.startIndex, slash < token.endIndex - 1,
                token.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2F })
            else { continue }
            return String(decoding: tokens[index - 1], as: UTF8.self)
        }
        return nil
    }
}
