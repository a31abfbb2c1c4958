import FuzzDriver
@testable import TriageJSON
import TriageKubernetes

/// Expressions of the kinds runbooks use, evaluated on every document the tree reader accepts.
let paths = try [
    "{.metadata.name}", "{.spec.containers[*].image}", "{.spec.initContainers[-1].name}", "{..image}",
    "{.items[0].status.containerStatuses[?(@.name==\"web\")].state.waiting.reason}", "{.metadata.labels.*}",
    "{.status.containerStatuses[?(@.ready==true)].name}", "{.metadata.annotations['kubectl.kubernetes.io/restartedAt']}",
].map { (source: String) throws(JSONPathError) in try JSONPath(source) }

// Reads each input as one JSON document, whole and in windows, and checks that both readings
// agree and that every string decodes and maps back to its raw bytes; then as a tree, which must
// print as JSON that reads back the same, and as the Kubernetes objects; a short one-line input
// is also compiled as a JSONPath expression.
FuzzDriver.run { bytes in
    let size = bytes.count
    let whole = JSONReading.read(bytes, isFinal: true)
    if case .underflow = whole.stop { fatalError("a final window reported underflow") }
    // A window that stops short of the end, read as "more may follow", must either agree with the
    // whole reading or ask for more bytes; it may never see a different error.
    for cut in JSONReading.cuts(of: size) {
        let window = UnsafeBufferPointer(rebasing: bytes[0..<cut])
        let partial = JSONReading.read(window, isFinal: false)
        switch partial.stop {
        case .underflow:
            continue
        case .malformed(let offset, let problem):
            guard case .malformed(offset, problem) = whole.stop else {
                fatalError("window of \(cut) bytes: malformed at \(offset) (\(problem)); whole input: \(String(describing: whole.stop))")
            }
        case .truncated:
            fatalError("a window that is not final reported truncation")
        case nil:
            require(whole.stop == nil && whole.end == partial.end, "window of \(cut) bytes read a value the whole input did not")
        }
    }
    if let document = try? JSONValue.parse(bytes) {
        require(whole.stop == nil, "the tree reader accepted a document the cursor refused: \(String(describing: whole.stop))")
        require((try? JSONValue.parse(document.json)) == document, "the document does not read back from its printed JSON")
        for path in paths { _ = path.values(in: document).map(\.text) }
        _ = try? Pod.decodeList(document)
        _ = try? Event.decodeList(document)
        _ = try? Node.decodeList(document)
        _ = try? ServiceAccount.decodeList(document)
        _ = try? Secret.decodeList(document)
    }
    if size <= 256, !bytes.contains(0x0A), let source = String(validating: bytes, as: UTF8.self),
        let path = try? JSONPath(source)
    {
        _ = path.values(in: .object([("metadata", .object([("name", .string("web"))])), ("items", .array([.null, .number("1")]))]))
    }
}

/// One reading of a buffer: where the value ended, or why it stopped; every string span is
/// decoded and mapped back on the way.
enum JSONReading {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool) -> (end: Int, stop: JSONStop?) {
        var cursor = JSONCursor(bytes: bytes, isFinal: isFinal, baseOffset: 0)
        do throws(JSONStop) {
            try walk(&cursor, depth: 0)
            return (cursor.position, nil)
        } catch {
            return (cursor.position, error)
        }
    }

    /// Visits the value like ``JSONCursor/skipValue(depth:)`` does, but through the member and
    /// element readers, decoding each string.
    static func walk(_ cursor: inout JSONCursor, depth: Int) throws(JSONStop) {
        if depth >= JSONCursor.maximumDepth {
            try cursor.skipValue(depth: depth)
        } else if try cursor.enterObject() {
            var first = true
            while let key = try cursor.nextKey(first: &first) {
                check(key, in: cursor)
                try walk(&cursor, depth: depth + 1)
            }
        } else if try cursor.enterArray() {
            var first = true
            while try cursor.nextElement(first: &first) { try walk(&cursor, depth: depth + 1) }
        } else if try cursor.peek() == 0x22 {
            check(try cursor.string(), in: cursor)
        } else {
            try cursor.skipValue(depth: depth)
        }
    }

    /// A string span decodes, and every decoded range maps back inside its raw bytes.
    static func check(_ span: StringSpan, in cursor: JSONCursor) {
        require(span.start <= span.end && span.end <= cursor.bytes.count, "string span outside the buffer")
        _ = cursor.decode(span)
        // Ranges are counted in the decoded bytes, as the diagnoser decodes them (invalid UTF-8
        // kept as it is, not replaced).
        let raw = UnsafeBufferPointer(rebasing: cursor.bytes[span.start..<span.end])
        var decoded: [UInt8] = []
        JSONCursor.decode(raw, into: &decoded)
        let length = decoded.count
        guard length > 0 else { return }
        for range in [0..<length, 0..<1, (length - 1)..<length, (length / 2)..<length] {
            guard let rawRange = JSONCursor.rawRange(ofDecoded: range, in: raw) else {
                fatalError("decoded range \(range) of a \(length)-byte string has no raw range")
            }
            require(rawRange.lowerBound >= 0 && rawRange.upperBound <= raw.count && !rawRange.isEmpty, "raw range \(rawRange) outside the string")
        }
    }

    /// The window lengths tried: a few spread over the input, not every one.
    static func cuts(of size: Int) -> [Int] {
        guard size > 1 else { return [] }
        return Array(Set([1, size / 3, size / 2, size - 1, size - 2].filter { $0 > 0 && $0 < size })).sorted()
    }
}
