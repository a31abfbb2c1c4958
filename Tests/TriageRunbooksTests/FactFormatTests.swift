import Testing
import TriageModel
@testable import TriageRunbooks

/// Any `facts:` entry, read by a pattern or a JSONPath, may declare the `format:` its values must
/// have; `lint` refuses a command that takes a fact whose entry declares none.
struct FactFormatTests {
    /// The valid runbook with node `first` reading `entry` as fact `owner` (line 13), and a fix
    /// step whose command (line 24, column 39) takes it.
    func runbook(_ entry: String) -> String {
        RunbookLoadingTests.valid
            .replacingOccurrences(of: "    parser: pull-failure\n", with: "    parser: pull-failure\n    facts:\n      owner: \(entry)\n")
            .replacingOccurrences(of: "        - Create the secret.", with: "        - {text: Read the owner, run: [kubectl, get, \"{{owner}}\"]}")
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
        #expect(
            found.first?.hasPrefix("24:39: fix step 1 of node 'done' puts fact 'owner' into a command, but its 'facts:' entry declares no 'format:'") == true,
            "\(found)")
    }

    @Test func anUnknownFormatIsReportedWhereItIsWritten() {
        let found = RunbookLoadingTests().problems(runbook(#"{pattern: '(.+)', format: dns}"#))
        #expect(found.contains { $0.hasPrefix("13:40: 'format' of fact 'owner' of node 'first' is 'dns'; expected one of:") }, "\(found)")
    }
}
