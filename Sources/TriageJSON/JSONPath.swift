/// A kubectl-style JSONPath expression (the subset runbooks use), parsed once and evaluated on
/// any number of documents.
///
/// Grammar: an optional `{…}` around one path; the path starts with `$`, `.` or `..` and goes on
/// with steps:
/// - `.name`, `['name']` or `["name"]`: a member (`\.` escapes a dot in a dotted name, as in
///   `.metadata.labels.app\.kubernetes\.io/name`);
/// - `..name`: that member at any depth;
/// - `[*]` or `.*`: every element of an array or every member value of an object;
/// - `[N]`: the element at N (negative counts from the end);
/// - `[?(@.path == "value")]`, `!=`, or `[?(@.path)]`: the elements (or member values) for
///   which the relative path has that value, or exists; the value is a quoted string, a number,
///   `true`, `false` or `null`.
public struct JSONPath: Sendable, Hashable, Codable, RawRepresentable, CustomStringConvertible {
    /// One step of a path.
    indirect enum Step: Sendable, Hashable {
        case member(String)
        case descendants(String)
        case wildcard
        case index(Int)
        case filter(path: [Step], test: Test)
    }

    /// What a filter checks of the relative path's value.
    enum Test: Sendable, Hashable {
        case exists
        case equals(JSONLiteral)
        case notEquals(JSONLiteral)
    }

    /// A literal a filter compares with, kept as the text `JSONValue.text` gives.
    struct JSONLiteral: Sendable, Hashable {
        var text: String
        var isString: Bool

        func matches(_ value: JSONValue) -> Bool {
            switch value {
            case .string(let string): isString && string == text
            case .number, .bool, .null: !isString && value.text == text
            case .object, .array: false
            }
        }
    }

    /// The expression as written.
    public let source: String
    let steps: [Step]

    /// Parses `source`; a bad expression throws with the character where it goes wrong.
    public init(_ source: String) throws(JSONPathError) {
        self.source = source
        var parser = Parser(Array(source.unicodeScalars))
        steps = try parser.expression()
    }

    /// The expression as written.
    public var description: String { source }

    /// The expression as written, which is how it is encoded.
    public var rawValue: String { source }

    /// Parses `rawValue`; nil when it is not a valid expression.
    public init?(rawValue: String) {
        guard let path = try? JSONPath(rawValue) else { return nil }
        self = path
    }

    /// The values the path selects in `document`, in document order.
    public func values(in document: JSONValue) -> [JSONValue] {
        Self.apply(steps[...], to: [document])
    }

    private static func apply(_ steps: ArraySlice<Step>, to values: [JSONValue]) -> [JSONValue] {
        guard let step = steps.first else { return values }
        var next: [JSONValue] = []
        for value in values {
            switch step {
            case .member(let name):
                if let member = value[name] { next.append(member) }
            case .descendants(let name):
                collect(name, in: value, into: &next)
            case .wildcard:
                next += children(of: value)
            case .index(let index):
                let elements = value.elements
                let position = index < 0 ? elements.count + index : index
                if elements.indices.contains(position) { next.append(elements[position]) }
            case .filter(let path, let test):
                next += children(of: value).filter { child in
                    let found = apply(path[...], to: [child])
                    switch test {
                    case .exists: return !found.isEmpty
                    case .equals(let literal): return found.contains(where: literal.matches)
                    case .notEquals(let literal): return !found.isEmpty && !found.contains(where: literal.matches)
                    }
                }
            }
        }
        return apply(steps.dropFirst(), to: next)
    }

    private static func children(of value: JSONValue) -> [JSONValue] {
        switch value {
        case .array(let elements): elements
        case .object(let members): members.map(\.value)
        default: []
        }
    }

    private static func collect(_ name: String, in value: JSONValue, into found: inout [JSONValue]) {
        switch value {
        case .object(let members):
            for member in members {
                if member.key == name { found.append(member.value) }
                collect(name, in: member.value, into: &found)
            }
        case .array(let elements):
            for element in elements { collect(name, in: element, into: &found) }
        default:
            break
        }
    }

