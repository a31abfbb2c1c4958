import TriageModel
import Yams

/// Reads a composed YAML tree into model values, remembering where every value came from and
/// collecting every problem instead of stopping at the first.
final class YAMLReader {
    let file: String
    private(set) var diagnostics: [RunbookDiagnostic] = []
    /// The last line of the text being read and the column after its end: libyaml marks the end
    /// of a file without a final line break (and an empty value there) on the line after it.
    private var end = (line: 1, column: 1)
    /// Blank lines composed before the text, so that its lines follow those of the file that
    /// imports it; its problems are still reported at its own lines.
    private let lineOffset: Int
    /// The readers of texts composed into this one's tree from other files (the shared snippets
    /// a runbook imports), each with the lines its nodes are marked on.
    private var imported: [(lines: Range<Int>, reader: YAMLReader)] = []
    /// The text being read, for checks of how a value was written.
    private var text = ""
    /// Where each line of ``text`` starts, in UTF-8 bytes; worked out when first needed.
    private lazy var lineStarts: [String.Index] = {
        var starts = [text.startIndex]
        var index = text.utf8.startIndex
        while let newline = text.utf8[index...].firstIndex(of: 0x0A) {
            index = text.utf8.index(after: newline)
            starts.append(index)
        }
        return starts
    }()

    init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// The most values (scalars) a runbook or scenario may hold, written or expanded from
    /// snippets: far above any real file, far below what would take long to decode.
    static let valueBudget = 100_000

    /// Resolves no tags: every key is text, as the decoder reads it, and a plain value keeps its
    /// implicit tag, which `bool`, `int` and `float` read. The default resolver tries up to seven
    /// regular expressions on every key, which composing hashes to find duplicates: a tenth of
    /// the time a replay took.
    static let resolver = Resolver.basic

