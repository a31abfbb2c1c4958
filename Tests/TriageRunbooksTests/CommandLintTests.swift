import Testing
import TriageModel
@testable import TriageRunbooks

/// `lint` judges each command from its argument vector, not from the file's `mutates:` and
/// `where:`; each problem at the `run:` value's line and column.
struct CommandLintTests {
    func problems(_ yaml: String) -> [String] {
        RunbookLoadingTests().problems(yaml)
    }

    /// `valid` with node `first`'s command (line 10, column 10) replaced.
    func withFirstCommand(_ run: String, extra: String = "") -> String {
        RunbookLoadingTests.valid.replacingOccurrences(
            of: "    run: [kubectl, describe, pod, \"{{pod}}\"]",
            with: "    run: \(run)\(extra)"
        )
    }

    @Test func theValidRunbookHasNoCommandProblem() {
        #expect(problems(RunbookLoadingTests.valid) == [])
    }

    @Test(arguments: [
        "[kubectl, delete, pod, \"{{pod}}\"]",
        "[kubectl, -n, shop, delete, pod, \"{{pod}}\"]",
        "[/usr/local/bin/kubectl, patch, serviceaccount, \"{{pod}}\", --patch, '{}']",
        "[kubectl, rollout, restart, \"deployment/{{pod}}\"]",
        "[kubectl, exec, \"{{pod}}\", --, ls]",
        "[kubectl, \"{{pod}}\", pods]",
    ])
    func aKubectlCommandThatChangesTheClusterMustSaySo(run: String) throws {
        let found = problems(withFirstCommand(run))
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.hasPrefix("10:10: node 'first' runs `"))
        #expect(problem.contains("which changes things"))
        #expect(problem.contains("is not marked 'mutates: true'"))
    }

    @Test func markedMutatingItPasses() {
        #expect(problems(withFirstCommand("[kubectl, delete, pod, \"{{pod}}\"]", extra: "\n    mutates: true")) == [])
    }

    @Test func aDryRunOnlyReads() {
        #expect(problems(withFirstCommand("[kubectl, delete, pod, \"{{pod}}\", --dry-run=server]")) == [])
    }

    @Test(arguments: [
        ("[crictl, pull, \"{{pod}}\"]", "`crictl pull`"),
        ("[docker, rmi, \"{{pod}}\"]", "`docker rmi`"),
        ("[ctr, -n, k8s.io, images, pull, \"{{pod}}\"]", "`ctr images pull`"),
    ])
    func nodeCommandsThatChangeTheNodeMustSaySo(run: String, verb: String) throws {
        let found = problems(withFirstCommand(run, extra: "\n    where: node"))
        #expect(found.count == 1)
        #expect(try #require(found.first).contains(verb))
    }

    @Test(arguments: [
        ("[sh, -c, \"kubectl get sa {{pod}}\"]", "`sh` is a shell"),
        ("[bash, -lc, \"echo {{pod}}\"]", "`bash` is a shell"),
        ("[env, A=1, sh, -c, \"echo {{pod}}\"]", "`sh` is a shell"),
        ("[python3, -c, \"print('{{pod}}')\"]", "`python3` is an interpreter"),
        ("[/bin/busybox, sh, -c, id]", "`sh` is a shell"),
        ("[xargs, echo]", "`xargs` runs commands"),
    ])
    func shellsAndInterpretersGivenAScriptAreRefusedEvenMarkedMutating(run: String, why: String) throws {
        let found = problems(withFirstCommand(run, extra: "\n    where: local\n    mutates: true"))
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.hasPrefix("10:10: node 'first' runs `"))
        #expect(problem.contains(why))
        #expect(problem.contains("Run the program itself as an argument vector"))
    }

    @Test(arguments: ["local", "node"])
    func kubectlOutsideWhereClusterIsRefused(location: String) {
        let found = problems(withFirstCommand("[kubectl, describe, pod, \"{{pod}}\"]", extra: "\n    where: \(location)"))
        #expect(
            found == [
                "10:10: node 'first' runs kubectl with 'where: \(location)'; kubectl commands run 'where: cluster', where the user's --context and --kubeconfig apply"
            ])
    }

    @Test func fixAndVerifyStepsAreJudgedToo() {
        let yaml = RunbookLoadingTests.valid.replacingOccurrences(
            of: "        - Create the secret.",
            with: """
                        - {text: Delete it, run: [kubectl, delete, pod, "{{pod}}"]}
                        - {text: Look, run: [sh, -c, "kubectl get pod {{pod}}"], mutates: true}
                      verify: {text: Watch, run: [kubectl, get, pods], where: local}
                """
        )
        let found = problems(yaml)
        #expect(found.count == 3)
        #expect(found[0].hasPrefix("22:34: fix step 1 of node 'done' runs `kubectl delete pod {{pod}}`, which changes things"))
        #expect(found[1].hasPrefix("23:29: fix step 2 of node 'done' runs `sh -c kubectl get pod {{pod}}`: `sh` is a shell"))
        #expect(found[2].hasPrefix("24:34: the verification of node 'done' runs kubectl with 'where: local'"))
    }
}

