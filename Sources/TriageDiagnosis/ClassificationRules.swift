/// One ordered classification rule: when every phrase group has a hit, the record gets `cause`.
struct ClassificationRule: Sendable {
    /// The cause this rule assigns.
    let cause: PullFailureCause
    /// Other causes the same words are known to stand for.
    let alternatives: [PullFailureCause]
    /// 3 = decisive wording, 2 = generic wording, 1 = only a status (no cause visible).
    let weight: Int
    /// Each group needs at least one hit; the first group's hit is the evidence.
    let groups: [[String]]
    /// Whether the record (or the document) must be about pulling an image for this rule to count.
    let needsPullContext: Bool
    /// What the matched wording means, in plain language.
    let meaning: String

    init(
        _ cause: PullFailureCause, alt: [PullFailureCause] = [], weight: Int = 3, context: Bool = false,
        _ groups: [[String]], _ meaning: String
    ) {
        self.cause = cause
        self.alternatives = alt
        self.weight = weight
        self.groups = groups
        self.needsPullContext = context
        self.meaning = meaning
    }
}

/// The runtimes' own phrases, in precedence order (first matching rule wins inside a record).
/// Phrases are matched case-insensitively as substrings of the cleaned record text.
enum ClassificationRules {
    static let networkFailures = [
        "i/o timeout", "connection refused", "connection reset", "connection timed out", "no such host",
        "network is unreachable", "no route to host", "host is unreachable", "temporary failure in name resolution",
        "server misbehaving", "proxyconnect", "client.timeout exceeded", "request canceled while waiting for connection",
        "context deadline exceeded", "deadlineexceeded", "connectex:", "connection attempt failed", "could not resolve host",
        "name or service not known", "timeout awaiting response headers", "tls handshake timeout", "use of closed network connection",
        "forcibly closed by the remote host", "write: broken pipe", "client connection lost", "getaddrinfow:",
        // `az acr check-health` / `az acr login` report a failed DNS lookup of the registry with this code.
        "connectivity_dns_error",
    ]
    /// HTTP 5xx status lines as Go prints them (`resp.Status`).
    static let serverErrors = ["500 internal server error", "502 bad gateway", "503 service unavailable", "504 gateway timeout"]
    /// Go's `*url.Error` prefix: the method and URL of the request that failed (quoted since Go 1.14).
    static let httpRequest = ["get http", "head http", "post http", "get \"http", "head \"http", "post \"http"]
    static let tokenFetch = ["failed to authorize", "fetch anonymous token", "fetch oauth token", "/token?", "/oauth2/token", "/v2/auth?"]