    /// A recursive-descent parser over the expression's scalars.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        func error(_ problem: String) -> JSONPathError {
            JSONPathError(offset: index, problem: problem)
        }

        mutating func skipSpaces() {
            while current == " " { index += 1 }
        }

        mutating func expression() throws(JSONPathError) -> [Step] {
            skipSpaces()
            guard current != nil else { throw error("the expression is empty") }
            let braced = current == "{"
            if braced { index += 1; skipSpaces() }
            if current == "$" { index += 1 }
            if let scalar = current, scalar != ".", scalar != "[", !(braced && scalar == "}") {
                throw error("a path starts with '.', '..', '[' or '$', as in .metadata.name")
            }
            let steps = try path(relative: false)
            skipSpaces()
            if braced {
                guard current == "}" else { throw error(current == nil ? "expected '}' to close the expression" : "expected a step or '}'") }
                index += 1
                skipSpaces()
            }
            if let scalar = current { throw error("unexpected '\(scalar)' after the path") }
            return steps
        }

        /// Steps until something that cannot start one; `relative` paths are those of a filter.
        mutating func path(relative: Bool) throws(JSONPathError) -> [Step] {
            var steps: [Step] = []
            while let scalar = current {
                if scalar == "." {
                    index += 1
                    if current == "." {
                        index += 1
                        let name = try dottedName()
                        guard !name.isEmpty else { throw error("expected a member name after '..'") }
                        steps.append(.descendants(name))
                    } else if current == "*" {
                        index += 1
                        steps.append(.wildcard)
                    } else {
                        let name = try dottedName()
                        guard !name.isEmpty else {
                            if !relative, steps.isEmpty, current == nil || current == "}" || current == " " { return steps }
                            throw error("expected a member name after '.'")
                        }
                        steps.append(.member(name))
                    }
                } else if scalar == "[" {
                    index += 1
                    steps.append(try bracket())
                } else {
                    break
                }
            }
            return steps
        }

        /// A member name after `.`: up to the next `.`, `[`, `}`, space or operator; `\` escapes one character.
        mutating func dottedName() throws(JSONPathError) -> String {
            var name = ""
            while let scalar = current {
                if scalar == "\\" {
                    index += 1
                    guard let escaped = current else { throw error("expected a character after '\\'") }
                    name.unicodeScalars.append(escaped)
                    index += 1
                    continue
                }
                if ".[]{}() =!\"'@*?,".unicodeScalars.contains(scalar) { break }
                name.unicodeScalars.append(scalar)
                index += 1
            }
            return name
        }

        mutating func bracket() throws(JSONPathError) -> Step {
            skipSpaces()
            let step: Step
            switch current {
            case "*":
                index += 1
                step = .wildcard
            case "'", "\"":
                step = .member(try quoted())
            case "?":
                index += 1
                step = try filter()
            case let scalar? where scalar == "-" || ("0"..."9").contains(scalar):
                step = .index(try integer())
            default:
                throw error("expected '*', an index, a quoted name or a filter after '['")
            }
            skipSpaces()
            guard current == "]" else { throw error("expected ']'") }
            index += 1
            return step
        }

        mutating func integer() throws(JSONPathError) -> Int {
            let start = index
            if current == "-" { index += 1 }
            var digits = ""
            while let scalar = current, ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
                index += 1
            }
            guard !digits.isEmpty, digits.count <= 9, let value = Int(digits) else {
                index = start
                throw error("expected an index of at most nine digits")
            }
            return scalars[start] == "-" ? -value : value
        }

        mutating func quoted() throws(JSONPathError) -> String {
            let quote = current!
            let start = index
            index += 1
            var text = ""
            while let scalar = current, scalar != quote {
                if scalar == "\\" {
                    index += 1
                    guard let escaped = current else { break }
                    text.unicodeScalars.append(escaped)
                } else {
                    text.unicodeScalars.append(scalar)
                }
                index += 1
            }
            guard current == quote else {
                index = start
                throw error("this quoted text is not closed")
            }
            index += 1
            return text
        }

        mutating func filter() throws(JSONPathError) -> Step {
            guard current == "(" else { throw error("expected '(' after '[?'") }
            index += 1
            skipSpaces()
            guard current == "@" else { throw error("a filter starts with '@', the element it tests") }
            index += 1
            let relative = try path(relative: true)
            guard !relative.isEmpty else { throw error("expected a path after '@', such as @.name") }
            skipSpaces()
            let test: Test
            if current == ")" {
                test = .exists
            } else {
                let negated: Bool
                if current == "=", index + 1 < scalars.count, scalars[index + 1] == "=" {
                    negated = false
                } else if current == "!", index + 1 < scalars.count, scalars[index + 1] == "=" {
                    negated = true
                } else {
                    throw error("expected '==', '!=' or ')' in the filter")
                }
                index += 2
                skipSpaces()
                let literal = try literal()
                test = negated ? .notEquals(literal) : .equals(literal)
                skipSpaces()
            }
            guard current == ")" else { throw error("expected ')' to close the filter") }
            index += 1
            return .filter(path: relative, test: test)
        }

        mutating func literal() throws(JSONPathError) -> JSONLiteral {
            switch current {
            case "'", "\"":
                return JSONLiteral(text: try quoted(), isString: true)
            default:
                var text = ""
                let start = index
                while let scalar = current, scalar != ")", scalar != " " {
                    text.unicodeScalars.append(scalar)
                    index += 1
                }
                let isNumber = (try? JSONValue.parse(text)).map { if case .number = $0 { true } else { false } } ?? false
                guard isNumber || ["true", "false", "null"].contains(text) else {
                    index = start
                    throw error("expected a quoted string, a number, true, false or null")
                }
                return JSONLiteral(text: text, isString: false)
            }
        }
    }
}

/// Why a JSONPath expression does not parse, and where.
public struct JSONPathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 0-based offset, in characters, where the expression goes wrong.
    public var offset: Int
    /// What was expected there.
    public var problem: String

    /// `at character N: problem`.
    public var description: String { "at character \(offset + 1): \(problem)" }
}