/// In a YAML flow list a comma ends an item even with no space after it: `configmaps,secrets`
/// written bare is two arguments, where kubectl's resource list is one. `lint` names both readings.
struct BareCommaLintTests {
    func problems(_ yaml: String) -> [String] {
        RunbookLoadingTests().problems(yaml)
    }

    @Test func aBareCommaInARunListIsReportedWithBothReadings() throws {
        let found = problems(CommandLintTests().withFirstCommand("[kubectl, get, configmaps,secrets]"))
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.hasPrefix("10:25: 'run' of node 'first' has `configmaps,secrets` with no space after its comma"))
        #expect(problem.contains("2 arguments ('configmaps', 'secrets')"))
        #expect(problem.contains(#"write "configmaps,secrets" in quotes for one argument"#))
        #expect(problem.contains("`configmaps, secrets` for 2"))
    }

    @Test func eachRunOfJoinedItemsIsReportedOnce() throws {
        let found = problems(CommandLintTests().withFirstCommand("[kubectl,get, a,b,c, --namespace, x]"))
        #expect(found.count == 2)
        #expect(found.first?.hasPrefix("10:11: 'run' of node 'first' has `kubectl,get`") == true)
        #expect(found.last?.contains("`a,b,c` with no space after its commas, which YAML reads as 3 arguments") == true)
    }

    @Test(arguments: [
        "[kubectl, get, \"configmaps,secrets\"]", "[kubectl, get, 'configmaps,secrets']", "[kubectl, get, configmaps, secrets]",
        "[kubectl, get,\n      configmaps]", "[kubectl, get, \"{{pod}}\",configmaps]",
    ])
    func quotedOrSpacedItemsPass(run: String) {
        #expect(problems(CommandLintTests().withFirstCommand(run)) == [])
    }

    @Test func aBlockListHasNoCommasToMistake() {
        #expect(problems(CommandLintTests().withFirstCommand("\n      - kubectl\n      - get\n      - configmaps,secrets")) == [])
    }

    @Test func aScenarioRecordingIsCheckedTooAndFixStepsAndSnippets() throws {
        let fix = RunbookLoadingTests.valid.replacingOccurrences(
            of: "        - Create the secret.", with: "        - {text: List them, run: [kubectl, get, configmaps,secrets]}")
        let found = problems(fix)
        #expect(found.count == 1 && found.first?.hasPrefix("22:49: ") == true && found.first?.contains("`configmaps,secrets`") == true, "\(found)")
        let scenario = """
            id: s
            runbook: demo
            title: S
            difficulty: beginner
            inputs: {pod: web}
            commands:
              - run: [kubectl, get, configmaps,secrets]
            expect: {ending: done}
            """
        let loaded = ScenarioDecoder.decode(scenario, file: "s.yaml")
        guard case .failure(let error) = loaded else {
            Issue.record("the scenario loaded")
            return
        }
        #expect(error.diagnostics.map(\.description).contains { $0.contains("s.yaml:7:25") && $0.contains("`configmaps,secrets`") })
    }
}

/// A pattern over a command's JSON sees its values decoded: one spelling JSON's escapes is
/// reported at its line and column.
struct JSONPatternLintTests {
    func withFacts(_ run: String, _ facts: String) -> String {
        RunbookLoadingTests.valid.replacingOccurrences(
            of: "    run: [kubectl, describe, pod, \"{{pod}}\"]",
            with: "    run: \(run)\n    facts:\n      \(facts)")
    }

    @Test func anEscapedQuoteOnAJSONCommandIsReported() throws {
        let escaped = #"missing: 'configmap \\"([a-z-]+)\\" not found'"#
        let found = RunbookLoadingTests().problems(withFacts("[kubectl, get, pod, \"{{pod}}\", --output, json]", escaped))
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.hasPrefix("12:7: fact 'missing' of node 'first' reads the JSON its command prints"))
        #expect(problem.contains(#"the pattern's '\\"'"#) && problem.contains("{jsonpath:"))
    }

    @Test(arguments: ["-o, json", "--output=json", "-ojson"])
    func everySpellingOfJSONOutputCounts(flag: String) {
        let found = RunbookLoadingTests().problems(withFacts("[kubectl, get, pod, \"{{pod}}\", \(flag)]", #"missing: 'a \\n b'"#))
        #expect(found.count == 1 && found.first?.contains(#"'\\n'"#) == true)
    }

    @Test func theDecodedSpellingAndTextOutputPass() {
        let json = "[kubectl, get, pod, \"{{pod}}\", --output, json]"
        #expect(RunbookLoadingTests().problems(withFacts(json, #"missing: 'configmap "([a-z-]+)" not found'"#)) == [])
        #expect(RunbookLoadingTests().problems(withFacts("[kubectl, describe, pod, \"{{pod}}\"]", #"missing: 'configmap \\"([a-z-]+)\\" not found'"#)) == [])
        #expect(RunbookLoadingTests().problems(withFacts("[kubectl, get, pod, \"{{pod}}\", -o, json]", #"path: 'C:\\\\(\w+)'"#)).count == 1)
    }
}
