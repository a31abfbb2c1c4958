import Testing
import TriageModel
@testable import TriageRunbooks

/// `{by: FACT, cases: {…}}`: branches and fix steps chosen by one fact's value, written once.
struct CaseChoiceTests {
    let shared = SnippetAndBoundsTests()

    func load(_ yaml: String) -> Result<Runbook, RunbookLoadError> { shared.load(yaml) }

    func problems(_ yaml: String) -> [String] { shared.problems(yaml) }

    static let book = """
        id: routes
        title: Routes
        start: first
        nodes:
          first:
            title: Read
            run: [kubectl, describe, pod, web]
            parser: pull-failure
            branches:
              - {when: {fact: cause, equals: other}, goto: done}
              - by: cause
                cases:
                  auth: done
                  network, tls: {goto: network, label: the node cannot reach it, hint: Look at the last words.}
              - otherwise: done
          network:
            title: Network
            diagnosis:
              cause: network
              summary: No route
              fix:
                - First.
                - by: family
                  cases:
                    ecr:
                      - ECR one.
                      - {text: ECR two, when: {fact: cause, equals: tls}}
                    gcr, gar: Google.
                  otherwise: Any other.
                - Last.
          done:
            title: Done
            diagnosis: {cause: x, summary: y, fix: []}
        """

    @Test func aBranchByAFactsValueIsOneBranchPerCaseAtItsKey() throws {
        let node = try #require(try load(Self.book).get().node("first"))
        #expect(
            node.branches.map(\.condition) == [
                .equals(fact: "cause", value: "other"), .equals(fact: "cause", value: "auth"), .oneOf(fact: "cause", values: ["network", "tls"]),
            ])
        #expect(node.branches.map(\.target) == ["done", "done", "network"])
        #expect(node.branches[2].label == "the node cannot reach it")
        #expect(node.branches[2].hint == "Look at the last words.")
        #expect(node.branches[1].location?.line == 13 && node.branches[2].location?.line == 14)
        #expect(node.otherwise == "done")
    }

    @Test func fixStepsByAFactsValueApplyOnlyToTheirValuesAndOtherwiseToTheRest() throws {
        let fix = try #require(try load(Self.book).get().node("network")?.diagnosis?.fix)
        #expect(fix.map(\.text.source) == ["First.", "ECR one.", "ECR two", "Google.", "Any other.", "Last."])
        #expect(
            fix.map(\.when) == [
                nil,
                .equals(fact: "family", value: "ecr"),
                .all([.equals(fact: "family", value: "ecr"), .equals(fact: "cause", value: "tls")]),
                .oneOf(fact: "family", values: ["gcr", "gar"]),
                .not(.oneOf(fact: "family", values: ["ecr", "gcr", "gar"])),
                nil,
            ])
    }

    @Test func aCaseLeadingToAnUnknownNodeIsReportedAtItsKey() {
        let yaml = Self.book.replacingOccurrences(of: "auth: done", with: "auth: dnoe")
        #expect(problems(yaml) == ["13:11: a branch of node 'first' goes to 'dnoe', which does not exist; did you mean 'done'?"])
    }

    @Test func aCaseOnAFactNothingProducesIsReported() {
        let yaml = Self.book.replacingOccurrences(of: "- by: cause", with: "- by: reason")
        #expect(problems(yaml).count == 2)
        #expect(problems(yaml).allSatisfy { $0.contains("reads fact 'reason', which no input, parser, pattern or question before it produces") })
        let inFix = Self.book.replacingOccurrences(of: "- by: family", with: "- by: famliy")
        #expect(
            problems(inFix).first?.contains("reads fact 'famliy', which no input, parser, pattern or question before it produces; did you mean 'family'?")
                == true)
    }

    @Test func aValueWithTwoCasesAndMalformedChoicesAreReportedWhereWritten() {
        let twice = Self.book.replacingOccurrences(of: "network, tls:", with: "network, auth:")
        #expect(problems(twice) == ["14:11: value 'auth' of 'cause' has two cases in branch 2 of node 'first'; a value leads one way"])
        let empty = Self.book.replacingOccurrences(of: "network, tls:", with: "network, ,tls:")
        #expect(problems(empty).first?.hasPrefix("14:11: case 'network, ,tls' of branch 2 of node 'first' has an empty value") == true)
        let noCases = Self.book.replacingOccurrences(of: "    cases:\n          auth", with: "    case:\n          auth")
        #expect(problems(noCases).contains { $0.hasPrefix("12:9: unknown key 'case' in branch 2 of node 'first'; expected one of: by, cases") })
        let otherwiseInBranch = Self.book.replacingOccurrences(of: "      - otherwise: done", with: "        otherwise: done")
        #expect(problems(otherwiseInBranch).contains { $0.hasPrefix("15:9: unknown key 'otherwise' in branch 2 of node 'first'") })
    }
}

/// `endings: {step, verify}`: the step and verification of every ending that gives none of its
/// own, so adding a step renumbers every such ending at once.
struct EndingStepTests {
    func steps(_ yaml: String) throws -> [String: Int?] {
        let runbook = try SnippetAndBoundsTests().load(yaml).get()
        return Dictionary(uniqueKeysWithValues: runbook.nodes.map { ($0.id, $0.step) })
    }

    static let book = """
        id: steps
        title: Steps
        start: first
        endings:
          step: 3
          verify: {text: Watch it, run: [kubectl, get, pod, web]}
        nodes:
          first:
            step: 1
            title: Read
            run: [kubectl, describe, pod, web]
            parser: pull-failure
            branches:
              - {when: {fact: cause, equals: other}, goto: early}
              - otherwise: second
          second:
            step: 2
            title: Read more
            run: [kubectl, get, pod, web]
            next: done
          early:
            step: 1
            title: Early
            diagnosis: {cause: x, summary: y, fix: []}
          done:
            title: Done
            diagnosis: {cause: x, summary: y, fix: [], verify: {text: Look once}}
        """

    @Test func anEndingWithoutAStepOrVerifyHasTheRunbooksAndItsOwnStay() throws {
        let numbered = try steps(Self.book)
        #expect(numbered["done"] == 3)
        #expect(numbered["early"] == 1)
        #expect(numbered["second"] == 2)
        let runbook = try SnippetAndBoundsTests().load(Self.book).get()
        #expect(runbook.node("early")?.diagnosis?.verify?.text.source == "Watch it")
        #expect(runbook.node("done")?.diagnosis?.verify?.text.source == "Look once")
        let unnumbered = try steps(Self.book.replacingOccurrences(of: "  step: 3\n", with: ""))
        #expect(unnumbered["done"] == .some(nil))
        #expect(
            SnippetAndBoundsTests().problems(Self.book.replacingOccurrences(of: "  step: 3", with: "  step: 0")) == [
                "5:9: 'step' of 'endings' is 0; steps are numbered from 1"
            ])
    }
}
