import TriageJSON

/// The line of command output a fact was read from, kept so `why` and the diagnosis can quote it.
public struct Evidence: Hashable, Codable, Sendable {
    /// 1-based line number in the output the fact came from.
    public var line: Int
    /// The whole line, as printed.
    public var text: String
    /// The node whose command printed it.
    public var node: String?

    /// Evidence at `line` of the output of `node`'s command.
    public init(line: Int, text: String, node: String? = nil) {
        self.line = line
        self.text = text
        self.node = node
    }

    /// The line as a person reads it: a line of JSON output that holds one string (a member
    /// `"message": "...",` or an element `"...",`) is that string decoded, without its quotes
    /// and `\"` escapes; any other line as printed. Surrounding spaces are left out. Nothing is
    /// masked or made visible here (``VisibleText``, the secret masker).
    public var decodedText: String {
        var line = Substring(text)
        while line.first == " " || line.first == "\t" { line.removeFirst() }
        while line.last == " " || line.last == "\t" || line.last == "\r" { line.removeLast() }
        guard line.first == "\"" else { return String(line) }
        let value = line.last == "," ? line.dropLast() : line
        if case .string(let element)? = try? JSONValue.parse(String(value)) { return element }
        if case .object(let members)? = try? JSONValue.parse("{" + String(value) + "}"), members.count == 1, case .string(let member) = members[0].value {
            return member
        }
        return String(line)
    }
}

/// A named piece of knowledge gathered during a session: read from a command's output, answered
/// by the user, or given as an input. A fact holds one or more values (e.g. every image of a pod).
public struct Fact: Hashable, Codable, Sendable {
    /// The values, in the order they were found; never empty.
    public var values: [String]
    /// Where the fact was seen, when it came from output.
    public var evidence: Evidence?

    /// A fact of one value.
    public init(_ value: String, evidence: Evidence? = nil) {
        self.values = [value]
        self.evidence = evidence
    }

    /// A fact of several values, in the order found; `values` must not be empty.
    public init(values: [String], evidence: Evidence? = nil) {
        precondition(!values.isEmpty, "a fact has at least one value")
        self.values = values
        self.evidence = evidence
    }

    /// The first value, which is what a placeholder substitutes.
    public var value: String { values[0] }
}

/// Every fact known at a point in a session, by name.
public typealias Facts = [String: Fact]