    static let all: [ClassificationRule] = [
        // The kubelet's ErrImageNeverPull: "Container image "X" is not present with pull policy of Never".
        ClassificationRule(
            .neverPull, [["errimageneverpull", "pull policy of never"]],
            "imagePullPolicy is Never and the image is not present on the node, so the kubelet did not try to pull it."),
        // Invalid names are reported before anything is fetched.
        ClassificationRule(
            .invalidName,
            [
                [
                    "invalid reference format", "parse image reference", "parse image name",
                    "invalidimagename", "repository name must be lowercase", "repository name must be canonical",
                    "invalid repository name", "cannot specify 64-byte hexadecimal", "failed to apply default image tag",
                    "tag invalid:", "manifest tag did not match uri",
                ]
            ],
            "The image reference in the pod spec cannot be parsed, so nothing was pulled."),
        ClassificationRule(
            .invalidName, alt: [.runtime], [["invalid image name", "unknown transport"]],
            "CRI-O could not turn the image name into a pullable reference."),
        ClassificationRule(
            .invalidName, alt: [.other], [["did not resolve to an alias", "short-name resolution", "short name mode is enforcing"]],
            "A short image name could not be resolved to a registry; the name needs a registry host."),
        // Throttling is decisive even when wrapped in other errors.
        ClassificationRule(
            .rateLimit, alt: [.other], [["pull qps exceeded"]],
            "The kubelet's own registry pull QPS limit (registryPullQPS/registryBurst) was hit."),
        ClassificationRule(
            .rateLimit,
            [
                [
                    "toomanyrequests", "too many requests", "pull rate limit", "rate exceeded",
                    "rate limit exceeded", ": 429", "status 429", "code 429", "http 429", "429 too many",
                ]
            ],
            "The registry answered 429 Too Many Requests: the pull quota for this client or IP is used up."),
        ClassificationRule(
            .disk, [["no space left on device", "disk quota exceeded", "not enough space on the disk", "there is not enough space"]],
            "The node's image filesystem filled up while layers were downloaded or unpacked."),
        ClassificationRule(
            .platform,
            [
                [
                    "no match for platform", "no matching manifest for", "no supported platform found",
                    "no image found in manifest list for architecture", "no image found in image index for architecture",
                    "does not match the specified platform",
                    "cannot be used on this platform", "no manifest found for platform",
                    // Docker refusing a Windows/Linux image on the other OS, or a Windows image built for a newer host build;
                    // containerd's snapshotter refusing a foreign platform.
                    "cannot download image with operating system", "-based image is incompatible with a", "does not support platform",
                    // Windows (HCS) refusing a container image built for another Windows build.
                    "does not match the host operating system",
                ]
            ],
            "The image exists, but none of its variants is built for the node's OS/architecture."),
        // The CRI endpoint itself is broken: checked before network because it mentions dial/connect.
        ClassificationRule(
            .runtime,
            [
                [
                    "unknown service runtime.v1", "image api is not implemented", "code = unimplemented",
                    "cannot connect to the docker daemon", "is the docker daemon running", "container runtime is down",
                ]
            ],
            "The kubelet or crictl reached a CRI socket that does not serve the image API (wrong endpoint, CRI plugin disabled, or runtime too old)."),
        ClassificationRule(
            .runtime, [["dial unix", "code = unavailable"], [".sock", "transport:", "error reading from server"]],
            "The CRI socket of the container runtime could not be reached or dropped the call: the runtime is not running, restarted, or the endpoint is wrong."
        ),
        // A token-endpoint failure inside "failed to authorize" is a network failure that looks like auth.
        // A response cut short ("unexpected EOF") on the token request is a broken connection too.
        ClassificationRule(
            .network, alt: [.auth], [networkFailures + ["unexpected eof"], tokenFetch],
            "The registry's token endpoint could not be reached while authorizing the pull (network failure during auth)."),
        // `Get "URL": EOF`: the peer (often a proxy or a middlebox) closed the connection before any answer.
        ClassificationRule(
            .network, context: true, [[": eof"], httpRequest],
            "The connection was closed before the registry answered (EOF): usually a proxy, firewall or load balancer in between."),
        ClassificationRule(
            .network, [["tls handshake timeout"]],
            "The TLS handshake with the registry timed out: the connection is slow, filtered or proxied."),
        ClassificationRule(
            .tls,
            [
                [
                    "x509:", "certificate signed by unknown authority", "certificate has expired",
                    "certificate is not valid", "certificate is valid for", "legacy common name", "failed to verify certificate",
                    "unknown certificate authority", "certificate verify failed", "self signed certificate", "self-signed certificate",
                    "tls: bad certificate", "remote error: tls", "local error: tls", "tls: server selected unsupported protocol version",
                    "tls: no supported versions", "connectivity_ssl_error",
                ]
            ],
            "The registry's TLS certificate is not trusted by the node (unknown CA, expired, or wrong host name)."),
        ClassificationRule(
            .tls,
            [
                [
                    "server gave http response to https client", "first record does not look like a tls handshake",
                    "tls: oversized record received",
                ]
            ],
            "The registry speaks plain HTTP but the runtime insists on HTTPS."),
        ClassificationRule(
            .network, alt: [.other], [["because of no progress", "no progress in"]],
            "The runtime cancelled the pull because no bytes arrived for too long (stalled download)."),
        // The kubelet rewords the CRI's RegistryUnavailable as "image pull failed for X because the registry is unavailable".
        ClassificationRule(
            .network, context: true, [networkFailures + ["registryunavailable", "errregistryunavailable", "registry is unavailable"]],
            "The node could not reach the registry (DNS, routing, firewall, proxy or timeout)."),
        ClassificationRule(
            .network, weight: 2, context: true, [["dial tcp", "net/http:", "http2: server sent goaway", "stream error: stream id"]],
            "The connection to the registry failed at the network level."),
        // A token endpoint that fails with 5xx never judged the credentials, whatever its "failed to fetch … token" wrapper says.
        ClassificationRule(
            .other, alt: [.auth, .network], weight: 2, [serverErrors, tokenFetch],
            "The registry's token endpoint answered with a server error (5xx), so the credentials were never checked."),
        // The registry's own error codes for a missing repository, manifest or blob (distribution's
        // NAME_UNKNOWN, MANIFEST_UNKNOWN, BLOB_UNKNOWN) are decisive even when a client wraps them
        // in its hedged "pull access denied … may not exist".
        ClassificationRule(
            .imageNotFound, alt: [.auth],
            [
                [
                    "name unknown", "repository name not known", "manifest unknown",
                    "blob unknown", "image manifest does not exist for tag or digest",
                ]
            ],
            "The registry itself says the repository, tag/digest or a layer blob does not exist (or was deleted)."),
        // Authentication and authorization. Credentials that were checked and found wrong or stale are
        // decisive, even inside Docker's hedged "pull access denied … may not exist": the registry
        // judged the credentials before it looked for the repository.
        ClassificationRule(
            .auth,
            [
                [
                    "authorization token has expired", "incorrect username or password", "invalid username/password",
                    "invalid credentials",
                ]
            ],
            "The registry rejected the credentials sent with the pull: the password or token is wrong or has expired."),
        ClassificationRule(
            .auth, alt: [.imageNotFound],
            [
                [
                    "pull access denied", "insufficient_scope", "repository does not exist or may require",
                    "or it may not exist", "access to the requested resource is not authorized", "requested access to the resource is denied",
                ]
            ],
            "The registry refused the pull. Docker Hub, Quay and Artifact Registry answer this way both for private repositories without credentials and for repositories that do not exist."
        ),
        ClassificationRule(
            .auth,
            [
                [
                    "no basic auth credentials", "unauthorized", "authentication required", "401 unauthorized",
                    ": 401", "status 401", "403 forbidden", ": 403", "status 403", "access denied", "not authorized", "unauthenticated",
                    // Docker's "error parsing HTTP 401/403 response body" when a proxy or Artifactory answers with HTML.
                    "http 401", "http 403", "authentication is required",
                    "authorization failed", "error getting credentials", "artifactregistry.repositories.downloadartifacts",
                    "failed to fetch oauth token", "failed to fetch anonymous token", "denied:",
                ]
            ],
            "The registry rejected the credentials sent with the pull, or none were sent."),
        ClassificationRule(
            .auth, weight: 2, context: true, [["forbidden", "permission denied", "denied"]],
            "The registry refused access to the image."),
        // Local runtime failures while storing layers.
        ClassificationRule(
            .runtime, alt: [.imageNotFound], [["parent snapshot", "missing parent", "parent does not exist"]],
            "containerd's snapshotter lost a parent layer snapshot while unpacking; the local image store is inconsistent."),
        // containerd's metadata store ("content digest D: not found") and containers/storage ("layer not known")
        // miss content they recorded: the local store, not the registry, lacks it.
        ClassificationRule(
            .runtime, alt: [.imageNotFound], [["content digest", "layer not known"], ["not found", "not known"]],
            "The runtime's local content store lost a blob or layer it had recorded; the local image store is inconsistent."),
        ClassificationRule(
            .runtime, alt: [.disk], [["input/output error"]],
            "The node's disk returned an I/O error while the layer was written."),
        ClassificationRule(
            .runtime,
            [
                [
                    "failed size validation", "unexpected commit digest", "unexpected commit size",
                    "filesystem layer verification failed", "digest mismatch", "content mismatch", "size mismatch", "lchown",
                    "unlinkat", "failed to register layer", "applylayer", "error processing tar file", "failed to extract layer",
                    "failed to prepare extraction snapshot", "failed to unpack image", "failed commit on ref", "read-only file system",
                    "too many open files", "operation not permitted", "failed to mount", "error committing the finished image",
                    "error adding layer", "invalid tar header", "is no longer supported since containerd", "schema 1 image",
                    "imageinspecterror", "errimageinspect", "failed to inspect image", "digest invalid:",
                    "provided digest did not match uploaded content", "adding layer with blob", "insufficient uids or gids",
                    // Verification of what was downloaded: Docker's "… verification failed for digest D" and rootfs check,
                    // containerd's diff ID check after extraction, containers/image's digest and DiffID checks.
                    "verification failed for digest", "don't match image configuration", "invalid rootfs in image configuration",
                    "wrong diff id", "digest did not match", "does not match config's diffid",
                ]
            ],
            "The container runtime failed locally while verifying or unpacking the downloaded layers."),
        ClassificationRule(
            .runtime, alt: [.network], weight: 2, context: true, [["unexpected eof", "untar re-exec error"]],
            "The layer stream ended early (unexpected EOF) while the runtime was reading it; a flaky connection or a corrupt download."),
        // The image, tag or repository is missing.
        ClassificationRule(
            .imageNotFound,
            [
                [
                    "manifest unknown", "name unknown", "no such manifest", "unknown manifest",
                    "not found in repository", "repository name not known", "404 not found", ": 404", "status 404",
                ]
            ],
            "The registry has no manifest for this repository/tag/digest: the tag or repository does not exist (or was deleted)."),
        ClassificationRule(
            .imageNotFound,
            [
                [
                    "manifest for", "failed to resolve reference", "failed to resolve image", "content at",
                    "error: image ", "repository ", "artifact ",
                ], [": not found", " not found:", " not found", "does not exist"],
            ],
            "The registry has no manifest for this repository/tag/digest: the tag or repository does not exist (or was deleted)."),
        ClassificationRule(
            .imageNotFound, alt: [.other], weight: 2, [["404 response", "http 404"]],
            "The registry answered 404 Not Found with an unexpected body."),
        ClassificationRule(
            .imageNotFound, alt: [.other], weight: 2, context: true, [["code = notfound", "not found"]],
            "The runtime reported NotFound without saying what was missing; usually the tag or repository does not exist."),
        // Causes outside the nine above.
        ClassificationRule(
            .other, alt: [.runtime], [["invalid policy in", "policy.json"]],
            "The signature policy file (/etc/containers/policy.json) cannot be parsed, so every pull is refused."),
        ClassificationRule(
            .other,
            [
                [
                    "source image rejected", "signaturevalidationfailed", "signature validation failed",
                    "rejected by policy", "a signature was required", "signature verification failed",
                ]
            ],
            "The image was rejected by the node's signature/trust policy, not by the registry."),
        // Harbor (vulnerability or signature policy of the project) and JFrog Xray (download blocking)
        // refuse to serve an image that exists.
        ClassificationRule(
            .other, [["cannot be pulled due to", "download blocking policy", "is not signed"]],
            "The registry refused to serve the image because of a policy configured on it (vulnerability scan, required signature or download blocking)."),
        // Older containers/image prints statuses as "invalid status code from registry 502 (Bad Gateway)".
        ClassificationRule(
            .other, alt: [.network], weight: 2,
            [
                [
                    "502 bad gateway", "503 service unavailable", "504 gateway timeout",
                    "service unavailable", "statuscode: 502", "statuscode: 503", "statuscode: 504", "502 (bad gateway)", "504 (gateway timeout)",
                    "http 502", "http 503", "http 504",
                ]
            ],
            "The registry or a proxy in front of it answered with a 5xx gateway error."),
        ClassificationRule(
            .other, weight: 2,
            [
                [
                    "500 internal server error", "http code 500", "http 500", "status: 500", "internal server error",
                    "statuscode: 500",
                ]
            ],
            "The registry answered 500 Internal Server Error: a registry-side failure."),
        ClassificationRule(
            .other, weight: 2, [["the operation is unsupported", "manifest invalid"]],
            "The registry refused the request as unsupported or the manifest as invalid: a registry-side or image-format problem."),
        ClassificationRule(
            .other, alt: [.network], weight: 2, [["400 bad request", "400 (bad request)"]],
            "The registry (or a mirror/proxy) answered 400 Bad Request."),
        ClassificationRule(
            .other, alt: [.auth], weight: 2, [["unexpected status from head request", "unexpected status from get request", "unexpected status code"]],
            "The registry answered with an error status that the message does not show."),
        ClassificationRule(
            .other, weight: 2, context: true, [["context canceled", "code = canceled"]],
            "The pull was cancelled (context canceled) before it finished; the message does not say why."),
        ClassificationRule(
            .other, weight: 1,
            [
                [
                    "errimagepull", "imagepullbackoff", "back-off pulling image", "backoff pulling image",
                    "failed to pull image", "failed pulling image", "image pull failed", "error pulling image", "pulling image failed",
                    "failed to pull",
                ]
            ],
            "Only the pull status is visible (ErrImagePull / ImagePullBackOff), not the registry's answer."),
    ]

    /// Words that show a record is about pulling images; generic rules only count with one of them.
    static let pullContext = [
        "pull", "image", "manifest", "registry", "/v2/", "blob", "layer", "reference", "docker",
        "token", "repository", "daemon", "resolv", "rpc error", "containerd", "crio", "podman",
    ]

    /// Records mentioning these are about something else (probes, volumes, RBAC, container config,
    /// starting the container's process, the pod's network) unless they also say "pull".
    static let unrelated = [
        "probe failed", "unhealthy", "failedmount", "mountvolume", "back-off restarting",
        "failedscheduling", "is forbidden: user", "using default endpoints",
        "default settings are now deprecated", "mount failed",
        // The kubelet's CreateContainerConfigError wordings.
        "configmap \"", "secret \"", "couldn't find key",
        // runc/crun failing to start the container's process after the image was there.
        "oci runtime create failed", "failed to create shim task", "starting container process caused",
        // CNI failures while setting up the pod sandbox's network.
        "failed to setup network for sandbox", "networkplugin cni failed", "failed to set up pod network",
    ]
}
