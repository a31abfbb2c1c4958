import Foundation
import Testing
import TriageTestSupport

/// The shared snippets built into Triage (`Runbooks/shared/kubernetes.yaml`) are no runbook of
/// their own, and a user's runbook can import them.
struct SharedSnippetsCommandTests {
    @Test func aUserRunbookImportsTheBuiltInSharedSnippetsAndListingShowsNoSharedFile() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("look.yaml")
        try """
        id: look
        title: Look at a pod
        imports: [kubernetes]
        inputs:
          pod: {format: dns-1123-subdomain}
          namespace: {format: dns-1123-label, default: default}
        start: read
        nodes:
          read:
            step: 1
            title: Read the pod
            run: [kubectl, get, pod, "{{pod}}", --namespace, "{{namespace}}"]
            facts:
              kubectl_error: '^(Error from server.*)$'
            branches:
              - {when: {fact: timed_out, equals: "true"}, goto: api-timeout}
              - {when: {fact: exit_status, matches: "^[1-9]"}, goto: pod-unreadable}
              - otherwise: fine
          fine:
            title: Fine
            diagnosis: {cause: other, outcome: nothing-wrong, summary: "Pod {{pod}} can be read.", fix: [Nothing to do.]}
          pod-unreadable: {use: pod-unreadable}
          api-timeout: {use: api-timeout}
        """.write(to: file, atomically: true, encoding: .utf8)

        let lint = try TriageBinary.run(["lint", file.path])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")

        let list = try TriageBinary.run(["list", "-o", "json", "--runbooks", folder.path])
        #expect(list.status == 0, "\(list.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        let ids = try #require(object["runbooks"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.contains("look") && ids.contains("image-pull-backoff"))
        #expect(!ids.contains("kubernetes"))
        #expect(list.stderr.isEmpty)
    }
}
