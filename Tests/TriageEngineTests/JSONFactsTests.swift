import Testing
import TriageModel
@testable import TriageEngine

/// A fact read from kubectl's JSON quotes the first output line that holds its marker.
struct JSONFactsTests {
    @Test(arguments: [
        ("        \"image\": \"nginx:1.27-alpne\",", "\"nginx:1.27-alpne\"", true),
        ("\"reason\": \"ErrImagePull\"", "\"reason\"", true),
        ("ends with the marker ImagePullBackOff", "ImagePullBackOff", true),
        ("ImagePullBackOf", "ImagePullBackOff", false),
        ("", "x", false),
        ("anything", "", true),
        ("caf\u{e9} \u{2713} \"naïve\"", "\"naïve\"", true),
        ("nnnnnnnnno", "nno", true),
    ])
    func aLineHoldsItsMarkerByteForByte(line: String, marker: String, holds: Bool) {
        #expect(JSONFacts.line(Substring(line), contains: Array(marker.utf8)) == holds)
    }

    @Test func theEvidenceIsTheFirstLineThatHoldsTheMarker() {
        let facts = JSONFacts("{\n  \"name\": \"web\",\n  \"image\": \"web:1\",\n  \"other\": \"web:1\"\n}", node: "pod")
        let fact = facts.fact(["web:1"], seenAt: "\"web:1\"")
        #expect(fact?.evidence?.line == 3)
        #expect(fact?.evidence?.text == "  \"image\": \"web:1\",")
        #expect(facts.fact(["absent"], seenAt: "\"absent\"")?.evidence == nil)
    }
}

/// Output with CRLF line ends (a paste from a Windows terminal, a file saved there) is read line by
/// line like LF output: Swift reads "\r\n" as one character, which a split at "\n" alone misses.
struct CRLFOutputTests {
    static let output = "Name:   web\r\nStatus: Pending\r\nReason: ImagePullBackOff\r\n"

    @Test func anAnchoredPatternMatchesItsOwnLine() throws {
        let extraction = FactExtraction(fact: "status", pattern: try Pattern("^Status:\\s+(\\S+)$"))
        let fact = try #require(FactExtractor.extract(extraction, from: FactSource(CommandResult(stdout: Self.output)), node: "describe"))
        #expect(fact.value == "Pending")
        #expect(fact.evidence?.line == 2)
        #expect(fact.evidence?.text == "Status: Pending")
    }

    @Test func jsonEvidenceIsItsOwnLine() {
        let facts = JSONFacts("{\r\n  \"name\": \"web\",\r\n  \"image\": \"web:1\"\r\n}", node: "pod")
        let fact = facts.fact(["web:1"], seenAt: "\"web:1\"")
        #expect(fact?.evidence?.line == 3)
        #expect(fact?.evidence?.text == "  \"image\": \"web:1\"")
    }
}
