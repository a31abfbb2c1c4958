import TriageModel
import Yams

/// Replaces each `{use: NAME}` of a runbook with the value of `NAME` in its top-level `snippets:`
/// map: as a value, it stands for the snippet's value; as a list item whose snippet is a list, the
/// snippet's items are spliced into the list. A use with other keys beside `use` is the snippet's
/// mapping with those keys added, the local ones winning (a shallow merge). Snippets may use
/// snippets. The snippets of the shared files the runbook imports are used the same way. A
/// cycle, an unknown name, a name both defined and imported, keys added to a snippet that is not a
/// mapping, a snippet of the runbook nobody uses, and an expansion past the value budget are
/// reported at their place.
final class SnippetExpander {
    static let topKey = "snippets"
    static let useKey = "use"

    private let reader: YAMLReader
    private let valueBudget: Int
    private var definitions: [String: Yams.Node] = [:]
    /// The runbook's own snippets, in file order.
    private var order: [String] = []
    private let imports: [SharedSnippets.Import]
    private var uses: [String: [SourceLocation]] = [:]
    private var definitionKeys: [String: Yams.Node] = [:]
    private var produced = 0
    /// A use could not be expanded; expansion goes on to report the others.
    private var hadProblems = false
    /// The budget ran out; expansion stops.
    private var failed = false

    init(reader: YAMLReader, valueBudget: Int, imports: [SharedSnippets.Import] = []) {
        self.reader = reader
        self.valueBudget = valueBudget
        self.imports = imports
    }

    /// Whether a snippet's name is a lower-case word (reported when not).
    static func checkName(_ pair: Fields.Pair, _ reader: YAMLReader) -> Bool {
        guard ValueFormat.dns1123Label.problem(with: pair.key) == nil else {
            reader.report(pair.keyNode, "snippet name '\(pair.key)' must be lower-case words joined by '-', like verify-pod")
            return false
        }
        return true
    }

    /// The runbook's root with `snippets:` removed and every use expanded, and where each snippet
    /// sits and is used; nil when a use cannot be expanded (the reason is reported).
    func expand(_ root: Yams.Node) -> (Yams.Node, SnippetMap)? {
        guard case .mapping(let mapping) = root else { return (root, SnippetMap(regions: [])) }
        let pairs = Array(mapping)
        guard let index = pairs.firstIndex(where: { $0.key.scalar?.string == Self.topKey }) else {
            readImports()
            return expandAll(root, pairs: pairs, snippetsEnd: nil)
        }
        readDefinitions(pairs[index].value)
        readImports()
        let end = pairs.indices.contains(index + 1) ? pairs[index + 1].key.mark?.line : nil
        var rest = pairs
        rest.remove(at: index)
        return expandAll(root, pairs: rest, snippetsEnd: (pairs[index].value, end))
    }

    private func expandAll(_ root: Yams.Node, pairs: [(key: Yams.Node, value: Yams.Node)], snippetsEnd: (Yams.Node, Int?)?) -> (Yams.Node, SnippetMap)? {
        var expanded: [(Yams.Node, Yams.Node)] = []
        for pair in pairs {
            guard let value = expandValue(pair.value, through: []) else { return nil }
            expanded.append((pair.key, value))
        }
        guard !failed, !hadProblems, case .mapping(let mapping) = root else { return nil }
        for name in order where uses[name] == nil {
            if let key = definitionKeys[name] {
                reader.report(key, "snippet '\(name)' is never used; remove it or use it with {use: \(name)}")
            }
        }
        let map = SnippetMap(regions: regions(endLine: snippetsEnd?.1) + importedRegions())
        return (.mapping(Yams.Node.Mapping(expanded, mapping.tag, mapping.style, mapping.mark)), map)
    }

    private func readDefinitions(_ node: Yams.Node) {
        guard let fields = reader.fields(node, "'snippets'") else { return }
        for pair in fields.pairs where Self.checkName(pair, reader) {
            definitions[pair.key] = pair.value
            definitionKeys[pair.key] = pair.keyNode
            order.append(pair.key)
        }
    }

