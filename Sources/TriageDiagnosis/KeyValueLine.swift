/// What a key means to the document scanner.
enum StructuralKey: Sendable, Equatable {
    case name, namespace, host, fieldPath, image
    /// `node` or `nodeName`.
    case node
    /// `message` or `msg`.
    case message
    case involvedObject, source, metadata
    /// The other keys that open blocks of a Kubernetes object (`status`, `state`, `spec`, …).
    case block
    /// `containers`, `initContainers`, `containerStatuses` and the other container lists.
    case containerList
    /// Keys whose values never describe a pull failure (`apiVersion`, `uid`, `count`, …).
    case inert
    /// The marker the scanner pushes for a list item (never read from a line).
    case listItem
    /// Any other key.
    case other

    /// Normalised key spellings (lowercase, no spaces) and their meaning.
    static let known: [(String, StructuralKey)] = [
        ("name", .name), ("namespace", .namespace), ("host", .host), ("fieldpath", .fieldPath), ("image", .image),
        ("node", .node), ("nodename", .node), ("message", .message), ("msg", .message),
        ("involvedobject", .involvedObject), ("source", .source), ("metadata", .metadata),
        ("state", .block), ("waiting", .block), ("terminated", .block), ("laststate", .block), ("status", .block),
        ("spec", .block), ("items", .block), ("running", .block),
        ("containers", .containerList), ("initcontainers", .containerList), ("ephemeralcontainers", .containerList),
        ("containerstatuses", .containerList), ("initcontainerstatuses", .containerList), ("ephemeralcontainerstatuses", .containerList),
        ("apiversion", .inert), ("kind", .inert), ("uid", .inert), ("resourceversion", .inert), ("count", .inert),
        ("firsttimestamp", .inert), ("lasttimestamp", .inert), ("eventtime", .inert), ("creationtimestamp", .inert),
        ("type", .inert), ("component", .inert), ("reportingcomponent", .inert), ("reportinginstance", .inert),
        ("imageid", .inert), ("containerid", .inert), ("ready", .inert), ("restartcount", .inert), ("started", .inert),
        ("phase", .inert), ("hostip", .inert), ("podip", .inert), ("qosclass", .inert), ("starttime", .inert),
        ("selflink", .inert), ("action", .inert), ("series", .inert), ("related", .inert),
    ]

    private static let slotCount = 256
    /// Open-addressing table from the FNV-1a hash of a normalised key to an index in ``known``.
    private static let slots: [Int16] = {
        var slots = [Int16](repeating: -1, count: slotCount)
        for (index, entry) in known.enumerated() {
            var slot = Int(hash(entry.0.utf8) & UInt32(slotCount - 1))
            while slots[slot] >= 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = Int16(index)
        }
        return slots
    }()
    /// The spellings of ``known`` end to end, so a lookup retains no per-key storage.
    private static let spellings: [UInt8] = known.flatMap { Array($0.0.utf8) }
    /// Where each spelling of ``known`` starts in ``spellings``, and one past the last.
    private static let spellingStarts: [Int] = known.reduce(into: [0]) { $0.append($0.last! + $1.0.utf8.count) }
    private static let meanings: [StructuralKey] = known.map(\.1)

    /// The known spellings of at most 16 bytes, as two little-endian words, grouped by length.
    private static let packedByLength: [[(low: UInt64, high: UInt64, key: StructuralKey)]] = {
        var table = [[(low: UInt64, high: UInt64, key: StructuralKey)]](repeating: [], count: 17)
        for (spelling, key) in known where spelling.utf8.count <= 16 {
            let (low, high) = Array(spelling.utf8).withUnsafeBufferPointer { pack($0, fold: false) }
            table[spelling.utf8.count].append((low, high, key))
        }
        return table
    }()

    /// Up to 16 bytes as two little-endian words, zero-padded; `fold` sets bit 0x20 of every
    /// byte, which lowercases ASCII letters and can turn no other byte into one, so a folded
    /// key equals a (lowercase, letters-only) known spelling exactly when it is that key in any case.
    @inline(__always)
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>, fold: Bool) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        for (offset, byte) in bytes.enumerated() {
            let value = UInt64(fold ? byte | 0x20 : byte) << (8 * UInt64(offset & 7))
            if offset < 8 { words.0 |= value } else { words.1 |= value }
        }
        return words
    }

    /// The meaning of a JSON member name (any case).
    static func lookup(jsonKey bytes: UnsafeBufferPointer<UInt8>) -> StructuralKey {
        guard bytes.count <= 16 else {
            let hash = bytes.reduce(hashSeed) { Self.hash($0, $1.asciiLowercased) }
            return lookup(hash: hash) { known in
                known.count == bytes.count && KeyValueLine.keyEquals(known, bytes, bytes.indices, isJSON: true)
            }
        }
        let (low, high) = pack(bytes, fold: true)
        for entry in packedByLength[bytes.count] where entry.low == low && entry.high == high { return entry.key }
        return .other
    }

    /// One step of the FNV-1a hash that ``lookup(hash:matching:)`` expects.
    static func hash(_ hash: UInt32, _ byte: UInt8) -> UInt32 { (hash ^ UInt32(byte)) &* 16_777_619 }
    static let hashSeed: UInt32 = 2_166_136_261

    private static func hash(_ bytes: String.UTF8View) -> UInt32 { bytes.reduce(hashSeed, hash) }

    /// The meaning of the normalised key whose hash is `hash`; `matches` compares a known spelling with it.
    @inline(__always)
    static func lookup(hash: UInt32, matching matches: (UnsafeBufferPointer<UInt8>) -> Bool) -> StructuralKey {
        slots.withUnsafeBufferPointer { slots in
            spellings.withUnsafeBufferPointer { spellings in
                var slot = Int(hash & UInt32(slotCount - 1))
                while slots[slot] >= 0 {
                    let index = Int(slots[slot])
                    if matches(UnsafeBufferPointer(rebasing: spellings[spellingStarts[index]..<spellingStarts[index + 1]])) {
                        return meanings[index]
                    }
                    slot = (slot + 1) & (slotCount - 1)
                }
                return .other
            }
        }
    }
}

