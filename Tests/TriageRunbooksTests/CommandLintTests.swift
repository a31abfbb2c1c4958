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