    /// The imported snippets, each under its name unless the runbook or an earlier import has it.
    private func readImports() {
        var from: [String: SourceLocation] = [:]
        for shared in imports {
            for pair in shared.snippets {
                if let key = definitionKeys[pair.key] {
                    reader.report(
                        key,
                        "snippet '\(pair.key)' is also a snippet of the shared '\(shared.name)' (\(reader.location(pair.keyNode))), which this runbook imports; rename this one"
                    )
                } else if let earlier = from[pair.key] {
                    reader.report(
                        pair.keyNode, "snippet '\(pair.key)' of the shared '\(shared.name)' is also imported from \(earlier); a runbook cannot import both")
                } else {
                    definitions[pair.key] = pair.value
                    from[pair.key] = reader.location(pair.keyNode)
                }
            }
        }
    }

    private func regions(endLine: Int?) -> [SnippetMap.Region] {
        regions(of: order.compactMap { name in definitionKeys[name].map { (name, $0) } }, endLine: endLine)
    }

    private func importedRegions() -> [SnippetMap.Region] {
        imports.flatMap { shared in regions(of: shared.snippets.map { ($0.key, $0.keyNode) }, endLine: nil) }
    }

    /// The lines of each snippet of one file, from its key to the next one's.
    private func regions(of keys: [(String, Yams.Node)], endLine: Int?) -> [SnippetMap.Region] {
        let starts = keys.map { (name: $0.0, at: reader.location($0.1)) }
        return starts.enumerated().map { index, start in
            let end = index + 1 < starts.count ? starts[index + 1].at.line : (endLine ?? Int.max)
            let lines = start.at.line..<max(end, start.at.line + 1)
            return SnippetMap.Region(name: start.name, file: start.at.file, lines: lines, uses: uses[start.name] ?? [])
        }
    }

    /// A `{use: NAME}` found: the snippet's name and value, where the name is written, and the
    /// keys written beside `use` that are merged over the snippet's own.
    private struct Reference {
        let name: String
        let value: Yams.Node
        let nameNode: Yams.Node
        let local: [(key: Yams.Node, value: Yams.Node)]
    }

    private enum Use {
        case none
        case snippet(Reference)
        case invalid
    }

    /// Whether `node` is a `{use: NAME}`, and if so the snippet's value, reporting unknown names
    /// and cycles at the use.
    private func use(_ node: Yams.Node, through stack: [String]) -> Use {
        guard case .mapping(let mapping) = node,
            let pair = mapping.first(where: { $0.key.scalar?.string == Self.useKey })
        else { return .none }
        guard case .scalar(let scalar) = pair.value, !scalar.string.isEmpty else {
            reader.report(pair.value, "'use' names a snippet, like {use: verify-pod}; not \(pair.value.kindName)")
            return .invalid
        }
        let name = scalar.string
        guard let value = definitions[name] else {
            let names = order + imports.flatMap { $0.snippets.map(\.key) }
            let known =
                names.isEmpty ? "; this runbook has no 'snippets:'" : "; snippets: \(names.joined(separator: ", "))\(Suggestion.didYouMean(name, in: names))"
            reader.report(pair.value, "no snippet is called '\(name)'\(known)")
            return .invalid
        }
        if stack.contains(name) {
            reader.report(pair.value, "snippet '\(name)' uses itself: \((stack + [name]).joined(separator: " → ")); a snippet cannot contain itself")
            return .invalid
        }
        let location = reader.location(node)
        if !(uses[name]?.contains(location) ?? false) { uses[name, default: []].append(location) }
        let local = mapping.filter { $0.key.scalar?.string != Self.useKey }
        return .snippet(Reference(name: name, value: value, nameNode: pair.value, local: local))
    }

