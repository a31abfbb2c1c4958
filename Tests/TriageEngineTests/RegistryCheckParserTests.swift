import Testing
import TriageModel
@testable import TriageEngine

/// The `registry-check` parser reads `triage registry-check -o json` into facts.
struct RegistryCheckParserTests {
    static let missingTag = """
        {
          "api_host" : "127.0.0.1:5000",
          "digest" : null,
          "error" : "manifest unknown: 127.0.0.1:5000/shop/web has no tag v1.2.2",
          "error_cause" : "image-not-found",
          "exists" : false,
          "image" : "127.0.0.1:5000/shop/web:v1.2.2",
          "media_type" : null,
          "missing" : "tag",
          "nearest_tags" : [
            "v1.2.1",
            "v1.2.0"
          ],
          "needs_auth" : false,
          "notes" : [
            "127.0.0.1:5000 speaks plain HTTP, not HTTPS; the check used plain HTTP because runtimes allow it for localhost"
          ],
          "platforms" : [

          ],
          "reachable" : true,
          "registry" : "127.0.0.1:5000"
        }
        """

    let parser = ParserCatalog.standard.parser("registry-check")

    @Test func missingTagGivesNearestTags() throws {
        let facts = try #require(parser).facts(from: CommandResult(stdout: Self.missingTag), context: ParserContext(node: "registry"))
        #expect(facts["registry_reachable"]?.values == ["true"])
        #expect(facts["tag_exists"]?.values == ["false"])
        #expect(facts["missing"]?.values == ["tag"])
        #expect(facts["needs_auth"]?.values == ["false"])
        #expect(facts["nearest_tags"]?.values == ["v1.2.1", "v1.2.0"])
        #expect(facts["registry_error_cause"]?.values == ["image-not-found"])
        #expect(facts["registry_note"]?.values.count == 1)
        #expect(facts["image_platforms"] == nil)
        #expect(facts["missing"]?.evidence == Evidence(line: 9, text: "  \"missing\" : \"tag\",", node: "registry"))
    }

    @Test func unreachableRegistryLeavesUnknownsOut() throws {
        let output = """
            {"api_host":"127.0.0.1:1","digest":null,"error":"dial tcp 127.0.0.1:1: connect: connection refused","error_cause":"network","exists":null,"image":"127.0.0.1:1/a:latest","media_type":null,"missing":null,"nearest_tags":[],"needs_auth":null,"notes":[],"platforms":[],"reachable":false,"registry":"127.0.0.1:1"}
            """
        let facts = try #require(parser).facts(from: CommandResult(stdout: output), context: ParserContext(node: "registry"))
        #expect(facts["registry_reachable"]?.values == ["false"])
        #expect(facts["registry_error_cause"]?.values == ["network"])
        #expect(facts["tag_exists"] == nil)
        #expect(facts["needs_auth"] == nil)
        #expect(facts["missing"] == nil)
    }

    @Test func platformsOfAnIndex() throws {
        let output = """
            {"api_host":"registry-1.docker.io","exists":true,"needs_auth":false,"platforms":["linux/amd64","linux/arm64/v8"],"reachable":true}
            """
        let facts = try #require(parser).facts(from: CommandResult(stdout: output), context: ParserContext(node: "registry"))
        #expect(facts["image_platforms"]?.values == ["linux/amd64", "linux/arm64/v8"])
        #expect(facts["tag_exists"]?.values == ["true"])
    }

    @Test func otherOutputGivesNoFacts() throws {
        let parser = try #require(parser)
        #expect(
            parser.facts(
                from: CommandResult(stdout: "", stderr: "triage registry-check: invalid reference format", exitStatus: 2),
                context: ParserContext(node: "registry")
            ).isEmpty)
        #expect(parser.facts(from: CommandResult(stdout: #"{"kind":"Pod"}"#), context: ParserContext(node: "registry")).isEmpty)
    }
}
