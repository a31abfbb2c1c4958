import Testing
@testable import TriageDiagnosis

/// Hand-written messages in the wording of each runtime and era (not copied from any thread).
@Suite("Cause classification")
struct ClassificationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let cause: PullFailureCause
        var alternative: PullFailureCause?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // image-not-found
        Case(
            name: "containerd resolve not found",
            text:
                #"Failed to pull image "acme/billing:7.1": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/acme/billing:7.1": failed to resolve reference "docker.io/acme/billing:7.1": docker.io/acme/billing:7.1: not found"#,
            cause: .imageNotFound),
        Case(
            name: "dockershim manifest unknown",
            text:
                #"Failed to pull image "acme/billing:7.1": rpc error: code = Unknown desc = Error response from daemon: manifest for acme/billing:7.1 not found: manifest unknown: manifest unknown"#,
            cause: .imageNotFound),
        Case(
            name: "cri-o reading manifest",
            text:
                #"Failed to pull image "quay.io/acme/worker:v9": rpc error: code = Unknown desc = reading manifest v9 in quay.io/acme/worker: manifest unknown"#,
            cause: .imageNotFound),
        Case(
            name: "ECR name unknown",
            text:
                "Error response from daemon: repository 111122223333.dkr.ecr.us-east-2.amazonaws.com/team/api not found: name unknown: The repository with name 'team/api' does not exist in the registry with id '111122223333'",
            cause: .imageNotFound),
        Case(
            name: "old docker tag not found", text: #"Failed to pull image "acme/old:0.1": Tag 0.1 not found in repository docker.io/acme/old"#,
            cause: .imageNotFound),
        // auth
        Case(
            name: "docker hub pull access denied",
            text:
                "Error response from daemon: pull access denied for acme/private-tool, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
            cause: .auth, alternative: .imageNotFound),
        Case(
            name: "containerd insufficient_scope",
            text:
                #"failed to pull and unpack image "docker.io/acme/secret:1": failed to resolve reference "docker.io/acme/secret:1": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"#,
            cause: .auth, alternative: .imageNotFound),
        Case(
            name: "ECR no basic auth",
            text:
                "rpc error: code = Unknown desc = Error response from daemon: Get https://111122223333.dkr.ecr.eu-central-1.amazonaws.com/v2/api/manifests/3.2: no basic auth credentials",
            cause: .auth),
        Case(
            name: "token 401",
            text:
                #"failed to resolve reference "acme.azurecr.io/api:2": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://acme.azurecr.io/oauth2/token?scope=repository%3Aapi%3Apull: 401 Unauthorized"#,
            cause: .auth),
        Case(
            name: "ghcr 403",
            text:
                #"failed to resolve reference "ghcr.io/acme/internal:main": unexpected status from HEAD request to https://ghcr.io/v2/acme/internal/manifests/main: 403 Forbidden"#,
            cause: .auth),
        // invalid-name
        Case(
            name: "InvalidImageName uppercase",
            text:
                #"Failed to apply default image tag "registry.example.com/Team/App:1": couldn't parse image reference "registry.example.com/Team/App:1": invalid reference format: repository name must be lowercase"#,
            cause: .invalidName),
        Case(name: "docker invalid reference", text: "docker: invalid reference format.", cause: .invalidName),
        // network
        Case(
            name: "dial i/o timeout",
            text:
                #"failed to pull and unpack image "docker.io/library/redis:7": failed to resolve reference "docker.io/library/redis:7": failed to do request: Head "https://registry-1.docker.io/v2/library/redis/manifests/7": dial tcp 10.9.8.7:443: i/o timeout"#,
            cause: .network),
        Case(
            name: "no such host",
            text: "Error response from daemon: Get \"https://registry.example.com/v2/\": dial tcp: lookup registry.example.com on 10.0.0.2:53: no such host",
            cause: .network),
        Case(
            name: "token endpoint timeout",
            text:
                #"failed to resolve reference "docker.io/library/redis:7": failed to authorize: failed to fetch anonymous token: Get "https://auth.docker.io/token?scope=repository%3Alibrary%2Fredis%3Apull&service=registry.docker.io": dial tcp 10.1.1.1:443: i/o timeout"#,
            cause: .network, alternative: .auth),
        Case(
            name: "proxyconnect",
            text: "Error response from daemon: Get \"https://registry-1.docker.io/v2/\": proxyconnect tcp: dial tcp 10.0.0.9:3128: connect: connection refused",
            cause: .network),
        Case(
            name: "TLS handshake timeout", text: "Error response from daemon: Get \"https://registry-1.docker.io/v2/\": net/http: TLS handshake timeout",
            cause: .network),
        // tls
        Case(
            name: "unknown authority in pinging",
            text:
                "Error initializing source docker://registry.example.com/a/b:1: error pinging docker registry registry.example.com: Get \"https://registry.example.com/v2/\": x509: certificate signed by unknown authority",
            cause: .tls),
        Case(
            name: "http response to https",
            text: #"failed to do request: Head "https://10.0.0.5:5000/v2/app/manifests/1": http: server gave HTTP response to HTTPS client"#, cause: .tls),
        // rate-limit
        Case(
            name: "docker hub toomanyrequests",
            text:
                "Error response from daemon: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit",
            cause: .rateLimit),
        Case(
            name: "429 from containerd",
            text:
                "failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/node/manifests/sha256:0000: 429 Too Many Requests",
            cause: .rateLimit),
        Case(name: "kubelet QPS", text: #"Failed to pull image "acme/web:1": pull QPS exceeded"#, cause: .rateLimit, alternative: .other),
        // platform
        Case(name: "docker no matching manifest", text: "no matching manifest for linux/arm64/v8 in the manifest list entries", cause: .platform),
        Case(
            name: "containerd no match for platform",
            text:
                #"rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/acme/x86only:2": no match for platform in manifest: not found"#,
            cause: .platform),
        Case(
            name: "cri-o choosing instance",
            text: "rpc error: code = Unknown desc = choosing image instance: no image found in manifest list for architecture arm64, variant \"v8\", OS linux",
            cause: .platform),
        // disk
        Case(
            name: "containerd extract full",
            text:
                #"failed to pull and unpack image "docker.io/acme/big:1": failed to extract layer sha256:1111: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/9/fs/data.bin: no space left on device: unknown"#,
            cause: .disk),
        // runtime
        Case(
            name: "CRI v1 not implemented",
            text:
                #"validate service connection: CRI v1 image API is not implemented for endpoint "unix:///run/containerd/containerd.sock": rpc error: code = Unimplemented desc = unknown service runtime.v1.ImageService"#,
            cause: .runtime),
        Case(
            name: "lchown", text: "failed to register layer: ApplyLayer exit status 1 stdout:  stderr: lchown /usr/share/app/file: invalid argument",
            cause: .runtime),
        Case(name: "unexpected EOF", text: "5.4: Pulling from acme/base\nunexpected EOF", cause: .runtime, alternative: .network),
        Case(
            name: "commit digest",
            text: #"failed commit on ref "layer-sha256:aaaa": unexpected commit digest sha256:bbbb, expected sha256:aaaa: failed precondition"#, cause: .runtime
        ),
        // other
        Case(name: "back-off only", text: #"Back-off pulling image "acme/web:1""#, cause: .other),
        Case(name: "never pull", text: #"Container image "acme/local:dev" is not present with pull policy of Never"#, cause: .neverPull),
        Case(
            name: "signature policy", text: "Error: Source image rejected: Running image docker://registry.example.com/app:1 is rejected by policy.",
            cause: .other),
        Case(name: "registry 500", text: "error pulling image configuration: received unexpected HTTP status: 500 Internal Server Error", cause: .other),
        Case(
            name: "context canceled", text: #"Failed to pull image "registry.k8s.io/pause:3.9": rpc error: code = Canceled desc = context canceled"#,
            cause: .other),
    ]

    @Test(arguments: cases)
    func classifies(_ example: Case) throws {
        let report = PullFailureDiagnoser.diagnose(example.text)
        #expect(report.cause == example.cause)
        let finding = try #require(report.findings.first)
        if let alternative = example.alternative {
            #expect(finding.alternatives.map(\.cause).contains(alternative))
            #expect(finding.alternatives.allSatisfy { !$0.howToTell.isEmpty })
        }
        #expect(!finding.explanation.isEmpty)
        #expect(!finding.fix.isEmpty)
    }

    @Test func unrelatedEventsAreIgnored() {
        let text = """
              Warning  Unhealthy  2m  kubelet  Readiness probe failed: Get "https://10.1.2.3:8443/healthz": dial tcp 10.1.2.3:8443: connect: connection refused
              Warning  FailedMount  1m  kubelet  MountVolume.SetUp failed for volume "certs" : secret "tls-certs" not found
            """
        #expect(PullFailureDiagnoser.diagnose(text).findings.isEmpty)
    }

    @Test func evidencePointsAtTheMatchedWords() throws {
        let text = "docker pull acme/tool:2\nError response from daemon: manifest for acme/tool:2 not found: manifest unknown: manifest unknown"
        let evidence = try #require(PullFailureDiagnoser.diagnose(text).findings.first).evidence
        #expect(evidence.line == 2)
        #expect(evidence.match.lowercased() == "manifest unknown")
        let scalars = Array(evidence.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[evidence.start..<evidence.end])) == evidence.match)
    }

    @Test func ecrAuthFixMentionsIAMAndLogin() throws {
        let text =
            #"Failed to pull image "111122223333.dkr.ecr.us-east-1.amazonaws.com/api:4": rpc error: code = Unknown desc = Error response from daemon: Get https://111122223333.dkr.ecr.us-east-1.amazonaws.com/v2/api/manifests/4: no basic auth credentials"#
        let finding = try #require(PullFailureDiagnoser.diagnose(text).findings.first)
        #expect(finding.registry?.family == .ecr)
        #expect(finding.fix.contains { $0.contains("aws ecr get-login-password") })
        #expect(finding.fix.contains { $0.contains("IAM") })
        #expect(finding.runtime == .dockershim)
    }
}
