import Testing
@testable import TriageDiagnosis

/// Messages shaped after the error formats in the runtimes' and registries' source code
/// (distribution error codes, containerd resolver/fetcher/unpacker, containers/image as used by
/// CRI-O and Podman, Docker, the kubelet), written by hand with invented names and hosts.
@Suite("Wording of the runtimes' sources")
struct SourceWordingTests {
    typealias Case = ClassificationTests.Case

    /// A case: its name, the cause it must get, and the text.
    static func example(_ name: String, _ cause: PullFailureCause, _ text: String) -> Case {
        Case(name: name, text: text, cause: cause)
    }

    static let cases: [Case] = [
        // image-not-found: MANIFEST_UNKNOWN, NAME_UNKNOWN, BLOB_UNKNOWN, 404 in every client.
        example("containerd 2 manifest GET 404", .imageNotFound, #"Failed to pull image "reg.corp.test/shop/cart:4.2": failed to pull and unpack image "reg.corp.test/shop/cart:4.2": failed to resolve reference "reg.corp.test/shop/cart:4.2": unexpected status from GET request to https://reg.corp.test/v2/shop/cart/manifests/4.2: 404 Not Found"#),
        example("containerd code-only manifest unknown", .imageNotFound, #"failed to resolve reference "reg.corp.test/shop/cart:4.2": reg.corp.test/shop/cart:4.2: not found"#),
        example("docker NAME_UNKNOWN", .imageNotFound, "Error response from daemon: repository reg.corp.test/ghost/app not found: name unknown: repository name not known to registry"),
        example("containerd 2 joined registry error", .imageNotFound, "failed to resolve reference \"reg.corp.test/ghost/app:1\": unexpected status from HEAD request to https://reg.corp.test/v2/ghost/app/manifests/1: 404 Not Found\nname unknown: repository name not known to registry"),
        example("containers/image reworded NAME_UNKNOWN", .imageNotFound, "Error: initializing source docker://reg.corp.test/ghost/app:1: reading manifest 1 in reg.corp.test/ghost/app: repository name not known to registry"),
        example("blob unknown from a half-deleted image", .imageNotFound, #"failed to pull and unpack image "reg.corp.test/shop/cart:4.2": failed to copy: httpReadSeeker: failed open: unexpected status from GET request to https://reg.corp.test/v2/shop/cart/blobs/sha256:1f2e: 404 Not Found"#),
        example("containers/image blob unknown", .imageNotFound, "Error: copying system image from manifest list: reading blob sha256:9a8b in reg.corp.test/shop/cart: blob unknown to registry"),
        example("containerd content at not found", .imageNotFound, #"failed to copy: httpReadSeeker: failed open: content at https://reg.corp.test/v2/shop/cart/manifests/sha256:77aa not found: not found"#),
        example("containerd 1.4 pulling from host", .imageNotFound, "failed to resolve reference \"reg.corp.test/shop/cart:9\": pulling from host reg.corp.test failed with status code [manifests 9]: 404 Not Found"),
        example("containerd 1.x descriptor not fetched", .imageNotFound, "failed to copy: httpReadSeeker: failed open: could not fetch content descriptor sha256:5c5c (application/vnd.oci.image.manifest.v1+json) from remote: not found"),
        example("containers/image unexpected HTML 404", .imageNotFound, #"reading manifest 2 in mirror.corp.test/base/os: StatusCode: 404, "<html><body>404 page not found</body></html>""#),
        example("old CRI-O invalid status code 404", .imageNotFound, "Error reading manifest 3.1 in quay.example.org/team/tool: invalid status code from registry 404 (Not Found)"),
        // auth: UNAUTHORIZED, DENIED, 401/403 in every client.
        example("distribution UNAUTHORIZED", .auth, "Error response from daemon: Head \"https://reg.corp.test/v2/secret/app/manifests/1\": unauthorized: authentication required"),
        example("containers/image reworded UNAUTHORIZED", .auth, "Error: initializing source docker://reg.corp.test/secret/app:1: reading manifest 1 in reg.corp.test/secret/app: authentication required"),
        example("containers/image bad password", .auth, "Error: initializing source docker://reg.corp.test/secret/app:1: unable to retrieve auth token: invalid username/password: unauthorized: incorrect username or password"),
        example("containers/image bearer token 403", .auth, "pinging container registry reg.corp.test: Requesting bearer token: received unexpected HTTP status: 403 Forbidden"),
        example("old containers/image status 401", .auth, "error pinging docker registry reg.corp.test: invalid status code from registry 401 (Unauthorized)"),
        example("old containers/image status 403", .auth, "Error reading manifest 1 in reg.corp.test/secret/app: invalid status code from registry 403 (Forbidden)"),
        example("containerd 401 on HEAD", .auth, #"failed to resolve reference "reg.corp.test/secret/app:1": unexpected status from HEAD request to https://reg.corp.test/v2/secret/app/manifests/1: 401 Unauthorized"#),
        example("distribution DENIED", .auth, "denied: requested access to the resource is denied"),
        example("harbor project denied", .auth, #"failed to resolve reference "harbor.corp.test/private/app:1": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials"#),
        // invalid-name: NAME_INVALID, TAG_INVALID, kubelet InvalidImageName, parse errors.
        example("distribution NAME_INVALID", .invalidName, "Error response from daemon: name invalid: invalid repository name"),
        example("distribution TAG_INVALID", .invalidName, "Error response from daemon: tag invalid: manifest tag did not match URI"),
        example("kubelet couldn't parse", .invalidName, #"Failed to apply default image tag "reg.corp.test/app:v1:extra": couldn't parse image reference "reg.corp.test/app:v1:extra": invalid reference format"#),
        example("containerd CRI parse", .invalidName, #"rpc error: code = Unknown desc = failed to parse image reference "reg.corp.test//app": invalid reference format"#),
        example("InvalidImageName reason only", .invalidName, "  Warning  InspectFailed  2s  kubelet  Error: InvalidImageName"),
        // network: dial, DNS, resets, RegistryUnavailable.
        example("containerd failed to do request DNS", .network, #"failed to resolve reference "reg.corp.test/app:1": failed to do request: Head "https://reg.corp.test/v2/app/manifests/1": dial tcp: lookup reg.corp.test on 10.96.0.10:53: no such host"#),
        example("containers/image pinging refused", .network, "pinging container registry reg.corp.test: Get \"https://reg.corp.test/v2/\": dial tcp 10.20.30.40:443: connect: connection refused"),
        example("layer download reset", .network, "Error: copying system image from manifest list: reading blob sha256:0a0b: Get \"https://cdn.corp.test/blob\": read tcp 10.0.0.7:51234->10.0.0.9:443: read: connection reset by peer"),
        example("kubelet RegistryUnavailable", .network, "  Warning  Failed  4s  kubelet  Error: RegistryUnavailable"),
        example("client timeout awaiting headers", .network, #"failed to do request: Head "https://reg.corp.test/v2/app/manifests/1": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)"#),
        // tls.
        example("containers/image unknown authority", .tls, "pinging container registry reg.corp.test: Get \"https://reg.corp.test/v2/\": tls: failed to verify certificate: x509: certificate signed by unknown authority"),
        example("containerd wrong host name", .tls, #"failed to do request: Head "https://10.1.1.1:5000/v2/app/manifests/1": tls: failed to verify certificate: x509: certificate is valid for reg.corp.test, not 10.1.1.1"#),
        example("plain HTTP registry", .tls, "pinging container registry 10.1.1.1:5000: Get \"https://10.1.1.1:5000/v2/\": http: server gave HTTP response to HTTPS client"),
        example("tls alert", .tls, #"failed to do request: Head "https://reg.corp.test/v2/app/manifests/1": remote error: tls: handshake failure"#),
        // rate-limit: TOOMANYREQUESTS, 429, kubelet QPS.
        example("distribution TOOMANYREQUESTS default", .rateLimit, "toomanyrequests: too many requests"),
        example("containers/image 429", .rateLimit, "Error: initializing source docker://docker.io/library/redis:7: reading manifest 7 in docker.io/library/redis: too many requests to registry"),
        example("containerd 429 on HEAD", .rateLimit, #"failed to resolve reference "docker.io/library/redis:7": unexpected status from HEAD request to https://registry-1.docker.io/v2/library/redis/manifests/7: 429 Too Many Requests"#),
        example("containers/image 429 StatusCode", .rateLimit, #"reading manifest 7 in mirror.corp.test/library/redis: StatusCode: 429, "slow down""#),
        example("kubelet QPS exceeded event", .rateLimit, #"  Warning  Failed  1s  kubelet  Failed to pull image "reg.corp.test/app:1": pull QPS exceeded"#),
        // platform.
        example("containerd platform with digest", .platform, #"failed to pull and unpack image "reg.corp.test/app:1": no match for platform in manifest sha256:4e4e: not found"#),
        example("containers/image image index", .platform, #"Error: choosing an image from manifest list docker://reg.corp.test/app:1: no image found in image index for architecture "riscv64", variant "", OS "linux""#),
        example("CRI-O choosing instance", .platform, #"rpc error: code = Unknown desc = choosing instance: no image found in manifest list for architecture "s390x", variant "", OS "linux""#),
        example("docker platform mismatch", .platform, "image with reference reg.corp.test/app:1 was found but does not match the specified platform: wanted linux/arm64, actual: linux/amd64"),
        // disk.
        example("containers/image storing blob", .disk, #"Error: writing blob: storing blob to file "/var/tmp/container_images_storage1/1": write /var/tmp/container_images_storage1/1: no space left on device"#),
        example("containerd ingest full", .disk, #"failed commit on ref "layer-sha256:3c3c": commit failed: write /var/lib/containerd/io.containerd.content.v1.content/ingest/3c3c/data: no space left on device"#),
        // runtime: commit/verification, unpack, snapshotter, inspect, CRI endpoint.
        example("containerd unexpected commit digest", .runtime, #"failed to pull and unpack image "reg.corp.test/app:1": failed commit on ref "layer-sha256:aa11": unexpected commit digest sha256:bb22, expected sha256:aa11: failed precondition"#),
        example("containerd extract layer", .runtime, #"failed to extract layer (application/vnd.oci.image.layer.v1.tar+gzip sha256:cd34) to overlayfs as "extract-123-abc sha256:ef56": mount callback failed on /var/lib/containerd/tmpmounts/containerd-mount99: operation not supported"#),
        example("containerd snapshot parent missing", .runtime, #"failed to prepare extraction snapshot "extract-1-x sha256:0c0c": parent snapshot sha256:9d9d does not exist: not found"#),
        example("containerd 2 schema 1 refused", .runtime, #"failed to resolve reference "reg.corp.test/legacy:1": not implemented: media type "application/vnd.docker.distribution.manifest.v1+prettyjws" is no longer supported since containerd v2.0, please rebuild the image"#),
        example("podman rootless UIDs", .runtime, #"Error: copying system image from manifest list: writing blob: adding layer with blob "sha256:7a7a": processing tar file(potentially insufficient UIDs or GIDs available in user namespace (requested 0:42 for /etc/shadow): Check /etc/subuid and /etc/subgid if configured locally): lchown /etc/shadow: invalid argument"#),
        example("kubelet inspect failure", .runtime, #"  Warning  InspectFailed  3s  kubelet  Failed to inspect image "reg.corp.test/app:1": rpc error: code = Unknown desc = ImageInspectError"#),
        example("distribution DIGEST_INVALID on pull", .runtime, "Error: copying system image from manifest list: writing blob: digest invalid: provided digest did not match uploaded content"),
        // other: signatures, never-pull, 5xx, UNSUPPORTED, MANIFEST_INVALID, UNAVAILABLE.
        example("CRI-O signature failure", .other, "rpc error: code = SignatureValidationFailed desc = image pull failed for reg.corp.test/signed/app:1 due to signature validation failure: Source image rejected: A signature was required, but no signature exists"),
        example("kubelet never pull", .other, #"  Warning  ErrImageNeverPull  5s  kubelet  Container image "reg.corp.test/app:dev" is not present with pull policy of Never"#),
        example("containers/image 502 body", .other, "reading manifest 1 in mirror.corp.test/app: received unexpected HTTP status: 502 Bad Gateway"),
        example("distribution UNAVAILABLE", .other, "Error: initializing source docker://reg.corp.test/app:1: reading manifest 1 in reg.corp.test/app: service unavailable"),
        example("distribution UNSUPPORTED", .other, "Error response from daemon: unsupported: The operation is unsupported."),
        example("distribution MANIFEST_INVALID", .other, #"failed to resolve reference "reg.corp.test/app:1": manifest invalid: manifest invalid"#),
        example("containers/image StatusCode 500", .other, #"reading manifest 1 in reg.corp.test/app: StatusCode: 500, "upstream exploded""#),
    ]

    @Test(arguments: cases)
    func classifies(_ example: Case) throws {
        let report = PullFailureDiagnoser.diagnose(example.text)
        #expect(report.cause == example.cause, "\(report.findings.first?.evidence.match ?? "no finding")")
        let finding = try #require(report.findings.first)
        #expect(!finding.evidence.match.isEmpty)
    }
}
