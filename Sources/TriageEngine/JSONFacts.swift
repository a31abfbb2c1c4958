import TriageJSON
import TriageModel

/// Facts read from kubectl's JSON output, with the output line each was seen on as evidence.
struct JSONFacts {
    let lines: [Substring]
    let node: String

    init(_ output: String, node: String) {
        self.lines = output.lines()
        self.node = node
    }

    /// A fact for `values`, its evidence the first output line that quotes the first value; nil
    /// when there are no values.
    func fact(_ values: [String]) -> Fact? {
        guard let first = values.first else { return nil }
        return fact(values, seenAt: JSONValue.string(first).json)
    }

    /// A fact whose evidence is the first line containing `marker`.
    func fact(_ values: [String], seenAt marker: String) -> Fact? {
        guard !values.isEmpty else { return nil }
        let needle = Array(marker.utf8)
        let index = lines.firstIndex { Self.line($0, contains: needle) }
        return Fact(values: values, evidence: index.map { Evidence(line: $0 + 1, text: String(lines[$0]), node: node) })
    }

    /// A fact of one value.
    func fact(_ value: String?, seenAt marker: String? = nil) -> Fact? {
        guard let value else { return nil }
        return marker.map { fact([value], seenAt: $0) } ?? fact([value])
    }

    /// `true` or `false`, seen at `marker`.
    func flag(_ value: Bool?, seenAt marker: String) -> Fact? {
        value.flatMap { fact([$0 ? "true" : "false"], seenAt: marker) }
    }

    /// Whether `line` holds the bytes of `needle`: compared byte by byte, since Foundation's
    /// `contains` (searching in UTF-16) and the generic `firstRange(of:)` made reading a pod's
    /// facts a tenth of a replay.
    static func line(_ line: Substring, contains needle: [UInt8]) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { find(needle, in: $0) } ?? Array(line.utf8).withUnsafeBufferPointer { find(needle, in: $0) }
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        var start = 0
        while start + needle.count <= bytes.count {
            if bytes[start] == first {
                var k = 1
                while k < needle.count, bytes[start + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
