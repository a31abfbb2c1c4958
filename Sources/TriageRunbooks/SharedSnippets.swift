import TriageModel
import Yams

/// A file of snippets that runbooks share: `shared: NAME`, an optional `summary:`, and
/// `snippets:` written as in a runbook. A runbook that lists NAME under its top-level `imports:`
/// uses them with `{use: SNIPPET}` like its own; a problem inside one is reported at its line in
/// the shared file, saying where the runbook used it.
public enum SharedSnippets {
    static let topKey = "shared"
    static let topKeys = [topKey, "summary", SnippetExpander.topKey]

    /// The snippets of one shared file, as a runbook that imports it sees them.
    struct Import {
        let name: String
        let file: String
        let snippets: [Fields.Pair]
    }

    /// The problems of a shared snippets file on its own: its YAML, its keys, its name and its
    /// snippets' names. What a snippet holds is checked where a runbook uses it.
    public static func check(_ text: String, file: String) -> [RunbookDiagnostic] {
        let reader = YAMLReader(file: file)
        if let root = reader.compose(text, aliasAdvice: RunbookDecoder.aliasAdvice) { _ = read(root, file: file, reader) }
        return reader.diagnostics
    }

    /// The shared files a runbook's `imports:` names, composed into `reader`'s tree; an unknown or
    /// repeated name is reported at the import.
    static func imports(of root: Yams.Node, from shared: [SourceText], _ reader: YAMLReader) -> [Import] {
        guard case .mapping(let mapping) = root, let node = mapping["imports"], let names = reader.sequence(node, "'imports'") else { return [] }
        let available = shared.map { (name: DeclaredID.sharedName($0.text), source: $0) }
        var found: [Import] = []
        for item in names {
            guard let name = reader.word(item, "an item of 'imports'") else { continue }
            if found.contains(where: { $0.name == name }) {
                reader.report(item, "'\(name)' is imported twice; list it once")
                continue
            }
            guard let source = available.first(where: { $0.name == name })?.source else {
                let known = available.compactMap(\.name)
                let list = known.isEmpty ? "none is installed" : "known: \(known.joined(separator: ", "))"
                reader.report(item, "no shared snippets are called '\(name)' (\(list))\(Suggestion.didYouMean(name, in: known))")
                continue
            }
            guard let imported = reader.composeImported(source.text, file: source.file, aliasAdvice: RunbookDecoder.aliasAdvice),
                let read = read(imported, file: source.file, reader)
            else { continue }
            found.append(read)
        }
        return found
    }

    private static func read(_ root: Yams.Node, file: String, _ reader: YAMLReader) -> Import? {
        guard let top = reader.fields(root, "a shared snippets file") else { return nil }
        top.rejectUnknown(topKeys, in: reader)
        _ = top["summary"].flatMap { reader.string($0, "'summary'") }
        let name = top.require(topKey, in: reader).flatMap { reader.word($0, "'shared'") }
        if let name, let node = top[topKey], ValueFormat.dns1123Label.problem(with: name) != nil {
            reader.report(node, "'shared' is '\(name)'; expected lower-case words joined by '-', like kubernetes")
        }
        guard let node = top.require(SnippetExpander.topKey, in: reader), let snippets = reader.fields(node, "'snippets'") else { return nil }
        let named = snippets.pairs.filter { SnippetExpander.checkName($0, reader) }
        return name.map { Import(name: $0, file: file, snippets: named) }
    }
}
