import TriageJSON

/// The JSON front end of the scanner: `kubectl get events|pods -o json` and other JSON documents
/// are read value by value with a strict JSON reader instead of line by line. Keys give the same
/// structure the indentation gives to the line reader (items, involved objects, containers), and
/// each string value that may be a message becomes a record of its own, decoded, whatever the
/// layout (pretty-printed or one line).
extension DocumentScanner {
    /// Scans `bytes`, whose lines are `lines`, as one JSON document; `nil` when they are not
    /// exactly one (paste noise, a truncated copy, text around it), for the line reader to take over.
    static func scanJSON(_ bytes: [UInt8], lines: [Range<Int>]) -> ScannedDocument? {
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
            first == 0x7B || first == 0x5B
        else { return nil }
        var scanner = DocumentScanner()
        scanner.document.lineRanges = lines
        let complete = bytes.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(bytes: buffer, isFinal: true, baseOffset: 0)
            do {
                try scanner.walk(&cursor, member: nil, depth: 0)
            } catch {
                return false
            }
            do {
                _ = try cursor.peek()
                return false  // more than one document
            } catch {
                return true
            }
        }
        return complete ? scanner.document : nil
    }

    /// Reads one value; `member` is the key it is the value of, `nil` for the document itself and
    /// array elements, whose objects are items (an event, a pod, a container).
    private mutating func walk(_ cursor: inout JSONCursor, member: StructuralKey?, depth: Int) throws(JSONStop) {
        guard depth < JSONCursor.maximumDepth else { throw cursor.malformed("nesting deeper than \(JSONCursor.maximumDepth) levels") }
        switch try cursor.peek() {
        case 0x7B:
            cursor.position += 1
            let depthOfStack = stack.count
            if let member {
                stack.append((depth, member, nil))
            } else {
                document.items.append(ItemFacts(parent: innermostItem))
                stack.append((depth, .listItem, document.items.count - 1))
            }
            var first = true
            while let key = try cursor.nextKey(first: &first) {
                try walk(&cursor, member: Self.structuralKey(key, in: cursor.bytes), depth: depth + 1)
            }
            stack.removeSubrange(depthOfStack...)
        case 0x5B:
            cursor.position += 1
            let depthOfStack = stack.count
            if let member { stack.append((depth, member, nil)) }
            var first = true
            while try cursor.nextElement(first: &first) {
                try walk(&cursor, member: nil, depth: depth + 1)
            }
            stack.removeSubrange(depthOfStack...)
        case 0x22:
            let span = try cursor.string()
            take(span, of: member ?? .other, in: cursor.bytes)
        default:
            try cursor.skipValue(depth: depth)
        }
    }

    /// Notes an identity value, skips inert ones, and considers any other string as a record.
    private mutating func take(_ span: StringSpan, of key: StructuralKey, in bytes: UnsafeBufferPointer<UInt8>) {
        switch key {
        case .inert, .involvedObject, .source, .metadata, .block, .containerList, .listItem:
            return
        case .name, .namespace, .node, .host, .fieldPath, .image:
            if span.hasEscapes {
                let decoded = Self.decoded(span, in: bytes)
                decoded.withUnsafeBufferPointer { noteIdentity(key, value: $0) }
            } else {
                noteIdentity(key, value: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]))
            }
        case .message, .other:
            let text = span.hasEscapes ? Self.decoded(span, in: bytes) : Array(bytes[span.start..<span.end])
            let line = lineIndex(containing: span.start)
            let segment = RecordSegment(
                line: line, recordOffset: 0, cleanedOffset: span.start - document.lineRanges[line].lowerBound,
                length: text.count, jsonString: true)
            consider(text, segments: [segment], item: innermostItem, isLineFormat: false)
        }
    }

    private static func decoded(_ span: StringSpan, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        JSONCursor.decode(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), into: &output)
        return output
    }

    /// The 0-based line holding byte `offset`.
    private func lineIndex(containing offset: Int) -> Int {
        let lines = document.lineRanges
        var low = 0, high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].lowerBound <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// What a JSON member name means to the scanner.
    private static func structuralKey(_ span: StringSpan, in bytes: UnsafeBufferPointer<UInt8>) -> StructuralKey {
        guard !span.hasEscapes, span.end - span.start <= 40 else { return .other }
        return StructuralKey.lookup(jsonKey: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]))
    }
}
