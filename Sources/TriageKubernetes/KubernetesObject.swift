import TriageJSON

/// A Kubernetes object that can be read from its JSON form.
public protocol KubernetesObject: Sendable {
    /// The `kind` of the object (`Pod`, `Node`…).
    static var kind: String { get }
    /// Reads the object from its JSON, keeping the fields the model has; missing or mistyped
    /// fields are left empty rather than refused, as the API server may omit any of them.
    init(json: JSONValue)
}

extension KubernetesObject {
    /// The one object of this kind that `text` (kubectl's `-o json` output) holds.
    public static func decode(_ text: String) throws(KubernetesError) -> Self {
        let document = try KubernetesDocument.parse(text)
        let found = document["kind"]?.string
        guard found == kind else { throw .wrongKind(expected: kind, found: found) }
        return Self(json: document)
    }

    /// The objects of this kind in `text`: one object, or the items of a `List` or
    /// `<Kind>List` (items without a `kind`, as the API server writes them, count as this kind).
    public static func decodeList(_ text: String) throws(KubernetesError) -> [Self] {
        try decodeList(KubernetesDocument.parse(text))
    }

    /// The objects of this kind in an already parsed document.
    public static func decodeList(_ document: JSONValue) throws(KubernetesError) -> [Self] {
        let found = document["kind"]?.string
        if found == kind { return [Self(json: document)] }
        guard found == "List" || found == kind + "List" else { throw .wrongKind(expected: kind, found: found) }
        return document["items"]?.elements.compactMap { item in
            let itemKind = item["kind"]?.string
            return itemKind == nil || itemKind == kind ? Self(json: item) : nil
        } ?? []
    }
}

/// Parsing kubectl's output with the project's strict JSON reader.
public enum KubernetesDocument {
    /// The JSON document in `text`.
    public static func parse(_ text: String) throws(KubernetesError) -> JSONValue {
        do throws(JSONReadError) { return try JSONValue.parse(text) } catch { throw .notJSON(error) }
    }
}

extension JSONValue {
    /// The strings of an array, skipping elements that are not strings.
    var strings: [String] { elements.compactMap(\.string) }

    /// An object of strings (labels, resource quantities), in document order; values that are
    /// numbers keep their text.
    var stringMap: [(key: String, value: String)] {
        members.compactMap { member in
            switch member.value {
            case .string(let text), .number(let text): (member.key, text)
            default: nil
            }
        }
    }

    /// The time at this string, when it is one Kubernetes writes.
    var time: KubernetesTime? { string.flatMap(KubernetesTime.init) }
}
