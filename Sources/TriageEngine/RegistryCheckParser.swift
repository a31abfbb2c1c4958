import Foundation
import TriageModel

/// Reads `triage registry-check IMAGE -o json`: whether the registry answered, whether the tag
/// exists or what is missing, whether credentials are needed, the platforms offered, the tags
/// nearest a missing one, and the check's cause and notes.
struct RegistryCheckParser: OutputParser {
    let signature = ParserSignature(
        name: "registry-check",
        summary: "triage registry-check -o json: reachability, tag existence, missing tag or repository, auth, platforms, nearest tags",
        facts: [
            "registry_reachable", "tag_exists", "missing", "needs_auth", "image_platforms", "nearest_tags",
            "registry_error", "registry_error_cause", "registry_note",
        ],
        headline: [.init("registry_reachable", "reachable"), .init("tag_exists", "tag exists"), .init("missing", "missing"), .init("nearest_tags", "nearest tags"), .init("registry_error", "error")]
    )

    func facts(from result: CommandResult, context: ParserContext) -> Facts {
        guard let check = JSONFacts.object(result.stdout), check["api_host"] is String,
              let reachable = check["reachable"] as? Bool
        else { return [:] }
        let json = JSONFacts(result.stdout, node: context.node)
        func fact(_ values: [String], key: String) -> Fact? {
            json.fact(values, seenAt: "\"\(key)\"")
        }
        func flag(_ key: String) -> [String] {
            (check[key] as? Bool).map { [$0 ? "true" : "false"] } ?? []
        }
        func text(_ key: String) -> [String] {
            (check[key] as? String).map { [$0] } ?? []
        }
        func list(_ key: String) -> [String] {
            check[key] as? [String] ?? []
        }
        var facts: Facts = [:]
        facts["registry_reachable"] = fact([reachable ? "true" : "false"], key: "reachable")
        facts["tag_exists"] = fact(flag("exists"), key: "exists")
        facts["missing"] = fact(text("missing"), key: "missing")
        facts["needs_auth"] = fact(flag("needs_auth"), key: "needs_auth")
        facts["image_platforms"] = fact(list("platforms"), key: "platforms")
        facts["nearest_tags"] = fact(list("nearest_tags"), key: "nearest_tags")
        facts["registry_error"] = fact(text("error"), key: "error")
        facts["registry_error_cause"] = fact(text("error_cause"), key: "error_cause")
        facts["registry_note"] = fact(list("notes"), key: "notes")
        return facts
    }
}
