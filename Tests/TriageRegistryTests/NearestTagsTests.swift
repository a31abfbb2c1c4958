import Testing
@testable import TriageRegistry

/// Ranking existing tags by nearness to a missing one.
struct NearestTagsTests {
    static let tags = ["v1.2.0", "v1.2.1", "v2.0.0", "latest"]

    @Test func nextVersionDownComesFirst() {
        #expect(NearestTags.rank("v1.2.2", among: Self.tags) == ["v1.2.1", "v1.2.0", "v2.0.0"])
    }

    @Test func lookAlikeLetterIsReadAsADigit() {
        #expect(NearestTags.rank("v1.2.O", among: Self.tags).first == "v1.2.0")
        #expect(NearestTags.rank("1atest", among: Self.tags) == ["latest"])
    }

    @Test func typoInAWordTagUsesEditDistance() {
        let tags = ["1.25-alpine", "1.25-bookworm", "stable", "mainline-alpine"]
        #expect(NearestTags.rank("1.25-alpne", among: tags).first == "1.25-alpine")
        #expect(NearestTags.rank("stabel", among: tags) == ["stable"])
    }

    @Test func versionsAroundAMissingOneInTheSameLine() {
        let tags = ["1.2.0", "1.2.9", "1.3.1", "1.30.0", "2.0.0"]
        #expect(NearestTags.rank("1.3.0", among: tags, limit: 2) == ["1.3.1", "1.2.9"])
    }

    @Test func suffixMustMatchForVersionsButPrefixStillCounts() {
        let tags = ["1.25.3-alpine", "1.25.4", "1.26.0-alpine"]
        #expect(NearestTags.rank("1.25.4-alpine", among: tags) == ["1.25.3-alpine", "1.26.0-alpine", "1.25.4"])
    }

    @Test func farTagsAreLeftOutAndTheLimitHolds() {
        #expect(NearestTags.rank("feature-x", among: ["sha256-0123abcd.sig", "release"]).isEmpty)
        let many = (0..<20).map { "v1.0.\($0)" }
        #expect(NearestTags.rank("v1.0.25", among: many) == ["v1.0.19", "v1.0.18", "v1.0.17", "v1.0.16", "v1.0.15"])
    }

    @Test func editDistanceCountsTranspositionsOnce() {
        #expect(NearestTags.editDistance(Array("latset"), Array("latest"), bound: 3) == 1)
        #expect(NearestTags.editDistance(Array("abc"), Array("xyz"), bound: 2) == nil)
    }
}
