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
        (#"      policy: {jsonpath: '{.spec.containers[*.image}'}"#, "12:46: 'jsonpath' of fact 'policy' of node 'read' is not a valid JSONPath expression: expected ']'"),
        (#"      policy: {jsonpath: '{.spec.containers[?(@.name="web")]}'}"#, "12:53: 'jsonpath' of fact 'policy' of node 'read' is not a valid JSONPath expression: expected '==', '!=' or ')' in the filter"),
        (#"      policy: {jsonpath: "spec.restartPolicy"}"#, "12:27: 'jsonpath' of fact 'policy' of node 'read' is not a valid JSONPath expression: a path starts with '.', '..', '[' or '$', as in .metadata.name"),
        (#"      policy: {jsonpath: {.spec.x}}"#, "12:26: 'jsonpath' of fact 'policy' of node 'read' must be text, not a mapping"),
        (#"      policy: {jsonpath: '{.spec}', all: true}"#, "12:42: 'all' of fact 'policy' of node 'read' does not apply to 'jsonpath', which gives every value it selects"),
    ])
    func aBadExpressionIsReportedWhereItGoesWrong(facts: String, expected: String) {
        #expect(problems(Self.runbook(facts)) == [expected])
    }
}
