import Testing
import TriageModel
@testable import TriageRunbooks

/// Any `facts:` entry, read by a pattern or a JSONPath, may declare the `format:` its values must
/// have; `lint` refuses a command that takes a fact whose entry declares none.
struct FactFormatTests {
    /// A runbook whose first node reads `entry` as fact `owner`, and whose second node's command
    /// (line 15, column 10) takes it.
    func runbook(_ entry: String) -> String {
        """
        id: demo
        title: Demo
        inputs:
          pod:
            format: dns-1123-subdomain
        start: first
        nodes:
          first:
            title: Read the owner
            run: [kubectl, get, pod, "{{pod}}", --output, json]
            facts:
              owner: \(entry)
          second:
            title: Read the owner's object
            run: [kubectl, get, "{{owner}}"]
        """.replacingOccurrences(of: "facts:\n      owner", with: "next: second\n    facts:\n      owner")
            + "\n    next: done\n  done:\n    title: Done\n    diagnosis: {cause: other, summary: done, fix: []}\n"
    }

    @Test(arguments: [
        #"{pattern: '"name": "([a-z0-9-]+)"', format: dns-1123-label}"#,
        #"{jsonpath: '{.metadata.ownerReferences[0].name}', format: dns-1123-subdomain}"#,
        #"{pattern: 'owner (\S+)', all: true, format: word}"#,
    ])
    func aDeclaredFormatIsKeptAndSatisfiesLint(entry: String) throws {
        let yaml = runbook(entry)
        #expect(RunbookLoadingTests().problems(yaml) == [])
        let runbook = try RunbookDecoder.decode(yaml, file: "book.yaml").get()
        #expect(runbook.node("first")?.extractions.first?.format != nil)
    }

    @Test(arguments: [#"'"name": "(.+)"'"#, #"{pattern: '"name": "(.+)"'}"#, #"{jsonpath: '{.metadata.name}'}"#])
    func aCommandTakingAnUnformattedFactIsAProblem(entry: String) {
        let found = RunbookLoadingTests().problems(runbook(entry))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("16:10: node 'second' puts fact 'owner' into a command, but its 'facts:' entry declares no 'format:'") == true, "\(found)")
    }

    @Test func anUnknownFormatIsReportedWhereItIsWritten() {
        let found = RunbookLoadingTests().problems(runbook(#"{pattern: '(.+)', format: dns}"#))
        #expect(found.contains { $0.hasPrefix("13:40: 'format' of fact 'owner' of node 'first' is 'dns'; expected one of:") }, "\(found)")
    }
}
