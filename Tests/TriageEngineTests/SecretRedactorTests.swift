import Foundation
import Testing
import TriageModel
@testable import TriageEngine

/// Secrets never survive redaction, and nothing else is lost: same lines, digests and names kept.
struct SecretRedactorTests {
    static let password = "Hunter2-Correct-Horse-Battery"
    static let token = "ghp_R3alLook1ngT0kenValue0123456789abcdefXYZ"
    static let auth = Data("robot$ci:\(password)".utf8).base64EncodedString()
    static let dockerConfig = Data(#"{"auths":{"registry.example.com":{"username":"robot$ci","password":"\#(password)","auth":"\#(auth)"}}}"#.utf8).base64EncodedString()

    static let planted = [password, token, auth, dockerConfig]

    func assertClean(_ text: String, sourceLineCount: Int) {
        for secret in Self.planted {
            #expect(!text.contains(secret), "secret survived: \(secret.prefix(12))…")
        }
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == sourceLineCount)
    }

    @Test func secretJSONLosesItsDataButKeepsItsShape() {
        let json = """
            {
                "apiVersion": "v1",
                "data": {
                    ".dockerconfigjson": "\(Self.dockerConfig)"
                },
                "kind": "Secret",
                "metadata": {
                    "name": "regcred",
                    "uid": "e4b7a1c9-0d3f-4a8e-9b62-1c5d7f2e8a40"
                },
                "type": "kubernetes.io/dockerconfigjson"
            }
            """
        let redacted = SecretRedactor.redact(json)
        assertClean(redacted, sourceLineCount: 12)
        #expect(redacted.contains(#"".dockerconfigjson": <redacted>"#))
        #expect(redacted.contains("e4b7a1c9-0d3f-4a8e-9b62-1c5d7f2e8a40"))
        #expect(redacted.contains("kubernetes.io/dockerconfigjson"))
    }

    @Test func secretYAMLDataBlockIsMasked() {
        let yaml = """
            apiVersion: v1
            data:
              .dockerconfigjson: \(Self.dockerConfig)
              token: \(Self.token)
            kind: Secret
            metadata:
              name: regcred
            type: kubernetes.io/dockerconfigjson
            """
        let redacted = SecretRedactor.redact(yaml)
        assertClean(redacted, sourceLineCount: 8)
        #expect(redacted.contains("  .dockerconfigjson: <redacted>"))
        #expect(redacted.contains("name: regcred"))
    }

    @Test func headersFlagsAndDecodedConfigs() {
        let text = """
            Authorization: Bearer \(Self.token)
            docker login --username robot --password \(Self.password) registry.example.com
            {"auths":{"registry.example.com":{"auth":"\(Self.auth)","password":"\(Self.password)"}}}
            """
        assertClean(SecretRedactor.redact(text), sourceLineCount: 3)
    }

    @Test func ordinaryOutputIsUntouched() {
        let text = """
            Warning  Failed  12s  kubelet  Failed to pull image "registry.example.com/team/api@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945": not found
            Image ID:  docker-pullable://nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
            Controlled By:  ReplicaSet/web-6d9f7c8b5
            """
        #expect(SecretRedactor.redact(text) == text)
    }
}