    /// Composes `text`, reporting a syntax error at its mark. Anchors and aliases are refused
    /// before composition, which would follow them; `aliasAdvice` says what to write instead.
    func compose(_ text: String, aliasAdvice: String) -> Yams.Node? {
        let text = lineOffset > 0 ? String(repeating: "\n", count: lineOffset) + text : text
        self.text = text
        let lastLine = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).last ?? ""
        end = (text.reduce(1) { $0 + ($1.isNewline ? 1 : 0) }, lastLine.unicodeScalars.count + 1)
        switch YAMLTokenScan.refusal(in: text, valueBudget: Self.valueBudget) {
        case .anchorOrAlias(let kind, let name, let line, let column)?:
            let written = (kind == "anchor" ? "&" : "*") + name
            report(
                at: location(line: line, column: column),
                "YAML \(kind) '\(written)' is not allowed: anchors and aliases can multiply a small file into a huge one; \(aliasAdvice)")
            return nil
        case .tooManyValues(let line, let column)?:
            report(at: location(line: line, column: column), "the file holds more than \(Self.valueBudget) values; split it")
            return nil
        case nil:
            break
        }
        do {
            guard let root = try Yams.compose(yaml: text, Self.resolver) else {
                report(at: SourceLocation(file: file, line: 1, column: 1), "the file is empty")
                return nil
            }
            return root
        } catch let error as YamlError {
            report(syntaxError: error)
            return nil
        } catch {
            report(at: SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)")
            return nil
        }
    }

    /// Composes `text`, the file `file`, for use in this reader's tree: its nodes are marked on
    /// lines after this text's own, and a location on them is in `file`. Its problems are
    /// reported here, at its own lines.
    func composeImported(_ text: String, file: String, aliasAdvice: String) -> Yams.Node? {
        let offset = (imported.last?.lines.upperBound ?? end.line + 1) + 1
        let reader = YAMLReader(file: file, lineOffset: offset)
        let root = reader.compose(text, aliasAdvice: aliasAdvice)
        diagnostics += reader.diagnostics
        imported.append((offset..<(reader.end.line + 2), reader))
        return root
    }

    /// Where a mark is in the text: a mark past the last line is the end of the last line; one
    /// on the lines of an imported text is in that text's file.
    private func location(line: Int, column: Int) -> SourceLocation {
        if line > end.line, let source = imported.first(where: { $0.lines.contains(line) }) {
            return source.reader.location(line: line, column: column)
        }
        guard line > end.line else { return SourceLocation(file: file, line: line - lineOffset, column: column) }
        return SourceLocation(file: file, line: end.line - lineOffset, column: end.column)
    }

    func location(_ node: Yams.Node) -> SourceLocation {
        location(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func report(_ node: Yams.Node, _ message: String) {
        report(at: location(node), message)
    }

    func report(at location: SourceLocation, _ message: String) {
        diagnostics.append(RunbookDiagnostic(location: location, message: message))
    }

    /// The mapping's fields, or a report that a mapping was expected.
    func fields(_ node: Yams.Node, _ what: String) -> Fields? {
        guard case .mapping(let mapping) = node else {
            report(node, "\(what) must be a mapping of keys to values, not \(node.kindName)")
            return nil
        }
        var pairs: [Fields.Pair] = []
        var seen: Set<String> = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                report(key, "a key in \(what) must be a plain word, not \(key.kindName)")
                continue
            }
            if !seen.insert(name).inserted {
                report(key, "'\(name)' appears twice in \(what)")
                continue
            }
            pairs.append(Fields.Pair(key: name, keyNode: key, value: value))
        }
        return Fields(node: node, what: what, pairs: pairs)
    }

    /// Text written in the file, which Triage shows: a control character or an invisible one
    /// (ESC, a C1 control, a bidirectional override, a zero-width space) would be obeyed by the
    /// terminal or hide what the text says, so it is refused where it stands.
    func string(_ node: Yams.Node, _ what: String) -> String? {
        guard let text = output(node, what) else { return nil }
        if let hidden = text.unicodeScalars.first(where: VisibleText.isHidden) {
            let code = String(hidden.value, radix: 16, uppercase: true)
            report(
                node,
                "\(what) contains the character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), a control or invisible character that a terminal would obey or that hides what the text says; write it as visible text"
            )
            return nil
        }
        return text
    }

    /// Text as recorded from a command's output (a scenario's `stdout` and `stderr`), which may
    /// hold anything the command printed: it is shown with its controls made visible.
    func output(_ node: Yams.Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, "\(what) must be text, not \(node.kindName)")
            return nil
        }
        return scalar.string
    }

    /// A non-empty single-line text.
    func word(_ node: Yams.Node, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        if text.isEmpty || text.contains("\n") {
            report(node, "\(what) must be a non-empty single line")
            return nil
        }
        return text
    }

    func bool(_ node: Yams.Node, _ what: String) -> Bool? {
        guard case .scalar = node, let value = node.bool else {
            report(node, "\(what) must be true or false")
            return nil
        }
        return value
    }

    func int(_ node: Yams.Node, _ what: String) -> Int? {
        guard case .scalar = node, let value = node.int else {
            report(node, "\(what) must be a whole number")
            return nil
        }
        return value
    }

    /// A finite number within `bounds`; NaN, infinities and numbers out of range are reported
    /// with the range expected.
    func number(_ node: Yams.Node, _ what: String, within bounds: ClosedRange<Double>, unit: String) -> Double? {
        guard case .scalar(let scalar) = node, let value = node.float else {
            report(node, "\(what) must be a number of \(unit)")
            return nil
        }
        guard value.isFinite, bounds.contains(value) else {
            report(
                node, "\(what) is '\(scalar.string)'; expected a number of \(unit) from \(Self.format(bounds.lowerBound)) to \(Self.format(bounds.upperBound))")
            return nil
        }
        return value
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(exactly: value) ?? 0) : String(value)
    }

    /// Text, or a list of paragraphs (each text) joined with a blank line and ended with a line
    /// break, as a `|` block of the same paragraphs would be.
    func paragraphs(_ node: Yams.Node, _ what: String) -> String? {
        guard case .sequence(let items) = node else { return string(node, what) }
        guard let texts = texts(of: Array(items), in: node, what, each: "paragraph") else { return nil }
        return texts.map { text in
            var paragraph = Substring(text)
            while paragraph.last?.isNewline == true { paragraph.removeLast() }
            return String(paragraph)
        }.joined(separator: "\n\n") + "\n"
    }

    /// A `{{placeholder}}` template written as text or as a list of paragraphs, each checked
    /// where it is written.
    func templateParagraphs(_ node: Yams.Node, _ what: String) -> Template? {
        if case .sequence(let items) = node {
            let parsed = items.compactMap { template($0, "a paragraph of \(what)") }
            guard parsed.count == items.count else { return nil }
        }
        return paragraphs(node, what).flatMap { template(parsing: $0, at: node, what) }
    }

    /// A `{{placeholder}}` template written as text or as a list of pieces (text or `{use: NAME}`)
    /// joined with a space: a sentence said once in a snippet and finished differently where it
    /// is used.
    func templatePieces(_ node: Yams.Node, _ what: String) -> Template? {
        guard case .sequence(let items) = node else { return template(node, what) }
        guard let pieces = texts(of: Array(items), in: node, what, each: "piece", joined: " joined with a space") else { return nil }
        let text = pieces.map { text in
            var piece = Substring(text).drop(while: \.isWhitespace)
            while piece.last?.isWhitespace == true { piece.removeLast() }
            return String(piece)
        }.joined(separator: " ")
        return template(parsing: text, at: node, what)
    }

    /// The texts of a list written where one text may stand (paragraphs, pieces); nil, reported,
    /// when the list is empty or an item is not text.
    private func texts(of items: [Yams.Node], in node: Yams.Node, _ what: String, each item: String, joined: String = "") -> [String]? {
        if items.isEmpty {
            report(node, "\(what) is an empty list; give text, or a list of \(item)s\(joined)")
            return nil
        }
        let texts = items.compactMap { string($0, "each \(item) of \(what)") }
        return texts.count == items.count ? texts : nil
    }

    func sequence(_ node: Yams.Node, _ what: String) -> [Yams.Node]? {
        guard case .sequence(let sequence) = node else {
            report(node, "\(what) must be a list, not \(node.kindName)")
            return nil
        }
        return Array(sequence)
    }

    /// The items of a command's argument list. In a flow list a comma ends an item even with no
    /// space after it, so `[kubectl, get, configmaps,secrets]` is four arguments, where kubectl's
    /// own lists (`configmaps,secrets`) are one: items joined by a bare comma are reported with
    /// both readings, for the author to write one of them plainly.
    func arguments(_ node: Yams.Node, _ what: String) -> [Yams.Node]? {
        guard let items = sequence(node, what) else { return nil }
        var joined: [Yams.Node] = []
        func flush() {
            defer { joined.removeAll() }
            guard joined.count > 1 else { return }
            let words = joined.compactMap(\.scalar?.string)
            let written = words.joined(separator: ",")
            report(
                joined[0],
                "\(what) has `\(written)` with no space after its comma\(words.count > 2 ? "s" : ""), which YAML reads as \(words.count) arguments (\(words.map { "'\($0)'" }.joined(separator: ", "))); write \"\(written)\" in quotes for one argument, as kubectl's resource lists are, or `\(words.joined(separator: ", "))` for \(words.count)"
            )
        }
        for item in items {
            if let last = joined.last, isPlain(last), isPlain(item), followsBareComma(item) {
                joined.append(item)
            } else {
                flush()
                joined = [item]
            }
        }
        flush()
        return items
    }

    private func isPlain(_ node: Yams.Node) -> Bool {
        node.scalar?.style == .plain
    }

    /// Whether the character just before `node` in the text is a comma.
    private func followsBareComma(_ node: Yams.Node) -> Bool {
        if let line = node.mark?.line, line > end.line, let source = imported.first(where: { $0.lines.contains(line) }) {
            return source.reader.followsBareComma(node)
        }
        guard let mark = node.mark, mark.line >= 1, mark.line <= lineStarts.count, mark.column >= 2 else { return false }
        let start = lineStarts[mark.line - 1]
        let line = text[start...].prefix { $0 != "\n" }
        let scalars = line.unicodeScalars
        guard let before = scalars.index(scalars.startIndex, offsetBy: mark.column - 2, limitedBy: scalars.endIndex), before < scalars.endIndex else {
            return false
        }
        return scalars[before] == ","
    }

    func strings(_ node: Yams.Node, _ what: String) -> [String]? {
        strings(of: sequence(node, what), what)
    }

    /// The texts of a command's argument list, checked as ``arguments(_:_:)`` checks them.
    func argumentStrings(_ node: Yams.Node, _ what: String) -> [String]? {
        strings(of: arguments(node, what), what)
    }

    private func strings(of items: [Yams.Node]?, _ what: String) -> [String]? {
        guard let items else { return nil }
        let values = items.compactMap { string($0, "each item of \(what)") }
        return values.count == items.count ? values : nil
    }

    /// A `{{placeholder}}` template.
    func template(_ node: Yams.Node, _ what: String) -> Template? {
        string(node, what).flatMap { template(parsing: $0, at: node, what) }
    }

    private func template(parsing text: String, at node: Yams.Node, _ what: String) -> Template? {
        do {
            return try Template(parsing: text)
        } catch {
            report(node, "\(what): \(error)")
            return nil
        }
    }

    /// A regular expression, compiled here once, and refused when it does not compile or is
    /// prone to catastrophic backtracking.
    func pattern(_ node: Yams.Node, _ what: String) -> Pattern? {
        guard let text = string(node, what) else { return nil }
        do {
            return try Pattern(text)
        } catch {
            report(node, "\(what) \(error)")
            return nil
        }
    }

    /// One of a fixed set of words.
    func choice<T: RawRepresentable & CaseIterable>(_ node: Yams.Node, _ what: String, as: T.Type) -> T? where T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        report(node, "\(what) is '\(text)'; expected one of: \(allowed.joined(separator: ", "))\(Suggestion.didYouMean(text, in: allowed))")
        return nil
    }

    private func report(syntaxError error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            report(at: location(line: mark.line, column: mark.column), "invalid YAML: \(detail)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            report(
                at: location(line: context.mark.line, column: context.mark.column),
                "\(keys) \(duplicates.count == 1 ? "is" : "are") written twice in one mapping, first here; keep one")
        case .reader(let problem, _, _, _):
            report(at: SourceLocation(file: file, line: 1, column: 1), "cannot read the file as text: \(problem)")
        default:
            report(at: SourceLocation(file: file, line: 1, column: 1), "invalid YAML: \(error)")
        }
    }
}

/// The keys of one YAML mapping, each read at most once, so that keys nobody asked for can be
/// reported as unknown.
struct Fields {
    struct Pair {
        let key: String
        let keyNode: Yams.Node
        let value: Yams.Node
    }

    let node: Yams.Node
    let what: String
    let pairs: [Pair]

    subscript(key: String) -> Yams.Node? {
        pairs.first { $0.key == key }?.value
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    /// Reports each key not in `allowed`, with the nearest allowed key when one is close.
    func rejectUnknown(_ allowed: [String], in reader: YAMLReader) {
        for pair in pairs where !allowed.contains(pair.key) {
            reader.report(
                pair.keyNode,
                "unknown key '\(pair.key)' in \(what); expected one of: \(allowed.joined(separator: ", "))\(Suggestion.didYouMean(pair.key, in: allowed))"
            )
        }
    }

    /// Reads a required key, reporting its absence at the mapping.
    func require(_ key: String, in reader: YAMLReader) -> Yams.Node? {
        if let value = self[key] { return value }
        reader.report(node, "\(what) is missing '\(key)'")
        return nil
    }
}

extension Yams.Node {
    var kindName: String {
        switch self {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