/// A `key: value` line of YAML, pretty-printed JSON or `kubectl describe`, as offsets into the
/// cleaned line it was parsed from (nothing is copied until a value is asked for).
struct KeyValueLine: Sendable, Equatable {
    /// Column of the key (after a YAML `- ` list marker).
    let indent: Int
    /// Column of the YAML `- ` list marker, when the line starts a list item.
    let listItemIndent: Int?
    /// Where the key lies in the line (inside the quotes of a JSON key).
    let keyRange: Range<Int>
    /// What the key means to the scanner.
    let key: StructuralKey
    /// Where the value lies in the line, with quotes and a trailing comma removed.
    let valueRange: Range<Int>
    /// Whether the key was a JSON string key.
    let isJSON: Bool
    /// Whether the value opens a nested block (`key:`, `"key": {`, `"key": [`).
    let opensBlock: Bool

    /// The key, lowercased, with spaces removed (`Init Containers` → `initcontainers`); `line` is
    /// the line this was parsed from.
    func keyText(in line: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: line[keyRange].compactMap { Self.normalisedKeyByte($0, isJSON: isJSON) }, as: UTF8.self)
    }

    /// A key byte lowercased, or `nil` for a space outside JSON (`Init Containers` → `initcontainers`).
    private static func normalisedKeyByte(_ byte: UInt8, isJSON: Bool) -> UInt8? {
        if byte == 0x20 && !isJSON { return nil }
        return byte.asciiLowercased
    }

    /// Whether the key at `range` of `line`, normalised, is `known`.
    fileprivate static func keyEquals(_ known: UnsafeBufferPointer<UInt8>, _ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isJSON: Bool) -> Bool {
        var k = 0
        for index in range {
            guard let byte = normalisedKeyByte(line[index], isJSON: isJSON) else { continue }
            guard k < known.count, known[k] == byte else { return false }
            k += 1
        }
        return k == known.count
    }

    /// The value as text; `line` is the line this was parsed from.
    func value(in line: UnsafeBufferPointer<UInt8>) -> String { String(decoding: UnsafeBufferPointer(rebasing: line[valueRange]), as: UTF8.self) }

    /// Parses a cleaned line whose first `indent` bytes are spaces; `nil` when it is not a key/value line.
    static func parse(_ line: UnsafeBufferPointer<UInt8>, indent: Int) -> KeyValueLine? {
        var i = indent
        var listItemIndent: Int?
        if i + 1 < line.count, line[i] == 0x2D, line[i + 1] == 0x20 {
            listItemIndent = i
            i += 2
        }
        let keyStart = i
        let isJSON = i < line.count && line[i] == 0x22
        var keyLength = 0
        var hash = StructuralKey.hashSeed
        let keyRange: Range<Int>
        if isJSON {
            i += 1
            while i < line.count, line[i] != 0x22 {
                guard keyLength < 40 else { return nil }
                let byte = line[i]
                hash = StructuralKey.hash(hash, byte.asciiLowercased)
                keyLength += 1
                i += 1
            }
            guard i < line.count else { return nil }
            keyRange = (keyStart + 1)..<i
            i += 1
        } else {
            var words = 1
            var first: UInt8 = 0
            while i < line.count, line[i] != 0x3A {
                let byte = line[i]
                let isKeyByte =
                    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == 0x5F || byte == 0x2D || byte == 0x2E || byte == 0x20
                guard isKeyByte, keyLength < 40 else { return nil }
                if byte == 0x20 {
                    words += 1
                    guard words <= 4 else { return nil }
                } else {
                    let lowered = byte.asciiLowercased
                    if keyLength == 0 { first = lowered }
                    hash = StructuralKey.hash(hash, lowered)
                    keyLength += 1
                }
                i += 1
            }
            guard first >= 0x61 && first <= 0x7A else { return nil }
            keyRange = keyStart..<i
        }
        guard i < line.count, line[i] == 0x3A else { return nil }
        i += 1
        guard i == line.count || line[i] == 0x20 else { return nil }
        var valueStart = i
        while valueStart < line.count, line[valueStart] == 0x20 { valueStart += 1 }
        var valueEnd = line.count
        if valueEnd > valueStart, line[valueEnd - 1] == 0x2C { valueEnd -= 1 }
        if valueEnd - valueStart >= 2, line[valueStart] == line[valueEnd - 1], line[valueStart] == 0x22 || line[valueStart] == 0x27 {
            valueStart += 1
            valueEnd -= 1
        }
        let valueRange = valueStart..<max(valueStart, valueEnd)
        let opensBlock = valueRange.isEmpty || (valueRange.count == 1 && (line[valueStart] == 0x7B || line[valueStart] == 0x5B))
        let key = StructuralKey.lookup(hash: hash) { known in
            known.count == keyLength && keyEquals(known, line, keyRange, isJSON: isJSON)
        }
        return KeyValueLine(
            indent: keyStart, listItemIndent: listItemIndent, keyRange: keyRange, key: key,
            valueRange: valueRange, isJSON: isJSON, opensBlock: opensBlock)
    }
}
