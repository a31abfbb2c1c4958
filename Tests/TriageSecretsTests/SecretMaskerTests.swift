import Foundation
import Testing
import struct TriageModel.CommandResult
import struct TriageModel.Evidence
import TriageTestSupport
@testable import TriageSecrets

/// Secrets are masked by structure and by wording; nothing else changes, and no line is added
/// or lost.
struct SecretMaskerTests {
    let masker = SecretMasker.standard

    func lineCount(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).count
    }

    func assertClean(_ input: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let masked = masker.mask(input)
        #expect(PlantedSecrets.leaks(in: masked).isEmpty, "leaked in: \(masked.debugDescription)", sourceLocation: sourceLocation)
        #expect(lineCount(masked) == lineCount(input), sourceLocation: sourceLocation)
    }

    @Test func secretJSONIsMaskedWhateverItsKeysAreCalled() {
        assertClean(PlantedSecrets.secretListJSON)
        let masked = masker.mask(PlantedSecrets.secretListJSON)
        #expect(masked.contains(#""weird.key": "<redacted>""#))
        #expect(masked.contains(#""p": "<redacted>""#))
        #expect(masked.contains(#""name": "regcred""#))
        #expect(masked.contains("kubernetes.io/dockerconfigjson"))
    }

    @Test func aDockerConfigKeepsItsHostsOnly() throws {
        let masked = SecretMasker.keepingRegistryHosts.mask(PlantedSecrets.secretListJSON)
        #expect(PlantedSecrets.leaks(in: masked).isEmpty)
        let line = try #require(masked.split(separator: "\n").first { $0.contains(".dockerconfigjson") })
        let encoded = try #require(line.split(separator: "\"").last)
        let config = try #require(Data(base64Encoded: String(encoded)))
        #expect(String(decoding: config, as: UTF8.self) == #"{"auths":{"registry.example.com":{}}}"#)
    }

    @Test func aDockerConfigShowsItsHostsTypeAndNamespaceToPeople() throws {
        let masked = masker.mask(PlantedSecrets.secretListJSON)
        #expect(masked.contains(#"".dockerconfigjson": "<redacted; registries: registry.example.com>""#))
        #expect(masked.contains(#""type": "kubernetes.io/dockerconfigjson""#) && masked.contains(#""namespace": "shop""#))
        let yaml = masker.mask(PlantedSecrets.secretListYAML)
        #expect(yaml.contains("    .dockerconfigjson: <redacted; registries: registry.example.com>"))
        #expect(yaml.contains("  type: kubernetes.io/dockerconfigjson") && yaml.contains("    name: regcred"))
        // Alone on a line (a fact's evidence), under a secret's name, and in the legacy format.
        #expect(
            masker.mask(#"  ".dockerconfigjson": "\#(PlantedSecrets.dockerConfig)","#)
                == #"  ".dockerconfigjson": "<redacted; registries: registry.example.com>","#)
        let legacy = Data(#"{"https://index.docker.io/v1/":{"auth":"\#(PlantedSecrets.auth)"},"quay.io":{"password":"\#(PlantedSecrets.password)"}}"#.utf8)
        #expect(masker.mask(".dockercfg: \(legacy.base64EncodedString())") == ".dockercfg: <redacted; registries: https://index.docker.io/v1/, quay.io>")
        let empty = Data(#"{"auths":{}}"#.utf8).base64EncodedString()
        #expect(masker.mask(#"{"data": {".dockerconfigjson": "\#(empty)"}}"#) == #"{"data": {".dockerconfigjson": "<redacted; registries: none>"}}"#)
    }

    /// The last-applied annotation of `-o json` holds the Secret again, as JSON in a string: its
    /// values are masked as the Secret's are, and its type, namespace and hosts stay.
    @Test func theLastAppliedAnnotationIsMaskedByItsStructure() throws {
        let applied =
            #"{"apiVersion":"v1","data":{".dockerconfigjson":"\#(PlantedSecrets.dockerConfig)","x":"\#(PlantedSecrets.auth)"},"kind":"Secret","metadata":{"name":"regcred","namespace":"shop"},"stringData":{"p":"\#(PlantedSecrets.password)"},"type":"kubernetes.io/dockerconfigjson"}"#
        let line = #"            "kubectl.kubernetes.io/last-applied-configuration": "\#(applied.replacingOccurrences(of: "\"", with: "\\\""))\n""#
        let masked = masker.mask(line)
        #expect(PlantedSecrets.leaks(in: masked).isEmpty, "\(masked)")
        #expect(masked.contains(#"\".dockerconfigjson\":\"<redacted; registries: registry.example.com>\""#), "\(masked)")
        #expect(masked.contains(#"\"namespace\":\"shop\""#) && masked.contains(#"\"type\":\"kubernetes.io/dockerconfigjson\""#), "\(masked)")
        #expect(masked.contains(#"\"p\":\"<redacted>\""#) && masked.contains(#"\"x\":\"<redacted>\""#), "\(masked)")
        #expect(masker.mask(masked) == masked)
        let values = SecretMasker.secretValues(in: line)
        #expect(values.contains(PlantedSecrets.password) && values.contains(PlantedSecrets.dockerConfig))
        // Quotes and backslashes escaped inside the inner JSON's strings stay inside them.
        for value in [#"q\"uote-\#(PlantedSecrets.password)"#, #"back\\"#, #"\\\"-\#(PlantedSecrets.password)"#] {
            let inner = #"{"kind":"Secret","stringData":{"p":"\#(value)","password":"\#(value)"},"metadata":{"namespace":"shop"}}"#
            let escaped = inner.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            let annotation = masker.mask(#"  "kubectl.kubernetes.io/last-applied-configuration": "\#(escaped)","#)
            #expect(!annotation.contains(PlantedSecrets.password) && annotation.contains(#"\"namespace\":\"shop\""#), "\(annotation)")
        }
    }

    /// A host is shown only when it reads as a registry address: one with user info, a quote, a
    /// control character or a secret-shaped word in it is masked like the rest.
    @Test func aHostThatCouldHoldASecretIsMasked() {
        let p = PlantedSecrets.password
        for host in ["https://robot:\(p)@registry.example.com", "registry.example.com\"\(p)", "\(p) x", "ghp_\(p)0123456789", "\u{1B}]0;\(p)\u{07}"] {
            let escaped = host.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\u{1B}", with: "\\u001b").replacingOccurrences(of: "\u{07}", with: "\\u0007")
            let config = Data(#"{"auths":{"ghcr.io":{},"\#(escaped)":{"auth":"\#(PlantedSecrets.auth)"}}}"#.utf8).base64EncodedString()
            let masked = masker.mask("data:\n  .dockerconfigjson: \(config)\n")
            #expect(masked == "data:\n  .dockerconfigjson: <redacted; registries: ghcr.io, <redacted>>\n", "host: \(host.debugDescription)")
            #expect(PlantedSecrets.leaks(in: masked).isEmpty && !masked.contains(p))
            #expect(masker.mask(masked) == masked)
        }
    }

    @Test func parsersAndPeopleGetTheSameHosts() throws {
        let shown = masker.mask(PlantedSecrets.secretListJSON)
        let kept = SecretMasker.keepingRegistryHosts.mask(PlantedSecrets.secretListJSON)
        #expect(masker.mask(kept) == shown, "what a recording keeps is shown as live output is")
        #expect(SecretMasker.standard.mask(PlantedSecrets.everything, renamingHosts: { _ in "registry-1.example" }).contains("registries: registry-1.example>"))
    }

    @Test func secretYAMLIsMasked() {
        assertClean(PlantedSecrets.secretListYAML)
        let masked = masker.mask(PlantedSecrets.secretListYAML)
        #expect(masked.contains("    weird.key: <redacted>"))
        #expect(masked.contains("      other: kept"))
        #expect(masked.contains("    name: odd"))
    }

    @Test func describeAndTableForms() {
        assertClean(PlantedSecrets.describeSecret)
        #expect(masker.mask(PlantedSecrets.describeSecret).contains("weird.key:  23 bytes"))
        #expect(masker.mask(PlantedSecrets.secretTable) == PlantedSecrets.secretTable)
    }

    @Test(arguments: PlantedSecrets.freeText)
    func freeTextForms(_ line: String) {
        assertClean(line)
        assertClean(line + "\r\n" + line + "\r\n")
    }

    @Test func envForms() {
        assertClean(PlantedSecrets.envForms)
    }

    @Test func everythingAtOnceWithWindowsLineEndings() {
        assertClean(PlantedSecrets.everything)
        assertClean(PlantedSecrets.everything.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func relativesOfEachForm() {
        let p = PlantedSecrets.password
        for line in [
            "--registry-password \(p)", "--docker-password=\(p)", "--token \"\(p)\"", "--api-key=\(p)", "docker login -p=\(p)",
            "GITLAB_TOKEN=\(p)", "aws_secret_access_key = \(p)", "AWS_SESSION_TOKEN=\(p)", "SSH_PRIVATE_KEY=\(p)",
            "passwd:\(p)", "Password: \(p)", "  - name: x\n    password: \(p)", "db_pass=\(p)", "X-Registry-Auth: \(p)",
            "Proxy-Authorization: Basic \(PlantedSecrets.auth)", "ftp://robot:\(p)@mirror.example.com/",
            "headers: Authorization: \(p)", "a=1, authorization=\(p)", "curl -H 'Authorization: token \(p)'",
            "\"password\":\"\(p)\"", "{\"password\": \"\(p)\"}", "password\\u003D\(p)",
        ] {
            assertClean(line)
        }
    }

    @Test func ordinaryOutputIsUntouched() {
        let text = """
            Warning  Failed  12s  kubelet  Failed to pull image "registry.example.com/team/api@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945": not found
            Image ID:  docker-pullable://nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
            Controlled By:  ReplicaSet/web-6d9f7c8b5
            www-authenticate: Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"
            failed to fetch oauth token: unexpected status: 401 Unauthorized
            basic authentication failed; check the pull secret
            failed to resolve reference "docker.io/library/nginxy:1.27": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed
            Error response from daemon: pull access denied for acme/api, repository does not exist or may require 'docker login': denied: requested access to the resource is denied
            401 Unauthorized: authorization required: the token has expired
                "secretName": "regcred",
                "imagePullSecrets": [{"name": "regcred"}],
            Successfully pulled image "docker.io/library/nginx:1.25" in 2.1s
            docker login registry.example.com --password-stdin
            """
        #expect(masker.mask(text) == text)
    }

    @Test func knownValuesAreMaskedWherever() {
        let known = SecretMasker(knownValues: ["s3cr3t-value", "ab"])
        #expect(known.mask("it said s3cr3t-value twice: s3cr3t-value, ab") == "it said <redacted> twice: <redacted>, ab")
    }

    @Test func secretValuesAreCollectedFromRawOutput() {
        let values = SecretMasker.secretValues(in: PlantedSecrets.everything)
        #expect(values.contains(PlantedSecrets.password))
        #expect(values.contains(PlantedSecrets.dockerConfig))
        #expect(values.contains("robot:\(PlantedSecrets.password)"))
    }

    @Test func maskingIsIdempotent() {
        let once = masker.mask(PlantedSecrets.everything)
        #expect(masker.mask(once) == once)
    }

    /// The wording rules skip a line that lacks a byte they need: on random mixes of the bytes they
    /// look for, they find exactly what they find when every rule runs over every line.
    @Test func skippingRulesByTheBytesALineHoldsFindsTheSame() {
        var random = SplitMix(seed: 61)
        let pieces = [
            "password", "=", ":", "\\u003d", "-p ", "--token ", "login ", "Authorization", "Bearer ", "basic ", "https://", "a:b@", "@",
            " ", "\"", "dXNlcjpwYXNz", "ghp_0123456789abcdef", "z", "Z", "B", "-", "x", "eyJhbGciOi.eyJzdWIi.sig",
        ]
        let every = Array(0...255).map(UInt8.init)
        for _ in 0..<3000 {
            let line = Array((0..<Int(random.next() % 24)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined().utf8)
            line.withUnsafeBufferPointer { bytes in
                every.withUnsafeBufferPointer { all in
                    var skipping: [Range<Int>] = [], running: [Range<Int>] = []
                    WordingRules.scan(bytes, end: bytes.count) { skipping.append($0) }
                    WordingRules.scan(bytes, end: bytes.count, present: ByteSet(all)) { running.append($0) }
                    #expect(skipping == running, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
                }
            }
        }
    }

    /// Random mixes of secret-shaped fragments, quotes, braces and line endings: the line count
    /// never changes and nothing crashes.
    @Test func randomInputsKeepTheirLineCount() {
        var random = SplitMix(seed: 16)
        let pieces = [
            "data:", "  ", "\"", "'", "{", "}", "[", "]", ":", "=", "\\u003d", "\\", "password", "token", "-p", "login", "--password",
            "Bearer ", "Basic ", "https://", "@", "a:b", "kubectl.kubernetes.io/last-applied-configuration", "|", "- ", "\r\n", "\n", "\r",
            "\u{1B}]0;x\u{07}", "é", "\u{85}", "name", "value", "REGISTRY_PASSWORD", "dXNlcjpwYXNz", "eyJhbGciOi.eyJzdWIi.sig", ",", " ",
            "ghp_", "AKIA", "stringData:", "\t",
        ]
        for _ in 0..<2000 {
            let count = Int(random.next() % 40)
            let input = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let masked = masker.mask(input)
            #expect(masked.utf8.filter { $0 == 0x0A }.count == input.utf8.filter { $0 == 0x0A }.count, "input: \(input.debugDescription)")
        }
    }
}

/// The shipped scenarios hold outputs recorded from clusters, registries and runtimes: masking
/// them line by line, where no structure tells a Secret apart, changes nothing but the Secrets'
/// docker configs. An error's wording (`may require authorization: server message: …`) is evidence.
struct RecordedOutputMaskingTests {
    @Test func recordedOutputsLoseOnlyTheirSecrets() throws {
        let folder = TriageBinary.packageRoot.appendingPathComponent("Scenarios")
        var changed: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".yaml") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let masked = SecretMasker().mask(String(line))
                let dockerConfig = line.contains("\".dockerconfigjson\"") || line.contains("\".dockercfg\"")
                if masked != line && !dockerConfig { changed.append("\(file): \(line.trimmingCharacters(in: .whitespaces))") }
            }
        }
        #expect(changed.isEmpty, "masked, though no secret: \(changed)")
    }

    /// A Secret's values printed bare by a template output carry no key or wording to find them
    /// by: the command says what they are, and its whole output is masked.
    @Test(arguments: [
        ["kubectl", "get", "secret", "regcred", "-o", "jsonpath={.data.token}"],
        ["kubectl", "get", "secrets/regcred", "--namespace", "shop", "--output=go-template={{.data.token | base64decode}}"],
        ["kubectl", "-n", "shop", "get", "secret", "regcred", "-ojsonpath={.data}"],
        ["kubectl", "get", "pods,secrets", "-o", "custom-columns=V:.data.token"],
        ["kubectl", "get", "secret", "regcred", "--template={{.data.password}}"],
        ["kubectl", "get", "secret", "regcred", "--template", "{{.data.password | base64decode}}"],
    ])
    func aSecretsValuesPrintedBareAreMaskedByTheCommand(arguments: [String]) {
        let output = CommandResult(stdout: "aHVudGVyMg==\nhunter2\n\n", stderr: "Warning: x\n")
        let masked = SecretMasker.standard.shown(output, of: arguments)
        #expect(masked.stdout == "<redacted>\n<redacted>\n\n")
        #expect(masked.stderr == "Warning: x\n")
    }

    @Test(arguments: [
        ["kubectl", "get", "secrets", "-n", "shop"],
        ["kubectl", "get", "secret", "regcred", "-o", "json"],
        ["kubectl", "get", "pods", "-o", "jsonpath={.items[*].metadata.name}"],
        ["crictl", "images", "-o", "jsonpath"],
    ])
    func otherOutputsAreMaskedByWhatTheySay(arguments: [String]) {
        #expect(SecretMasker.standard.shown(CommandResult(stdout: "web-1 web-2\n"), of: arguments).stdout == "web-1 web-2\n")
    }
}

/// An evidence line is shown as a person reads it: a string of JSON output decoded (no `\"`),
/// then masked (an escape cannot hide a secret), then made visible, on one line.
struct EvidenceShownTests {
    @Test(arguments: [
        (#"      "message": "Back-off pulling image \"nginx:1.27-alpne\": not found","#, #"Back-off pulling image "nginx:1.27-alpne": not found"#),
        (#"    "ghcr.io/acme/api:1.0","#, "ghcr.io/acme/api:1.0"),
        (#"  "reason": "OOMKilled"   "#, "OOMKilled"),
        (#"    "exitCode": 137,"#, #""exitCode": 137,"#),
        (#"  Warning  Failed  3m  kubelet  Failed to pull image "x": not found"#, #"Warning  Failed  3m  kubelet  Failed to pull image "x": not found"#),
        (#"  "message": "ends \u001b[2J here\nand \u2028 goes on","#, #"ends \u{1B}[2J here\nand \u{2028} goes on"#),
        (#"  "message": "a \"quote\" that never closes"#, #""message": "a \"quote\" that never closes"#),
    ])
    func anEvidenceLineIsShownAsAPersonReadsIt(line: String, shown: String) {
        #expect(SecretMasker.standard.shown(Evidence(line: 1, text: line)) == shown)
    }

    @Test func aSecretHiddenByAJSONEscapeIsMaskedOnceDecoded() {
        let line = #"    "message": "docker login --password\u003dhunter2-plain-Secret registry.example.com","#
        let shown = SecretMasker.standard.shown(Evidence(line: 4, text: line))
        #expect(!shown.contains("hunter2-plain-Secret"), "\(shown)")
        #expect(shown.hasPrefix("docker login --password="))
    }
}
