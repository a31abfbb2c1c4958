import Testing
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
