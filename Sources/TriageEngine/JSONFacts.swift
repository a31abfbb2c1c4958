import Foundation
import TriageModel

/// Helpers for parsers that read kubectl's JSON output.
struct JSONFacts {
    let lines: [Substring]
    let node: String

    init(_ output: String, node: String) {
        self.lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        self.node = node
    }

    /// The top-level object of `text`, or nil when it is not a JSON object.
    static func object(_ text: String) -> [String: Any]? {
        guard let data = text.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// A fact for `values`, its evidence the first output line that quotes the first value; nil
    /// when there are no values.
    func fact(_ values: [String]) -> Fact? {
        guard let first = values.first else { return nil }
        let index = lines.firstIndex { $0.contains("\"\(first)\"") }
        return Fact(values: values, evidence: index.map { Evidence(line: $0 + 1, text: String(lines[$0]), node: node) })
    }

    /// A fact whose evidence is the first line containing `marker`.
    func fact(_ values: [String], seenAt marker: String) -> Fact? {
        guard !values.isEmpty else { return nil }
        let index = lines.firstIndex { $0.contains(marker) }
        return Fact(values: values, evidence: index.map { Evidence(line: $0 + 1, text: String(lines[$0]), node: node) })
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The value at a dotted path of object keys, e.g. `status.nodeInfo.architecture`.
    func value(at path: String) -> Any? {
        var current: Any? = self
        for key in path.split(separator: ".") {
            current = (current as? [String: Any])?[String(key)]
        }
        return current
    }

    func string(at path: String) -> String? {
        value(at: path) as? String
    }
}
