import TriageJSON
import TriageKubernetes

/// Reads a `kubectl get pods -o json` document (a `List` or `PodList`) as a stream: the input is
/// read in chunks into one buffer, each element of `items` is decoded in place and forgotten,
/// and only the unfinished tail of the buffer is carried over. Memory stays at about one chunk
/// plus the largest pod, whatever the number of pods.
public struct PodListReader {
    /// What the document held besides the failing pods handed to the caller.
    public struct Summary: Sendable, Equatable {
        /// Elements of `items` that are pods.
        public var pods = 0
        /// Bytes read.
        public var bytes = 0
    }

    /// Where the reader is in the document's top-level object.
    private enum Place {
        case start, firstKey, key, value, afterMember, itemsFirst, item, afterItem, end
    }

    /// Bytes read per `read` call.
    public let chunkSize: Int

    /// A reader taking `chunkSize` bytes at a time (1 MiB by default).
    public init(chunkSize: Int = 1 << 20) {
        precondition(chunkSize > 0, "the chunk size must be positive")
        self.chunkSize = chunkSize
    }

    /// Reads the whole document from `source`, calling `failing` for each pod that does not run
    /// as declared (see ``FailingPod``), and `progress` with the summary so far after each chunk.
    public func read(
        from source: inout some ByteSource,
        progress: (Summary) -> Void = { _ in },
        failing: (FailingPod) -> Void
    ) throws(ScanError) -> Summary {
        try read(from: &source, progress: progress) { pod, _ in failing(pod) }
    }

    /// Reads the whole document from `source` as ``read(from:progress:failing:)`` does, giving
    /// `failing` each pod that does not run as declared with its item's JSON as it stands in the
    /// document.
    public func read(
        from source: inout some ByteSource,
        progress: (Summary) -> Void = { _ in },
        failing: (FailingPod, ItemJSON) -> Void
    ) throws(ScanError) -> Summary {
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize * 2, alignment: 16)
        defer { buffer.deallocate() }
        var state = State()
        var decoder = FailingPodDecoder()
        var filled = 0, consumed = 0, base = 0
        var finished = false

