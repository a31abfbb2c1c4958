/// A whole JSON document as a tree, read with ``JSONCursor``'s strict grammar: for small
/// documents (one object from `kubectl get -o json`) whose fields are read in any order.
///
/// Numbers keep their text, so no value is rounded through `Double`; objects keep their members
/// in document order (what kubectl-style path expressions list).
public enum JSONValue: Sendable, Equatable {
    /// An object's members in document order.
    case object([(key: String, value: JSONValue)])
    /// An array's elements.
    case array([JSONValue])
    /// A string, escapes decoded.
    case string(String)
    /// A number, as written.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// Parses `text` as one JSON document; whitespace may surround it.
    public static func parse(_ text: String) throws(JSONReadError) -> JSONValue {
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(JSONReadError) in try parse(bytes) } }.get()
    }

    /// Parses the UTF-8 `bytes` as one JSON document.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONReadError) -> JSONValue {
        var cursor = JSONCursor(bytes: bytes, isFinal: true, baseOffset: 0)
        do throws(JSONStop) {
            let value = try read(&cursor, depth: 0)
            do throws(JSONStop) {
                _ = try cursor.peek()
                throw cursor.malformed("unexpected data after the end of the document")
            } catch .truncated {
                return value
            }
        } catch {
            switch error {
            case .malformed(let offset, let problem):
                throw JSONReadError(offset: offset, problem: problem, in: bytes)
            case .truncated, .underflow:
                let problem =
                    bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
                    ? "the input is empty" : "the document ends in the middle of a value"
                throw JSONReadError(offset: bytes.count, problem: problem, in: bytes)
            }
        }
    }

    private static func read(_ cursor: inout JSONCursor, depth: Int) throws(JSONStop) -> JSONValue {
        guard depth < JSONCursor.maximumDepth else { throw cursor.malformed("nesting deeper than \(JSONCursor.maximumDepth) levels") }
        switch try cursor.peek() {
        case 0x22:
            return .string(cursor.decode(try cursor.string()))
        case 0x7B:
            cursor.position &+= 1
            var members: [(key: String, value: JSONValue)] = []
            var first = true
            while let key = try cursor.nextKey(first: &first) {
                let name = cursor.decode(key)
                members.append((name, try read(&cursor, depth: depth + 1)))
            }
            return .object(members)
        case 0x5B:
            cursor.position &+= 1
            var elements: [JSONValue] = []
            var first = true
            while try cursor.nextElement(first: &first) { elements.append(try read(&cursor, depth: depth + 1)) }
            return .array(elements)
        case 0x74, 0x66:
            return .bool(try cursor.optionalBool() ?? false)
        case 0x6E:
            try cursor.skipValue()
            return .null
        case 0x2D, 0x30...0x39:
            let start = cursor.position
            try cursor.skipValue()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: cursor.bytes[start..<cursor.position]), as: UTF8.self))
        default:
            throw cursor.unexpected("a value")
        }
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.object(let l), .object(let r)): l.count == r.count && zip(l, r).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let l), .array(let r)): l == r
        case (.string(let l), .string(let r)): l == r
        case (.number(let l), .number(let r)): l == r
        case (.bool(let l), .bool(let r)): l == r
        case (.null, .null): true
        default: false
        }
    }

    // MARK: Reading

    /// The member `key` of an object (the last one, as Go's decoder keeps, when a key repeats);
    /// nil for a missing member or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The value at a path of object keys, e.g. `["status", "nodeInfo", "architecture"]`.
    public subscript(path: [String]) -> JSONValue? {
        path.reduce(self as JSONValue?) { $0?[$1] }
    }

    /// The string, when this is one.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The boolean, when this is one.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The number as an `Int` when it is written as an integer that fits; nil otherwise (never
    /// rounded from a fraction or an exponent).
    public var int: Int? {
        if case .number(let text) = self { return Int(text) }
        return nil
    }

    /// The elements, when this is an array; empty for any other value.
    public var elements: [JSONValue] {
        if case .array(let values) = self { return values }
        return []
    }

    /// The members, when this is an object; empty for any other value.
    public var members: [(key: String, value: JSONValue)] {
        if case .object(let members) = self { return members }
        return []
    }

    /// The text kubectl's `-o jsonpath` prints for the value: a string as is, a number as
    /// written, `true`/`false`, and objects and arrays as compact JSON.
    public var text: String {
        switch self {
        case .string(let text): text
        case .number(let text): text
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .object, .array: json
        }
    }

    /// The value as compact JSON.
    public var json: String {
        switch self {
        case .string(let text): Self.quoted(text)
        case .number(let text): text
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .array(let values): "[" + values.map(\.json).joined(separator: ",") + "]"
        case .object(let members): "{" + members.map { Self.quoted($0.key) + ":" + $0.value.json }.joined(separator: ",") + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}

/// Why a document is not JSON, and where: the byte offset and its line and column.
public struct JSONReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Offset of the offending byte from the start of the input.
    public var offset: Int
    /// 1-based line of the offending byte.
    public var line: Int
    /// 1-based column (in bytes) of the offending byte.
    public var column: Int
    /// What was wrong.
    public var problem: String

    init(offset: Int, problem: String, in bytes: UnsafeBufferPointer<UInt8>) {
        let position = JSONPosition(offset: offset, in: bytes)
        self.offset = offset
        self.line = position.line
        self.column = position.column
        self.problem = problem
    }

    /// `line L, column C: problem`.
    public var description: String { "line \(line), column \(column): \(problem)" }
}
