import Foundation
import Testing
import TriageModel
@testable import TriageRunbooks

/// `facts:` entries of the form `NAME: {jsonpath: '…'}`: loaded with the expression checked, and
/// a bad one reported at the character where it goes wrong.
struct JSONPathFactTests {
    static func runbook(_ facts: String) -> String {
        """
        id: demo
        title: Demo
        inputs:
          pod:
            format: dns-1123-subdomain
        start: read
        nodes:
          read:
            title: Read the pod
            run: [kubectl, get, pod, "{{pod}}", -o, json]
            facts:
        \(facts)
            branches:
              - when: {fact: policy, equals: Never}
                goto: done
              - otherwise: done
          done:
            title: Done
            diagnosis:
              cause: never-pull
              summary: "{{policy}}"
              fix: [Set imagePullPolicy to IfNotPresent]
        """
    }

    func load(_ yaml: String) -> Result<Runbook, RunbookLoadError> {
        RunbookDecoder.load(yaml, file: "book.yaml", validator: RunbookValidator(parsers: []))
    }

    func problems(_ yaml: String) -> [String] {
        guard case .failure(let error) = load(yaml) else { return [] }
        return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    @Test func aJSONPathFactLoadsAndCountsAsProduced() throws {
        let yaml = Self.runbook(#"      policy: {jsonpath: '{.spec.containers[?(@.name=="web")].imagePullPolicy}'}"#)
        #expect(problems(yaml) == [])
        let runbook = try load(yaml).get()
        let extraction = try #require(runbook.node("read")?.extractions.first)
        #expect(extraction.fact == "policy")
        #expect(extraction.jsonPath?.source == #"{.spec.containers[?(@.name=="web")].imagePullPolicy}"#)

        // Parsed once, at load; encoded as written and parsed again when decoded.
        let encoded = try JSONEncoder().encode(extraction)
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""jsonPath":"{.spec.containers[?(@.name==\"web\")].imagePullPolicy}""#))
        #expect(try JSONDecoder().decode(FactExtraction.self, from: encoded) == extraction)
        let broken = Data(String(decoding: encoded, as: UTF8.self).replacingOccurrences(of: "[?(", with: "[?((").utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FactExtraction.self, from: broken) }
    }

    @Test(arguments: [
        (
            #"      policy: {jsonpath: '{.spec.containers[*.image}'}"#,
            "12:46: 'jsonpath' of fact 'policy' of node 'read' is not a valid JSONPath expression: expected ']'"
        ),
        (
            #"      policy: {jsonpath: '{.spec.containers[?(@.name="web")]}'}"#,
            "12:53: 'jsonpath' of fact 'policy' of node 'read' is not a valid JSONPath expression: expected '==', '!=' or ')' in the filter"
        ),
        (
            #"      policy: {jsonpath: "spec.restartPolicy"}"#,
            "12:27: 'jsonpath' of fact 'policy' of node 'read' is not a valid JSONPath expression: a path starts with '.', '..', '[' or '$', as in .metadata.name"
        ),
        (#"      policy: {jsonpath: {.spec.x}}"#, "12:26: 'jsonpath' of fact 'policy' of node 'read' must be text, not a mapping"),
        (
            #"      policy: {jsonpath: '{.spec}', all: true}"#,
            "12:42: 'all' of fact 'policy' of node 'read' does not apply to 'jsonpath', which gives every value it selects"
        ),
    ])
    func aBadExpressionIsReportedWhereItGoesWrong(facts: String, expected: String) {
        #expect(problems(Self.runbook(facts)) == [expected])
    }
}

/// `selects:` is a condition over the standard pod reading's facts alone, and `intro:` is text;
/// a fact the pod reading does not give is an error at the `selects:` line and column.
struct SelectionLoadingTests {
    static func runbook(_ top: String) -> String {
        """
        id: demo
        title: Demo
        \(top)
        start: done
        nodes:
          done:
            title: Done
            diagnosis:
              cause: demo
              summary: Nothing.
              fix: [Nothing]
        """
    }

    static let validator = RunbookValidator(parsers: [ParserSignature(name: "pod-json", summary: "a pod", facts: ["phase", "container_waiting_reasons"])])

    func problems(_ yaml: String) -> [String] {
        guard case .failure(let error) = RunbookDecoder.load(yaml, file: "book.yaml", validator: Self.validator) else { return [] }
        return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    @Test func selectsAndIntroLoad() throws {
        let yaml = Self.runbook("intro: |\n  First read the logs.\n  Then the limits.\nselects: {fact: container_waiting_reasons, in: [CrashLoopBackOff]}")
        let runbook = try RunbookDecoder.load(yaml, file: "book.yaml", validator: Self.validator).get()
        #expect(runbook.intro == "First read the logs.\nThen the limits.\n")
        #expect(runbook.selection?.condition == .oneOf(fact: "container_waiting_reasons", values: ["CrashLoopBackOff"]))
        #expect(runbook.selection?.location?.line == 6)
    }

    @Test func aFactThePodReadingDoesNotGiveIsAnError() {
        #expect(
            problems(Self.runbook("selects: {fact: container_waiting_reason, equals: CrashLoopBackOff}")) == [
                "3:10: 'selects' reads fact 'container_waiting_reason', which the pod reading ('pod-json') does not produce (its facts: 'triage list --parsers'); did you mean 'container_waiting_reasons'?"
            ])
        #expect(
            problems(Self.runbook("selects: {fact: phase}")) == [
                "3:10: the condition of 'selects' must test the fact exactly one way (equals, in, in_fact, present or matches); it has none"
            ])
        #expect(problems(Self.runbook("intro: [a, {b: c}]")).first?.hasPrefix("3:") == true)
    }
}
