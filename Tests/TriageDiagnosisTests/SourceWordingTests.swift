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
        example(
            "containerd 2 manifest GET 404", .imageNotFound,
            #"Failed to pull image "reg.corp.test/shop/cart:4.2": failed to pull and unpack image "reg.corp.test/shop/cart:4.2": failed to resolve reference "reg.corp.test/shop/cart:4.2": unexpected status from GET request to https://reg.corp.test/v2/shop/cart/manifests/4.2: 404 Not Found"#
        ),
        example(
            "containerd code-only manifest unknown", .imageNotFound,
            #"failed to resolve reference "reg.corp.test/shop/cart:4.2": reg.corp.test/shop/cart:4.2: not found"#),
        example(
            "docker NAME_UNKNOWN", .imageNotFound,
            "Error response from daemon: repository reg.corp.test/ghost/app not found: name unknown: repository name not known to registry"),
        example(
            "containerd 2 joined registry error", .imageNotFound,
            "failed to resolve reference \"reg.corp.test/ghost/app:1\": unexpected status from HEAD request to https://reg.corp.test/v2/ghost/app/manifests/1: 404 Not Found\nname unknown: repository name not known to registry"
        ),
        example(
            "containers/image reworded NAME_UNKNOWN", .imageNotFound,
            "Error: initializing source docker://reg.corp.test/ghost/app:1: reading manifest 1 in reg.corp.test/ghost/app: repository name not known to registry"
        ),
        example(
            "blob unknown from a half-deleted image", .imageNotFound,
            #"failed to pull and unpack image "reg.corp.test/shop/cart:4.2": failed to copy: httpReadSeeker: failed open: unexpected status from GET request to https://reg.corp.test/v2/shop/cart/blobs/sha256:1f2e: 404 Not Found"#
        ),
        example(
            "containers/image blob unknown", .imageNotFound,
            "Error: copying system image from manifest list: reading blob sha256:9a8b in reg.corp.test/shop/cart: blob unknown to registry"),
        example(
            "containerd content at not found", .imageNotFound,
            #"failed to copy: httpReadSeeker: failed open: content at https://reg.corp.test/v2/shop/cart/manifests/sha256:77aa not found: not found"#),
        example(
            "containerd 1.4 pulling from host", .imageNotFound,
            "failed to resolve reference \"reg.corp.test/shop/cart:9\": pulling from host reg.corp.test failed with status code [manifests 9]: 404 Not Found"),
        example(
            "containerd 1.x descriptor not fetched", .imageNotFound,
            "failed to copy: httpReadSeeker: failed open: could not fetch content descriptor sha256:5c5c (application/vnd.oci.image.manifest.v1+json) from remote: not found"
        ),
        example(
            "containers/image unexpected HTML 404", .imageNotFound,
            #"reading manifest 2 in mirror.corp.test/base/os: StatusCode: 404, "<html><body>404 page not found</body></html>""#),
        example(
            "old CRI-O invalid status code 404", .imageNotFound,
            "Error reading manifest 3.1 in quay.example.org/team/tool: invalid status code from registry 404 (Not Found)"),
        // auth: UNAUTHORIZED, DENIED, 401/403 in every client.
        example(
            "distribution UNAUTHORIZED", .auth,
            "Error response from daemon: Head \"https://reg.corp.test/v2/secret/app/manifests/1\": unauthorized: authentication required"),
        example(
            "containers/image reworded UNAUTHORIZED", .auth,
            "Error: initializing source docker://reg.corp.test/secret/app:1: reading manifest 1 in reg.corp.test/secret/app: authentication required"),
        example(
            "containers/image bad password", .auth,
            "Error: initializing source docker://reg.corp.test/secret/app:1: unable to retrieve auth token: invalid username/password: unauthorized: incorrect username or password"
        ),
        example(
            "containers/image bearer token 403", .auth,
            "pinging container registry reg.corp.test: Requesting bearer token: received unexpected HTTP status: 403 Forbidden"),
        example("old containers/image status 401", .auth, "error pinging docker registry reg.corp.test: invalid status code from registry 401 (Unauthorized)"),
        example(
            "old containers/image status 403", .auth, "Error reading manifest 1 in reg.corp.test/secret/app: invalid status code from registry 403 (Forbidden)"),
        example(
            "containerd 401 on HEAD", .auth,
            #"failed to resolve reference "reg.corp.test/secret/app:1": unexpected status from HEAD request to https://reg.corp.test/v2/secret/app/manifests/1: 401 Unauthorized"#
        ),
        example("distribution DENIED", .auth, "denied: requested access to the resource is denied"),
        example(
            "harbor project denied", .auth,
            #"failed to resolve reference "harbor.corp.test/private/app:1": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials"#
        ),
        // invalid-name: NAME_INVALID, TAG_INVALID, kubelet InvalidImageName, parse errors.
        example("distribution NAME_INVALID", .invalidName, "Error response from daemon: name invalid: invalid repository name"),
        example("distribution TAG_INVALID", .invalidName, "Error response from daemon: tag invalid: manifest tag did not match URI"),
        example(
            "kubelet couldn't parse", .invalidName,
            #"Failed to apply default image tag "reg.corp.test/app:v1:extra": couldn't parse image reference "reg.corp.test/app:v1:extra": invalid reference format"#
        ),
        example(
            "containerd CRI parse", .invalidName,
            #"rpc error: code = Unknown desc = failed to parse image reference "reg.corp.test//app": invalid reference format"#),
        example("InvalidImageName reason only", .invalidName, "  Warning  InspectFailed  2s  kubelet  Error: InvalidImageName"),
        // network: dial, DNS, resets, RegistryUnavailable.
        example(
            "containerd failed to do request DNS", .network,
            #"failed to resolve reference "reg.corp.test/app:1": failed to do request: Head "https://reg.corp.test/v2/app/manifests/1": dial tcp: lookup reg.corp.test on 10.96.0.10:53: no such host"#
        ),
        example(
            "containers/image pinging refused", .network,
            "pinging container registry reg.corp.test: Get \"https://reg.corp.test/v2/\": dial tcp 10.20.30.40:443: connect: connection refused"),
        example(
            "layer download reset", .network,
            "Error: copying system image from manifest list: reading blob sha256:0a0b: Get \"https://cdn.corp.test/blob\": read tcp 10.0.0.7:51234->10.0.0.9:443: read: connection reset by peer"
        ),
        example("kubelet RegistryUnavailable", .network, "  Warning  Failed  4s  kubelet  Error: RegistryUnavailable"),
        example(
            "client timeout awaiting headers", .network,
            #"failed to do request: Head "https://reg.corp.test/v2/app/manifests/1": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)"#
        ),
        // tls.
        example(
            "containers/image unknown authority", .tls,
            "pinging container registry reg.corp.test: Get \"https://reg.corp.test/v2/\": tls: failed to verify certificate: x509: certificate signed by unknown authority"
        ),
        example(
            "containerd wrong host name", .tls,
            #"failed to do request: Head "https://10.1.1.1:5000/v2/app/manifests/1": tls: failed to verify certificate: x509: certificate is valid for reg.corp.test, not 10.1.1.1"#
        ),
        example(
            "plain HTTP registry", .tls,
            "pinging container registry 10.1.1.1:5000: Get \"https://10.1.1.1:5000/v2/\": http: server gave HTTP response to HTTPS client"),
        example("tls alert", .tls, #"failed to do request: Head "https://reg.corp.test/v2/app/manifests/1": remote error: tls: handshake failure"#),
        // rate-limit: TOOMANYREQUESTS, 429, kubelet QPS.
        example("distribution TOOMANYREQUESTS default", .rateLimit, "toomanyrequests: too many requests"),
        example(
            "containers/image 429", .rateLimit,
            "Error: initializing source docker://docker.io/library/redis:7: reading manifest 7 in docker.io/library/redis: too many requests to registry"),
        example(
            "containerd 429 on HEAD", .rateLimit,
            #"failed to resolve reference "docker.io/library/redis:7": unexpected status from HEAD request to https://registry-1.docker.io/v2/library/redis/manifests/7: 429 Too Many Requests"#
        ),
        example("containers/image 429 StatusCode", .rateLimit, #"reading manifest 7 in mirror.corp.test/library/redis: StatusCode: 429, "slow down""#),
        example("kubelet QPS exceeded event", .rateLimit, #"  Warning  Failed  1s  kubelet  Failed to pull image "reg.corp.test/app:1": pull QPS exceeded"#),
        // platform.
        example(
            "containerd platform with digest", .platform,
            #"failed to pull and unpack image "reg.corp.test/app:1": no match for platform in manifest sha256:4e4e: not found"#),
        example(
            "containers/image image index", .platform,
            #"Error: choosing an image from manifest list docker://reg.corp.test/app:1: no image found in image index for architecture "riscv64", variant "", OS "linux""#
        ),
        example(
            "CRI-O choosing instance", .platform,
            #"rpc error: code = Unknown desc = choosing instance: no image found in manifest list for architecture "s390x", variant "", OS "linux""#),
        example(
            "docker platform mismatch", .platform,
            "image with reference reg.corp.test/app:1 was found but does not match the specified platform: wanted linux/arm64, actual: linux/amd64"),
        // disk.
        example(
            "containers/image storing blob", .disk,
            #"Error: writing blob: storing blob to file "/var/tmp/container_images_storage1/1": write /var/tmp/container_images_storage1/1: no space left on device"#
        ),
        example(
            "containerd ingest full", .disk,
            #"failed commit on ref "layer-sha256:3c3c": commit failed: write /var/lib/containerd/io.containerd.content.v1.content/ingest/3c3c/data: no space left on device"#
        ),
        // runtime: commit/verification, unpack, snapshotter, inspect, CRI endpoint.
        example(
            "containerd unexpected commit digest", .runtime,
            #"failed to pull and unpack image "reg.corp.test/app:1": failed commit on ref "layer-sha256:aa11": unexpected commit digest sha256:bb22, expected sha256:aa11: failed precondition"#
        ),
        example(
            "containerd extract layer", .runtime,
            #"failed to extract layer (application/vnd.oci.image.layer.v1.tar+gzip sha256:cd34) to overlayfs as "extract-123-abc sha256:ef56": mount callback failed on /var/lib/containerd/tmpmounts/containerd-mount99: operation not supported"#
        ),
        example(
            "containerd snapshot parent missing", .runtime,
            #"failed to prepare extraction snapshot "extract-1-x sha256:0c0c": parent snapshot sha256:9d9d does not exist: not found"#),
        example(
            "containerd 2 schema 1 refused", .runtime,
            #"failed to resolve reference "reg.corp.test/legacy:1": not implemented: media type "application/vnd.docker.distribution.manifest.v1+prettyjws" is no longer supported since containerd v2.0, please rebuild the image"#
        ),
        example(
            "podman rootless UIDs", .runtime,
            #"Error: copying system image from manifest list: writing blob: adding layer with blob "sha256:7a7a": processing tar file(potentially insufficient UIDs or GIDs available in user namespace (requested 0:42 for /etc/shadow): Check /etc/subuid and /etc/subgid if configured locally): lchown /etc/shadow: invalid argument"#
        ),
        example(
            "kubelet inspect failure", .runtime,
            #"  Warning  InspectFailed  3s  kubelet  Failed to inspect image "reg.corp.test/app:1": rpc error: code = Unknown desc = ImageInspectError"#),
        example(
            "distribution DIGEST_INVALID on pull", .runtime,
            "Error: copying system image from manifest list: writing blob: digest invalid: provided digest did not match uploaded content"),
        // never-pull; other: signatures, 5xx, UNSUPPORTED, MANIFEST_INVALID, UNAVAILABLE.
        example(
            "CRI-O signature failure", .other,
            "rpc error: code = SignatureValidationFailed desc = image pull failed for reg.corp.test/signed/app:1 due to signature validation failure: Source image rejected: A signature was required, but no signature exists"
        ),
        example(
            "kubelet never pull", .neverPull,
            #"  Warning  ErrImageNeverPull  5s  kubelet  Container image "reg.corp.test/app:dev" is not present with pull policy of Never"#),
        example("containers/image 502 body", .other, "reading manifest 1 in mirror.corp.test/app: received unexpected HTTP status: 502 Bad Gateway"),
        example(
            "distribution UNAVAILABLE", .other,
            "Error: initializing source docker://reg.corp.test/app:1: reading manifest 1 in reg.corp.test/app: service unavailable"),
        example("distribution UNSUPPORTED", .other, "Error response from daemon: unsupported: The operation is unsupported."),
        example("distribution MANIFEST_INVALID", .other, #"failed to resolve reference "reg.corp.test/app:1": manifest invalid: manifest invalid"#),
        example("containers/image StatusCode 500", .other, #"reading manifest 1 in reg.corp.test/app: StatusCode: 500, "upstream exploded""#),
        // image-not-found, more shapes: Harbor/Artifactory codes that clients only know as UNKNOWN, Docker's
        // daemon wordings, registry messages in ECR/GAR/Nexus/Quay style, mirrors, kubelet 1.32+ back-off.
        example(
            "harbor NOT_FOUND via containerd 2", .imageNotFound,
            #"Failed to pull image "harbor.corp.test/shop/cart:9": failed to pull and unpack image "harbor.corp.test/shop/cart:9": failed to resolve reference "harbor.corp.test/shop/cart:9": unexpected status from GET request to https://harbor.corp.test/v2/shop/cart/manifests/9: 404 Not Found\#nunknown: artifact shop/cart:9 not found"#
        ),
        example(
            "cri-o harbor unknown code", .imageNotFound,
            #"Failed to pull image "harbor.corp.test/shop/cart:9": rpc error: code = Unknown desc = reading manifest 9 in harbor.corp.test/shop/cart: unknown: artifact shop/cart:9 not found"#
        ),
        example(
            "docker image manifest does not exist", .imageNotFound,
            #"Error response from daemon: image manifest does not exist for tag or digest "reg.corp.test/app:7""#),
        example(
            "docker containerd-store not found", .imageNotFound,
            #"Error response from daemon: failed to resolve reference "reg.corp.test/app:7": reg.corp.test/app:7: not found"#),
        example(
            "crictl containerd not found", .imageNotFound,
            #"E0312 10:11:12.000000   4242 remote_image.go:180] "PullImage from image service failed" err="rpc error: code = NotFound desc = failed to pull and unpack image \"reg.corp.test/app:7\": failed to resolve reference \"reg.corp.test/app:7\": reg.corp.test/app:7: not found" image="reg.corp.test/app:7"\#nFATA[0001] pulling image: rpc error: code = NotFound desc = failed to pull and unpack image "reg.corp.test/app:7": failed to resolve reference "reg.corp.test/app:7": reg.corp.test/app:7: not found"#
        ),
        example("ctr not found", .imageNotFound, #"ctr: failed to resolve reference "reg.corp.test/app:7": reg.corp.test/app:7: not found"#),
        example(
            "podman manifest unknown", .imageNotFound,
            #"Trying to pull reg.corp.test/app:7...\#nError: initializing source docker://reg.corp.test/app:7: reading manifest 7 in reg.corp.test/app: manifest unknown"#
        ),
        example(
            "ECR manifest unknown custom", .imageNotFound,
            #"Error response from daemon: manifest for 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:9 not found: manifest unknown: Requested image not found"#
        ),
        example(
            "GAR manifest unknown", .imageNotFound,
            #"Failed to pull image "europe-docker.pkg.dev/proj-x/repo/app:9": rpc error: code = NotFound desc = failed to pull and unpack image "europe-docker.pkg.dev/proj-x/repo/app:9": failed to resolve reference "europe-docker.pkg.dev/proj-x/repo/app:9": europe-docker.pkg.dev/proj-x/repo/app:9: not found"#
        ),
        example(
            "artifactory html 404", .imageNotFound,
            #"Error: initializing source docker://art.corp.test/docker/app:9: reading manifest 9 in art.corp.test/docker/app: StatusCode: 404, "<!doctype html><html><head><title>Not Found</title>...""#
        ),
        example(
            "containerd 1.6 fetch content not found", .imageNotFound,
            #"failed to pull and unpack image "reg.corp.test/app:9": failed to copy: httpReadSeeker: failed open: could not fetch content descriptor sha256:1234 (application/vnd.docker.image.rootfs.diff.tar.gzip) from remote: not found"#
        ),
        example(
            "kubelet 1.32 backoff embeds not found", .imageNotFound,
            #"  Normal   BackOff  3s (x4 over 1m)  kubelet  Back-off pulling image "reg.corp.test/app:9": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image "reg.corp.test/app:9": failed to resolve reference "reg.corp.test/app:9": reg.corp.test/app:9: not found"#
        ),
        example(
            "nexus manifest unknown describe", .imageNotFound,
            #"  Warning  Failed     12s   kubelet            Failed to pull image "nexus.corp.test:8443/app:9": rpc error: code = Unknown desc = Error response from daemon: manifest for nexus.corp.test:8443/app:9 not found: manifest unknown: manifest unknown"#
        ),
        example("quay tag not found podman", .imageNotFound, #"Error: reading manifest 9 in quay.corp.test/team/app: manifest unknown: manifest unknown"#),
        example(
            "docker repository not found name unknown", .imageNotFound,
            #"Error response from daemon: repository reg.corp.test/missing not found: name unknown: repository name not known to registry"#),
        example(
            "containers image manifest mirror failed", .imageNotFound,
            #"Error: initializing source docker://reg.corp.test/app:9: (Mirrors also failed: [mirror.corp.test/app:9: reading manifest 9 in mirror.corp.test/app: manifest unknown]): reg.corp.test/app:9: reading manifest 9 in reg.corp.test/app: manifest unknown"#
        ),
        example(
            "moby containerd store error from registry", .imageNotFound, #"Error response from daemon: error from registry: artifact shop/cart:9 not found"#),
        // auth, more shapes: ECR (expired token, IAM), GAR/GCR permissions, ACR, GHCR, GitLab, Harbor, token
        // endpoints answering 401/403, credential helpers, Docker's containerd-store "error from registry".
        example(
            "ECR token expired", .auth,
            #"Failed to pull image "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1": rpc error: code = Unknown desc = Error response from daemon: pull access denied for 123456789012.dkr.ecr.us-east-1.amazonaws.com/api, repository does not exist or may require 'docker login': denied: Your authorization token has expired. Reauthenticate and try again."#
        ),
        example(
            "ECR not authorized BatchGetImage", .auth,
            #"Failed to pull image "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1": rpc error: code = Unknown desc = failed to pull and unpack image "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1": failed to resolve reference "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1": unexpected status from HEAD request to https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/api/manifests/1: 403 Forbidden"#
        ),
        example(
            "ECR BatchGetImage body", .auth,
            #"Error response from daemon: denied: User: arn:aws:sts::123456789012:assumed-role/node-role/i-0abc is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:123456789012:repository/api because no identity-based policy allows the ecr:BatchGetImage action"#
        ),
        example(
            "GAR permission denied", .auth,
            #"Failed to pull image "us-docker.pkg.dev/proj-x/repo/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "us-docker.pkg.dev/proj-x/repo/app:1": failed to resolve reference "us-docker.pkg.dev/proj-x/repo/app:1": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://us-docker.pkg.dev/v2/token?scope=repository%3Aproj-x%2Frepo%2Fapp%3Apull&service=us-docker.pkg.dev: 403 Forbidden"#
        ),
        example(
            "GAR permission body", .auth,
            #"Error response from daemon: Head "https://us-docker.pkg.dev/v2/proj-x/repo/app/manifests/1": denied: Permission "artifactregistry.repositories.downloadArtifacts" denied on resource "projects/proj-x/locations/us/repositories/repo" (or it may not exist)"#
        ),
        example(
            "GCR permission denied on resource", .auth,
            #"Error response from daemon: Head "https://gcr.io/v2/proj-x/app/manifests/1": denied: Permission denied on resource project proj-x."#),
        example(
            "ACR auth required aka.ms", .auth,
            #"Failed to pull image "corp.azurecr.io/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "corp.azurecr.io/app:1": failed to resolve reference "corp.azurecr.io/app:1": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://corp.azurecr.io/oauth2/token?scope=repository%3Aapp%3Apull&service=corp.azurecr.io: 401 Unauthorized"#
        ),
        example(
            "ACR docker unauthorized aka", .auth,
            #"Error response from daemon: Head "https://corp.azurecr.io/v2/app/manifests/1": unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information."#
        ),
        example(
            "ACR anonymous pull disabled", .auth,
            #"Error response from daemon: Get "https://corp.azurecr.io/v2/app/manifests/1": unauthorized: anonymous pull is disabled for this registry"#),
        example(
            "ACR connectivity refresh token", .auth,
            #"Error: CONNECTIVITY_REFRESH_TOKEN_ERROR. Access to registry corp.azurecr.io was denied. Response code: 401. Please try running 'az login' again to refresh permissions."#
        ),
        example("GHCR denied containerd store", .auth, #"Error response from daemon: error from registry: denied\#ndenied"#),
        example(
            "GHCR denied crictl", .auth,
            #"FATA[0002] pulling image: rpc error: code = Unknown desc = failed to pull and unpack image "ghcr.io/corp-test/app:1": failed to resolve reference "ghcr.io/corp-test/app:1": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Acorp-test%2Fapp%3Apull&service=ghcr.io: 403 Forbidden"#
        ),
        example("gitlab 403", .auth, #"Error response from daemon: Get "https://gitlab.corp.test:5050/v2/grp/app/manifests/1": denied: access forbidden"#),
        example(
            "harbor unauthorized to access repository", .auth,
            #"Failed to pull image "harbor.corp.test/private/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "harbor.corp.test/private/app:1": failed to resolve reference "harbor.corp.test/private/app:1": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"#
        ),
        example(
            "moby store unauthorized detail", .auth,
            #"Error response from daemon: error from registry: unauthorized to access repository: private/app, action: pull: unauthorized to access repository: private/app, action: pull"#
        ),
        example(
            "quay unauthorized podman", .auth,
            #"Error: initializing source docker://quay.corp.test/team/app:1: reading manifest 1 in quay.corp.test/team/app: unauthorized: access to the requested resource is not authorized"#
        ),
        example("docker login needed", .auth, #"Error response from daemon: Head "https://reg.corp.test/v2/app/manifests/1": no basic auth credentials"#),
        example(
            "containerd no basic auth", .auth,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to resolve reference "reg.corp.test/app:1": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials"#
        ),
        example(
            "credential helper error", .auth,
            #"Error response from daemon: Get "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/": error getting credentials - err: exit status 1, out: `no credentials found`"#
        ),
        example(
            "podman 401 invalid username", .auth,
            #"Error: initializing source docker://reg.corp.test/app:1: unable to retrieve auth token: invalid username/password: unauthorized: authentication required"#
        ),
        example(
            "kubelet image pull secret missing", .auth,
            #"  Warning  FailedToRetrieveImagePullSecret  10s  kubelet  Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.\#n  Warning  Failed  9s  kubelet  Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to resolve reference "reg.corp.test/app:1": unexpected status from HEAD request to https://reg.corp.test/v2/app/manifests/1: 401 Unauthorized"#
        ),
        // invalid-name: kubelet InspectFailed/InvalidImageName, Docker and Podman parse errors, short names.
        example("InvalidImageName waiting reason", .invalidName, #"    State:          Waiting\#n      Reason:       InvalidImageName"#),
        example("docker uppercase", .invalidName, #"invalid reference format: repository name (library/MyApp) must be lowercase"#),
        example(
            "docker old uppercase", .invalidName,
            #"Error parsing reference: "reg.corp.test/MyApp:1" is not a valid repository/tag: invalid reference format: repository name must be lowercase"#),
        example("podman invalid reference", .invalidName, #"Error: parsing reference "reg.corp.test/app:v1:x": invalid reference format"#),
        example(
            "crictl invalid reference", .invalidName,
            #"FATA[0000] pulling image: rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app@sha256:abc": failed to resolve reference "reg.corp.test/app@sha256:abc": invalid reference format"#
        ),
        example(
            "kubelet describe InvalidImageName", .invalidName,
            #"  Warning  InspectFailed  5s (x3 over 20s)  kubelet  Failed to apply default image tag "reg.corp.test/app:": couldn't parse image name "reg.corp.test/app:": invalid reference format\#n  Warning  Failed         5s (x3 over 20s)  kubelet  Error: InvalidImageName"#
        ),
        example(
            "podman short name", .invalidName,
            #"Error: short-name "app:1" did not resolve to an alias and no unqualified-search registries are defined in "/etc/containers/registries.conf""#),
        example(
            "cri-o short name enforcing", .invalidName,
            #"Failed to pull image "app:1": rpc error: code = Unknown desc = short name mode is enforcing, but image name app:1 returns ambiguous list"#),
        example(
            "docker 64-byte hex", .invalidName,
            #"Error response from daemon: invalid repository name (0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef), cannot specify 64-byte hexadecimal strings"#
        ),
        // network: Go net/net/http errors (EOF before an answer, Windows socket errors, broken pipes, HTTP/2,
        // DNS), CRI-O RegistryUnavailable and the kubelet's rewording of it, stalled pulls.
        example("proxy EOF on ping docker", .network, #"Error response from daemon: Get "https://reg.corp.test/v2/": EOF"#),
        example(
            "proxy EOF on token containerd", .network,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to resolve reference "reg.corp.test/app:1": failed to do request: Head "https://reg.corp.test/v2/app/manifests/1": EOF"#
        ),
        example(
            "windows wsarecv", .network,
            #"Error response from daemon: Get "https://reg.corp.test/v2/": read tcp 10.0.0.5:50123->10.0.0.9:443: wsarecv: An existing connection was forcibly closed by the remote host."#
        ),
        example(
            "windows connectex", .network,
            #"Error response from daemon: Get "https://reg.corp.test/v2/": dial tcp 10.0.0.9:443: connectex: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond."#
        ),
        example(
            "windows getaddrinfow", .network,
            #"Error response from daemon: Get "https://reg.corp.test/v2/": dial tcp: lookup reg.corp.test: getaddrinfow: The requested name is valid, but no data of the requested type was found."#
        ),
        example(
            "dns server misbehaving kubelet", .network,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to resolve reference "reg.corp.test/app:1": failed to do request: Head "https://reg.corp.test/v2/app/manifests/1": dial tcp: lookup reg.corp.test on 10.96.0.10:53: server misbehaving"#
        ),
        example(
            "dns read udp timeout", .network,
            #"Error response from daemon: Get "https://reg.corp.test/v2/": dial tcp: lookup reg.corp.test on 127.0.0.53:53: read udp 127.0.0.1:40000->127.0.0.53:53: i/o timeout"#
        ),
        example(
            "broken pipe blob", .network,
            #"Error: copying system image from manifest list: reading blob sha256:aa11: fetching blob: Get "https://reg.corp.test/v2/app/blobs/sha256:aa11": write tcp 10.0.0.5:40000->10.0.0.9:443: write: broken pipe"#
        ),
        example(
            "http2 goaway", .network,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://cdn.corp.test/blob": http2: server sent GOAWAY and closed the connection; LastStreamID=1, ErrCode=NO_ERROR, debug="""#
        ),
        example(
            "http2 client connection lost", .network,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to copy: read tcp 10.0.0.5:40000->10.0.0.9:443: http2: client connection lost"#
        ),
        example(
            "connection reset kubelet RegistryUnavailable crio", .network,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = RegistryUnavailable: pinging container registry reg.corp.test: Get "https://reg.corp.test/v2/": dial tcp 10.0.0.9:443: connect: connection refused"#
        ),
        example(
            "kubelet registry is unavailable", .network,
            #"  Warning  Failed  3s  kubelet  Failed to pull image "reg.corp.test/app:1": image pull failed for reg.corp.test/app:1 because the registry is unavailable: pinging container registry reg.corp.test: Get "https://reg.corp.test/v2/": dial tcp 10.0.0.9:443: connect: connection refused"#
        ),
        example(
            "kubelet registry is unavailable bare", .network,
            #"  Warning  Failed  3s  kubelet  Failed to pull image "reg.corp.test/app:1": image pull failed for reg.corp.test/app:1 because the registry is unavailable"#
        ),
        example(
            "network unreachable ipv6", .network,
            #"Error response from daemon: Get "https://reg.corp.test/v2/": dial tcp [2001:db8::9]:443: connect: network is unreachable"#),
        example(
            "no route to host crictl", .network,
            #"FATA[0003] pulling image: rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to resolve reference "reg.corp.test/app:1": failed to do request: Head "https://reg.corp.test/v2/app/manifests/1": dial tcp 10.0.0.9:443: connect: no route to host"#
        ),
        example(
            "deadline exceeded kubelet", .network,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = DeadlineExceeded desc = context deadline exceeded"#),
        example(
            "podman pinging timeout", .network,
            #"Error: initializing source docker://reg.corp.test/app:1: pinging container registry reg.corp.test: Get "https://reg.corp.test/v2/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"#
        ),
        example(
            "malformed http response", .network,
            #"Error response from daemon: Get "https://reg.corp.test/v2/": net/http: HTTP/1.x transport connection broken: malformed HTTP response "\x00\x00\x12\x04""#
        ),
        example("proxy 407", .network, #"Error response from daemon: Get "https://reg.corp.test/v2/": proxyconnect tcp: dial tcp 10.0.0.3:3128: i/o timeout"#),
        example(
            "reading body timeout", .network,
            #"Error: copying system image from manifest list: reading blob sha256:aa11: fetching blob: context deadline exceeded (Client.Timeout or context cancellation while reading body)"#
        ),
        example(
            "token timeout containers/image", .network,
            #"Error: initializing source docker://reg.corp.test/app:1: reading manifest 1 in reg.corp.test/app: Get "https://auth.corp.test/token?scope=repository%3Aapp%3Apull&service=reg.corp.test": dial tcp 10.0.0.9:443: i/o timeout"#
        ),
        example(
            "containerd 1.4 no progress", .network,
            #"E0102 03:04:05.000000 1 kuberuntime_manager.go:815] cancel pulling image reg.corp.test/app:1 because of no progress in 1m0s"#),
        example(
            "stalled progress deadline kubelet", .network,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Canceled desc = failed to pull and unpack image "reg.corp.test/app:1": failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://cdn.corp.test/blob": context canceled\#ncancel pulling image reg.corp.test/app:1 because of no progress in 5m0s"#
        ),
        example(
            "token endpoint unexpected EOF", .network,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to resolve reference "reg.corp.test/app:1": failed to authorize: failed to fetch anonymous token: Get "https://auth.corp.test/token?scope=repository%3Aapp%3Apull": unexpected EOF"#
        ),
        example(
            "token endpoint EOF", .network,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to resolve reference "reg.corp.test/app:1": failed to authorize: failed to fetch anonymous token: Get "https://auth.corp.test/token?scope=repository%3Aapp%3Apull": EOF"#
        ),
        example(
            "dockershim old Go unquoted EOF", .network,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = Error response from daemon: Get https://reg.corp.test/v2/: EOF"#),
        // tls: crypto/x509 and crypto/tls variants, inside "failed to authorize" too.
        example(
            "x509 expired", .tls,
            #"Error response from daemon: Get "https://reg.corp.test/v2/": x509: certificate has expired or is not yet valid: current time 2025-01-02T03:04:05Z is after 2024-12-31T00:00:00Z"#
        ),
        example(
            "x509 legacy CN", .tls,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to resolve reference "reg.corp.test/app:1": failed to do request: Head "https://reg.corp.test/v2/app/manifests/1": x509: certificate relies on legacy Common Name field, use SANs instead"#
        ),
        example(
            "x509 IP SANs", .tls,
            #"Error response from daemon: Get "https://10.0.0.9:5000/v2/": x509: cannot validate certificate for 10.0.0.9 because it doesn't contain any IP SANs"#
        ),
        example(
            "x509 negative serial", .tls,
            #"Error: initializing source docker://reg.corp.test/app:1: pinging container registry reg.corp.test: Get "https://reg.corp.test/v2/": tls: failed to parse certificate from server: x509: negative serial number"#
        ),
        example(
            "tls oversized record", .tls, #"Error response from daemon: Get "https://reg.corp.test:5000/v2/": tls: oversized record received with length 20527"#
        ),
        example(
            "tls unsupported version", .tls,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to resolve reference "reg.corp.test/app:1": failed to do request: Head "https://reg.corp.test/v2/app/manifests/1": tls: server selected unsupported protocol version 301"#
        ),
        example(
            "x509 insecure sha1", .tls,
            #"Error response from daemon: Get "https://reg.corp.test/v2/": x509: certificate signed by unknown authority (possibly because of "x509: cannot verify signature: insecure algorithm SHA1-RSA (temporarily override with GODEBUG=x509sha1=1)" while trying to verify candidate authority certificate "corp-ca")"#
        ),
        example(
            "tls in failed to authorize", .tls,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to resolve reference "reg.corp.test/app:1": failed to authorize: failed to fetch anonymous token: Get "https://auth.corp.test/token?scope=repository%3Aapp%3Apull": tls: failed to verify certificate: x509: certificate signed by unknown authority"#
        ),
        example(
            "containerd http to https", .tls,
            #"ctr: failed to resolve reference "10.0.0.9:5000/app:1": failed to do request: Head "https://10.0.0.9:5000/v2/app/manifests/1": http: server gave HTTP response to HTTPS client"#
        ),
        example(
            "tls unknown ca remote", .tls, #"Error response from daemon: Get "https://reg.corp.test/v2/": remote error: tls: unknown certificate authority"#),
        example(
            "containerd journal x509", .tls,
            #"Mar 01 10:11:12 node-a containerd[900]: time="2025-03-01T10:11:12.000000000Z" level=error msg="PullImage \"reg.corp.test/app:1\" failed" error="failed to pull and unpack image \"reg.corp.test/app:1\": failed to resolve reference \"reg.corp.test/app:1\": failed to do request: Head \"https://reg.corp.test/v2/app/manifests/1\": tls: failed to verify certificate: x509: certificate signed by unknown authority""#
        ),
        // rate-limit: Docker Hub, ECR Public, containers/image on the token request, a journal line.
        example(
            "dockerhub auth rate limit", .rateLimit,
            #"Failed to pull image "docker.io/library/redis:7": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/redis:7": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/redis/manifests/sha256:00aa: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit as 'someone': dckr_jti_xyz. You may increase the limit by upgrading. https://www.docker.com/increase-rate-limit"#
        ),
        example("ecr public rate exceeded", .rateLimit, #"Error response from daemon: toomanyrequests: Rate exceeded"#),
        example(
            "moby store rate limit", .rateLimit,
            #"Error response from daemon: error from registry: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit"#
        ),
        example(
            "podman 429", .rateLimit,
            #"Error: initializing source docker://docker.io/library/redis:7: reading manifest 7 in docker.io/library/redis: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit"#
        ),
        example(
            "containers/image token 429", .rateLimit,
            #"Error: initializing source docker://reg.corp.test/app:1: Requesting bearer token: received unexpected HTTP status: 429 Too Many Requests"#),
        example("quay slow down", .rateLimit, #"Error response from daemon: received unexpected HTTP status: 429 TOO MANY REQUESTS"#),
        example(
            "kubelet journal 429", .rateLimit,
            #"Mar 01 10:11:12 node-a kubelet[2112]: E0301 10:11:12.131415    2112 log.go:32] "PullImage from image service failed" err="rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/library/redis:7\": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/redis/manifests/sha256:00aa: 429 Too Many Requests - Server message: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit" image="docker.io/library/redis:7""#
        ),
        // platform: Docker's OS checks, Windows build mismatch, containerd snapshotter, NotFound wrappers.
        example("docker windows os", .platform, #"Error response from daemon: image operating system "windows" cannot be used on this platform"#),
        example("docker cannot download os", .platform, #"cannot download image with operating system "windows" when requesting "linux""#),
        example("windows version incompatible", .platform, #"a Windows version 10.0.20348-based image is incompatible with a 10.0.17763 host"#),
        example(
            "containerd NotFound platform kubelet", .platform,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = NotFound desc = failed to pull and unpack image "reg.corp.test/app:1": no match for platform in manifest: not found"#
        ),
        example(
            "docker store no matching manifest", .platform,
            #"Error response from daemon: no matching manifest for linux/arm64/v8 in the manifest list entries: no match for platform in manifest: not found"#),
        example(
            "podman choosing arch", .platform,
            #"Error: choosing an image from manifest list docker://reg.corp.test/app:1: no image found in manifest list for architecture "arm64", variant "v8", OS "linux""#
        ),
        example("containerd snapshotter platform", .platform, #"snapshotter overlayfs does not support platform windows/amd64 for image sha256:aa11"#),
        example(
            "kubelet journal backoff embeds platform", .platform,
            #"Mar 01 10:11:12 node-a kubelet[2112]: E0301 10:11:12.131415    2112 pod_workers.go:1301] "Error syncing pod, skipping" err="failed to \"StartContainer\" for \"app\" with ImagePullBackOff: \"Back-off pulling image \\\"reg.corp.test/app:1\\\": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image \\\"reg.corp.test/app:1\\\": no match for platform in manifest: not found\"" pod="shop/web-1" podUID="0a1b2c3d""#
        ),
        // disk: every place a layer is written, Windows wording included.
        example(
            "docker register layer disk", .disk,
            #"failed to register layer: Error processing tar file(exit status 1): write /usr/lib/libx.so: no space left on device"#),
        example(
            "containerd extract disk kubelet", .disk,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to extract layer sha256:aa11: mount callback failed on /var/lib/containerd/tmpmounts/containerd-mount1: write /var/lib/containerd/tmpmounts/containerd-mount1/usr/bin/x: no space left on device: unknown"#
        ),
        example(
            "podman disk", .disk,
            #"Error: writing blob: adding layer with blob "sha256:aa11": processing tar file(write /usr/lib/x: no space left on device): exit status 1"#),
        example(
            "windows not enough space", .disk,
            #"failed to register layer: re-exec error: exit status 1: output: hcsshim::ProcessBaseLayer \\?\C:\ProgramData\docker\windowsfilter\aa11: There is not enough space on the disk."#
        ),
        example(
            "disk quota", .disk,
            #"Error: copying system image from manifest list: writing blob: storing blob to file "/var/tmp/storage1/1": write /var/tmp/storage1/1: disk quota exceeded"#
        ),
        // runtime: verification after download (Docker, containerd diff IDs, containers/image digests), the local
        // content store, unpacking, and the CRI socket.
        example("ctr content digest not found", .runtime, #"ctr: content digest sha256:aa11: not found"#),
        example("docker verification failed", .runtime, #"filesystem layer verification failed for digest sha256:aa11"#),
        example("docker image config verification", .runtime, #"Error response from daemon: image config verification failed for digest sha256:aa11"#),
        example("docker layers don't match config", .runtime, #"Error response from daemon: layers from manifest don't match image configuration"#),
        example(
            "containerd wrong diff id", .runtime,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": wrong diff id "sha256:aa11" calculated on extraction "sha256:bb22", desc "sha256:cc33""#
        ),
        example(
            "containerd short read", .runtime,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to copy: short read: expected 12345 bytes but got 2345: unexpected EOF"#
        ),
        example(
            "containerd failed size validation", .runtime,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = FailedPrecondition desc = failed to pull and unpack image "reg.corp.test/app:1": failed commit on ref "layer-sha256:aa11": "layer-sha256:aa11" failed size validation: 100 != 200: failed precondition"#
        ),
        example(
            "containers/image digest did not match", .runtime,
            #"Error: copying system image from manifest list: writing blob: happened during read: Digest did not match, expected sha256:aa11, got sha256:bb22"#),
        example(
            "containers/image happened during read eof", .runtime,
            #"Error: copying system image from manifest list: writing blob: happened during read: unexpected EOF"#),
        example(
            "containers/image diffid mismatch", .runtime,
            #"Error: copying system image from manifest list: writing blob: layer 3 (blob sha256:aa11) does not match config's DiffID "sha256:bb22""#),
        example(
            "containerd unpack snapshotter", .runtime,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to unpack image on snapshotter overlayfs: failed to prepare extraction snapshot "extract-1 sha256:aa11": missing parent "k8s.io/2/sha256:bb22" bucket: not found"#
        ),
        example("docker error pulling config eof", .runtime, #"error pulling image configuration: download failed after attempts=6: unexpected EOF"#),
        example(
            "containerd CRI unavailable", .runtime,
            #"E0102 03:04:05.000000 1 remote_image.go:180] "PullImage from image service failed" err="rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: no such file or directory\"" image="reg.corp.test/app:1""#
        ),
        example(
            "crictl no runtime", .runtime,
            #"FATA[0000] validate service connection: validate CRI v1 image API for endpoint "unix:///run/containerd/containerd.sock": rpc error: code = Unimplemented desc = unknown service runtime.v1.ImageService"#
        ),
        example("docker daemon not running", .runtime, #"Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"#),
        example(
            "containerd io error", .runtime,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to extract layer sha256:aa11: write /var/lib/containerd/x: input/output error: unknown"#
        ),
        example("docker graphdriver apply", .runtime, #"failed to register layer: Error processing tar file(exit status 1): operation not permitted"#),
        example(
            "docker unexpected EOF on layer", .runtime,
            #"1.0: Pulling from team/app\#na1b2c3: Pulling fs layer\#na1b2c3: Downloading  10MB/50MB\#nunexpected EOF"#),
        example(
            "podman storage corrupt", .runtime,
            #"Error: copying system image from manifest list: trying to reuse blob sha256:aa11 at destination: reading layer "aa11" for blob "sha256:aa11": layer not known"#
        ),
        example(
            "CRI connection dropped mid-pull", .runtime,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unavailable desc = error reading from server: EOF"#),
        // never-pull; other: registry 5xx (token endpoint too), signatures and policy, status only, cancellation.
        example(
            "containerd 500 body", .other,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to resolve reference "reg.corp.test/app:1": unexpected status from HEAD request to https://reg.corp.test/v2/app/manifests/1: 500 Internal Server Error"#
        ),
        example(
            "containerd 503", .other,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to resolve reference "reg.corp.test/app:1": unexpected status from HEAD request to https://reg.corp.test/v2/app/manifests/1: 503 Service Unavailable"#
        ),
        example("docker 502 proxy", .other, #"Error response from daemon: received unexpected HTTP status: 502 Bad Gateway"#),
        example(
            "cri-o signature", .other,
            #"  Warning  Failed  2s  kubelet  Failed to pull image "reg.corp.test/app:1": SignatureValidationFailed: image pull failed for reg.corp.test/app:1 because the signature validation failed: Source image rejected: None of the signatures were accepted, reasons: Signature for identity "reg.corp.test/app" is not accepted"#
        ),
        example(
            "policy json missing", .other,
            #"Error: no policy.json file found at any of the following: "/root/.config/containers/policy.json", "/etc/containers/policy.json""#),
        example(
            "kubelet never pull event reason", .neverPull,
            #"  Warning  ErrImageNeverPull  3s  kubelet  Container image "app:dev" is not present with pull policy of Never\#n  Warning  Failed  3s  kubelet  Error: ErrImageNeverPull"#
        ),
        example("ImagePullBackOff only", .other, #"NAME    READY   STATUS             RESTARTS   AGE\#nweb-1   0/1     ImagePullBackOff   0          5m"#),
        example("context canceled docker", .other, #"Error response from daemon: Get "https://reg.corp.test/v2/": context canceled"#),
        example("docker unsupported manifest", .other, #"Error response from daemon: unsupported: The operation is unsupported."#),
        example("docker 400", .other, #"Error response from daemon: received unexpected HTTP status: 400 Bad Request"#),
        example(
            "token endpoint 503", .other,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to resolve reference "reg.corp.test/app:1": failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://auth.corp.test/token: 503 Service Unavailable"#
        ),
        example(
            "podman bearer token 500", .other,
            #"Error: initializing source docker://reg.corp.test/app:1: Requesting bearer token: received unexpected HTTP status: 500 Internal Server Error"#),
        example(
            "docker blob 500", .other,
            #"error pulling image configuration: download failed after attempts=6: received unexpected HTTP status: 500 Internal Server Error"#),
        // Wrappers and innermost causes: the inner error decides (x509 inside "pull access denied", x509 inside
        // RegistryUnavailable, disk while preparing a snapshot, 5xx from a token endpoint); registry-specific codes.
        example("artifactory repo not found docker", .imageNotFound, #"Error response from daemon: unknown: Repo 'docker-virtual' was not found"#),
        example(
            "artifactory named manifest", .imageNotFound,
            #"Error response from daemon: manifest for art.corp.test/docker/app:1 not found: manifest unknown: The named manifest is not known to the registry."#
        ),
        example("harbor repository not found docker", .imageNotFound, #"Error response from daemon: unknown: repository shop/cart not found"#),
        example(
            "manifest blob unknown", .imageNotFound,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = reading manifest 1 in reg.corp.test/app: manifest blob unknown: blob unknown to registry"#
        ),
        example("artifactory forbidden", .auth, #"Error response from daemon: unknown: Forbidden"#),
        example(
            "gitlab jwt 403", .auth,
            #"Failed to pull image "gitlab.corp.test:5050/grp/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "gitlab.corp.test:5050/grp/app:1": failed to resolve reference "gitlab.corp.test:5050/grp/app:1": failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://gitlab.corp.test/jwt/auth: 403 Forbidden"#
        ),
        example("old containers/image 502", .other, "Error reading manifest 1 in mirror.corp.test/app: invalid status code from registry 502 (Bad Gateway)"),
        example(
            "token 400", .other,
            #"Error: initializing source docker://reg.corp.test/app:1: Requesting bearer token: invalid status code from registry 400 (Bad Request)"#),
        example(
            "extraction snapshot disk", .disk,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to prepare extraction snapshot "extract-1 sha256:aa": mkdir /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/12: no space left on device"#
        ),
        example(
            "x509 inside pull access denied", .tls,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/app:1": failed to resolve reference "reg.corp.test/app:1": pull access denied, repository does not exist or may require authorization: failed to fetch oauth token: Post "https://auth.corp.test/token": x509: certificate signed by unknown authority"#
        ),
        example(
            "EOF on blob GET", .network,
            #"Error: copying system image from manifest list: reading blob sha256:aa: fetching blob: Get "https://cdn.corp.test/blob/aa": EOF"#),
        example(
            "docker mirror dns", .network,
            #"Error response from daemon: Get "https://mirror.corp.test/v2/library/redis/manifests/7": dial tcp: lookup mirror.corp.test: no such host"#),
        example("docker toomanyrequests containerd store", .rateLimit, #"Error response from daemon: error from registry: toomanyrequests: too many requests"#),
        example(
            "acr 5xx token", .other,
            #"Failed to pull image "corp.azurecr.io/app:1": rpc error: code = Unknown desc = failed to pull and unpack image "corp.azurecr.io/app:1": failed to resolve reference "corp.azurecr.io/app:1": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://corp.azurecr.io/oauth2/token?scope=repository%3Aapp%3Apull&service=corp.azurecr.io: 500 Internal Server Error"#
        ),
        example(
            "wrapped RegistryUnavailable x509", .tls,
            #"Failed to pull image "reg.corp.test/app:1": rpc error: code = Unknown desc = image pull failed for reg.corp.test/app:1 because the registry is unavailable: pinging container registry reg.corp.test: Get "https://reg.corp.test/v2/": tls: failed to verify certificate: x509: certificate has expired or is not yet valid"#
        ),
    ]

    @Test(arguments: cases)
    func classifies(_ example: Case) throws {
        let report = PullFailureDiagnoser.diagnose(example.text)
        #expect(report.cause == example.cause, "\(report.findings.first?.evidence.match ?? "no finding")")
        let finding = try #require(report.findings.first)
        #expect(!finding.evidence.match.isEmpty)
    }
}