    /// The snippet's value expanded, with the keys written beside `use` expanded and merged over
    /// its own; nil when expansion stops.
    private func resolve(_ reference: Reference, through stack: [String]) -> Yams.Node? {
        guard let expanded = expandValue(reference.value, through: stack + [reference.name]) else { return nil }
        guard !reference.local.isEmpty else { return expanded }
        guard case .mapping(let snippet) = expanded else {
            reader.report(
                reference.nameNode,
                "snippet '\(reference.name)' is \(expanded.kindName), so {use: \(reference.name)} cannot take other keys; only a mapping snippet can have keys added or replaced"
            )
            hadProblems = true
            return expanded
        }
        var local: [(key: Yams.Node, value: Yams.Node)] = []
        for pair in reference.local {
            guard let value = expandValue(pair.value, through: stack) else { return nil }
            local.append((pair.key, value))
        }
        let localKeys = Set(local.compactMap { $0.key.scalar?.string })
        let kept = snippet.filter { pair in pair.key.scalar.map { !localKeys.contains($0.string) } ?? true }
        let pairs = kept.map { ($0.key, $0.value) } + local.map { ($0.key, $0.value) }
        return .mapping(Yams.Node.Mapping(pairs, snippet.tag, snippet.style, snippet.mark))
    }

    private func expandValue(_ node: Yams.Node, through stack: [String]) -> Yams.Node? {
        guard !failed else { return nil }
        produced += 1
        if produced > valueBudget {
            reader.report(node, "the runbook's snippets expand to more than \(valueBudget) values; use fewer or smaller snippets")
            failed = true
            return nil
        }
        switch use(node, through: stack) {
        case .invalid:
            hadProblems = true
            return node
        case .snippet(let reference):
            return resolve(reference, through: stack)
        case .none:
            break
        }
        switch node {
        case .mapping(let mapping):
            var pairs: [(Yams.Node, Yams.Node)] = []
            for (key, value) in mapping {
                guard let expanded = expandValue(value, through: stack) else { return nil }
                pairs.append((key, expanded))
            }
            return .mapping(Yams.Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            var items: [Yams.Node] = []
            for item in sequence {
                guard let expanded = expandItem(item, through: stack) else { return nil }
                items += expanded
            }
            return .sequence(Yams.Node.Sequence(items, sequence.tag, sequence.style, sequence.mark))
        case .scalar, .alias:
            return node
        }
    }

    /// A list item: a use of a list snippet splices its items.
    private func expandItem(_ node: Yams.Node, through stack: [String]) -> [Yams.Node]? {
        switch use(node, through: stack) {
        case .none:
            return expandValue(node, through: stack).map { [$0] }
        case .invalid:
            hadProblems = true
            return [node]
        case .snippet(let reference):
            guard let expanded = resolve(reference, through: stack) else { return nil }
            if reference.local.isEmpty, case .sequence(let items) = expanded { return Array(items) }
            return [expanded]
        }
    }
}

/// Where each snippet of a runbook file sits and where it is used, so that a problem found inside
/// a snippet can say where the snippet was used.
struct SnippetMap: Sendable {
    /// One snippet's lines in the file and its uses.
    struct Region: Sendable {
        let name: String
        let file: String
        let lines: Range<Int>
        let uses: [SourceLocation]
    }

    let regions: [Region]

    /// The diagnostics with each one found inside a snippet told where that snippet was used,
    /// and duplicates (the same problem found once per use) kept once.
    func annotate(_ diagnostics: [RunbookDiagnostic]) -> [RunbookDiagnostic] {
        var seen: Set<RunbookDiagnostic> = []
        return diagnostics.compactMap { diagnostic in
            var annotated = diagnostic
            let location = diagnostic.location
            if let region = regions.first(where: { $0.file == location.file && $0.lines.contains(location.line) }), !region.uses.isEmpty {
                let places = region.uses.map { $0.file == location.file ? "\($0.line):\($0.column)" : $0.description }.joined(separator: ", ")
                annotated.message += " (in snippet '\(region.name)', used at \(places))"
            }
            return seen.insert(annotated).inserted ? annotated : nil
        }
    }
}
