import TriageJSON
import TriageModel
import TriageParserSignatures

/// Reads `triage registry-check IMAGE -o json`: whether the registry answered, whether the tag
/// exists or what is missing, whether it wants credentials, the platforms offered (and, when the
/// node's platform is known, whether one of them runs there), the tags nearest a missing one,
/// the check's cause and notes, and the image's repository (without its tag or digest).
struct RegistryCheckParser: OutputParser {
    let signature = ParserSignatures.registryCheck

    func facts(from result: CommandResult, context: ParserContext) -> Facts {
        guard let check = try? JSONValue.parse(result.stdout), check["api_host"]?.string != nil,
            let reachable = check["reachable"]?.bool
        else { return [:] }
        let json = JSONFacts(result.stdout, node: context.node)
        func fact(_ values: [String], key: String) -> Fact? {
            json.fact(values, seenAt: "\"\(key)\"")
        }
        func flag(_ key: String) -> [String] {
            check[key]?.bool.map { [$0 ? "true" : "false"] } ?? []
        }
        func text(_ key: String) -> [String] {
            check[key]?.string.map { [$0] } ?? []
        }
        func list(_ key: String) -> [String] {
            check[key]?.elements.compactMap(\.string) ?? []
        }
        var facts: Facts = [:]
        facts["registry_reachable"] = fact([reachable ? "true" : "false"], key: "reachable")
        facts["tag_exists"] = fact(flag("exists"), key: "exists")
        facts["missing"] = fact(text("missing"), key: "missing")
        facts["needs_auth"] = fact(flag("needs_auth"), key: "needs_auth")
        facts["image_platforms"] = fact(list("platforms"), key: "platforms")
        facts["platform_offered"] = NodeParser.platformOffered(node: context.facts["node_platform"]?.value, image: list("platforms"))
        facts["nearest_tags"] = fact(list("nearest_tags"), key: "nearest_tags")
        facts["registry_error"] = fact(text("error"), key: "error")
        facts["registry_error_cause"] = fact(text("error_cause"), key: "error_cause")
        facts["registry_note"] = fact(list("notes"), key: "notes")
        let image = check["image"]?.string.flatMap { try? ImageReference.parse($0) }
        facts["image_repository"] = fact(image.map { ["\($0.registry)/\($0.repository)"] } ?? [], key: "image")
        return facts
    }
}