        while true {
            let window = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: filled)
            var cursor = JSONCursor(bytes: window, position: consumed, isFinal: finished, baseOffset: base)
            do throws(JSONStop) {
                while state.place != .end {
                    try step(&cursor, &state, &decoder, failing)
                    consumed = cursor.position
                }
                try trailing(cursor)
                break
            } catch {
                switch error {
                case .truncated(let offset): throw .truncatedJSON(offset: offset)
                case .malformed(let offset, let problem): throw .malformedJSON(offset: offset, problem: problem)
                case .underflow: break
                }
                // Keep the unfinished unit, read more behind it, and try the unit again.
                let pending = filled - consumed
                if consumed > 0 {
                    buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + consumed, byteCount: pending)
                    base += consumed
                    filled = pending
                    consumed = 0
                }
                if buffer.count - filled < chunkSize {
                    let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: max(buffer.count * 2, filled + chunkSize), alignment: 16)
                    larger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: filled)
                    buffer.deallocate()
                    buffer = larger
                }
                // Read at least as much again as is pending, so a unit longer than many pieces
                // is not re-read once per piece.
                let wanted = min(chunkSize, max(pending, 1))
                var added = 0
                while added < wanted {
                    let space = UnsafeMutableRawBufferPointer(rebasing: buffer[(filled + added)..<(filled + chunkSize)])
                    let count = try source.read(into: space)
                    if count == 0 { finished = true; break }
                    added += count
                }
                filled += added
                state.summary.bytes = base + filled
                progress(state.summary)
            }
        }
        guard state.sawItems else {
            throw .notAPodList(state.kind.map { "it is a \($0), not a List" } ?? "it has no \"items\" array")
        }
        state.summary.bytes = base + filled
        progress(state.summary)
        return state.summary
    }

    /// Everything the reader knows about the document so far.
    private struct State {
        var place = Place.start
        var key = ""
        var kind: String?
        var sawItems = false
        var summary = Summary()
    }

    /// Reads one unit: a token of the top-level object, a whole top-level value, or one item.
    private func step(
        _ cursor: inout JSONCursor, _ state: inout State, _ decoder: inout FailingPodDecoder, _ failing: (FailingPod, ItemJSON) -> Void
    ) throws(JSONStop) {
        switch state.place {
        case .start:
            let available = cursor.bytes.count - cursor.position
            if available > 0, cursor.bytes[cursor.position] == 0xEF {
                // A UTF-8 byte order mark, as some editors save files.
                guard available >= 3 || cursor.isFinal else { throw .underflow }
                if available >= 3, cursor.bytes[cursor.position + 1] == 0xBB, cursor.bytes[cursor.position + 2] == 0xBF {
                    cursor.position += 3
                }
            }
            let byte: UInt8
            do throws(JSONStop) { byte = try cursor.peek() } catch .truncated {
                throw .malformed(offset: cursor.baseOffset + cursor.position, problem: "the input is empty")
            }
            guard byte == 0x7B else { throw cursor.unexpected("a JSON object (the List that `kubectl get pods -o json` prints)") }
            cursor.position += 1
            state.place = .firstKey
        case .firstKey, .key:
            if state.place == .firstKey, try cursor.peek() == 0x7D {
                cursor.position += 1
                state.place = .end
                return
            }
            let span = try cursor.string()
            try cursor.expect(0x3A, "':' after a member name")
            state.key = cursor.decode(span)
            state.place = .value
        case .value:
            if state.key == "items", try cursor.enterArray() {
                guard !state.sawItems else { throw cursor.malformed("a second \"items\" member") }
                state.sawItems = true
                state.place = .itemsFirst
            } else if state.key == "items", try cursor.peek() == 0x6E {
                try cursor.skipValue()
                state.sawItems = true
                state.place = .afterMember
            } else if state.key == "kind", try cursor.peek() == 0x22 {
                state.kind = cursor.decode(try cursor.string())
                state.place = .afterMember
            } else {
                try cursor.skipValue()
                state.place = .afterMember
            }
        case .afterMember:
            switch try cursor.peek() {
            case 0x2C: cursor.position += 1; state.place = .key
            case 0x7D: cursor.position += 1; state.place = .end
            default: throw cursor.unexpected("',' or '}' after a member of the list")
            }
        case .itemsFirst, .item:
            if state.place == .itemsFirst, try cursor.peek() == 0x5D {
                cursor.position += 1
                state.place = .afterMember
                return
            }
            let start = cursor.position
            switch try decoder.decode(&cursor) {
            case .other: break
            case .healthy: state.summary.pods += 1
            case .failing(let pod):
                state.summary.pods += 1
                failing(pod, ItemJSON(bytes: UnsafeBufferPointer(rebasing: cursor.bytes[start..<cursor.position])))
            }
            state.place = .afterItem
        case .afterItem:
            switch try cursor.peek() {
            case 0x2C: cursor.position += 1; state.place = .item
            case 0x5D: cursor.position += 1; state.place = .afterMember
            default: throw cursor.unexpected("',' or ']' after an element of items")
            }
        case .end:
            break
        }
    }

    /// Only whitespace may follow the document.
    private func trailing(_ cursor: JSONCursor) throws(JSONStop) {
        var cursor = cursor
        do throws(JSONStop) {
            _ = try cursor.peek()
            throw cursor.malformed("unexpected data after the end of the document")
        } catch .underflow {
            throw .underflow
        } catch .truncated {
            return
        }
    }
}

/// One item of a pod list as it stands in the document, handed to the reader's caller: valid only
/// during that call, since the reader's buffer moves on.
public struct ItemJSON {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>

    /// The item's JSON text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
