import Testing
@testable import TriageDiagnosis

/// Older and distribution-specific wordings (dockershim-era kubelet, old `kubectl describe` tables,
/// OpenShift and CRI-O, k3s/kind/MicroK8s/minikube, Windows nodes, containerd 2, kubelet back-off
/// messages that embed the error, `kubectl get pods` status rows) and paste noise as issues carry
/// it (fences, quotes, prompts, line numbers, timestamps, JSON-per-line logs, HTML entities,
/// Unicode quotes, escaped quotes, wrapped lines). Written by hand with invented names.
@Suite("Eras, distributions and paste noise")
struct EraAndNoiseWordingTests {
    typealias Case = RegistryWordingTests.Case

    static func example(
        _ name: String, _ cause: PullFailureCause, alt: PullFailureCause? = nil, notAlt: PullFailureCause? = nil,
        family: RegistryFamily? = nil, image: String? = nil, _ text: String
    ) -> Case {
        RegistryWordingTests.example(name, cause, alt: alt, notAlt: notAlt, family: family, image: image, text)
    }

    static let eras: [Case] = [
        example("docker http 403 empty body", .auth, #"Error response from daemon: error parsing HTTP 403 response body: unexpected end of JSON input: """#),
        example(
            "docker http 401 html body", .auth,
            #"Error response from daemon: error parsing HTTP 401 response body: invalid character '<' looking for beginning of value: "<html><body><h1>Sign in</h1></body></html>""#
        ),
        example(
            "docker http 502 body", .other,
            #"Error response from daemon: error parsing HTTP 502 response body: invalid character '<' looking for beginning of value: "<html><body>upstream error</body></html>""#
        ),
        example(
            "dockershim daemon timeout", .network, image: "shopco/cart:1",
            #"Failed to pull image "shopco/cart:1": rpc error: code = Unknown desc = Error response from daemon: Get https://registry-1.docker.io/v2/: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)"#
        ),
        example(
            "dockershim Error: ErrImagePull pair", .imageNotFound, image: "shopco/cart:9",
            #"  Warning  Failed     12s (x3 over 50s)  kubelet, node-7  Failed to pull image "shopco/cart:9": rpc error: code = Unknown desc = Error response from daemon: manifest for shopco/cart:9 not found\#n  Warning  Failed     12s (x3 over 50s)  kubelet, node-7  Error: ErrImagePull"#
        ),
        example(
            "old describe FirstSeen table", .imageNotFound, image: "shopco/cart:9",
            #"  FirstSeen\#tLastSeen\#tCount\#tFrom\#t\#t\#tSubObjectPath\#t\#tType\#t\#tReason\#t\#tMessage\#n  ---------\#t--------\#t-----\#t----\#t\#t\#t-------------\#t\#t--------\#t------\#t\#t-------\#n  2m\#t\#t2m\#t\#t1\#t{default-scheduler }\#t\#t\#t\#tNormal\#t\#tScheduled\#tSuccessfully assigned cart-1 to node-3\#n  2m\#t\#t20s\#t\#t4\#t{kubelet node-3}\#tspec.containers{cart}\#tNormal\#t\#tPulling\#t\#tpulling image "shopco/cart:9"\#n  2m\#t\#t19s\#t\#t4\#t{kubelet node-3}\#tspec.containers{cart}\#tWarning\#t\#tFailed\#t\#tFailed to pull image "shopco/cart:9": image shopco/cart not found\#n  2m\#t\#t19s\#t\#t4\#t{kubelet node-3}\#t\#t\#t\#tWarning\#t\#tFailedSync\#tError syncing pod, skipping: failed to "StartContainer" for "cart" with ErrImagePull: "image pull failed for shopco/cart:9, this may be because there are no credentials on this request.  details: (Error: image shopco/cart not found)""#
        ),
        example(
            "old kubelet no credentials auth", .auth,
            #"Failed to pull image "shopco/private:1": image pull failed for shopco/private:1, this may be because there are no credentials on this request.  details: (unauthorized: authentication required)"#
        ),
        example("old docker Status 403", .auth, #"Error: Status 403 trying to pull repository shopco/private: "{\"error\": \"Permission denied\"}""#),
        example(
            "oc describe internal registry manifest unknown", .imageNotFound, family: .selfHosted,
            image: "image-registry.openshift-image-registry.svc:5000/shop/cart:latest",
            #"Events:\#n  Type     Reason          Age                From               Message\#n  ----     ------          ----               ----               -------\#n  Normal   Scheduled       2m                 default-scheduler  Successfully assigned shop/cart-1-abcde to worker-2.ocp.shop.test\#n  Normal   AddedInterface  2m                 multus             Add eth0 [10.128.2.15/23] from openshift-sdn\#n  Normal   Pulling         50s (x4 over 2m)   kubelet            Pulling image "image-registry.openshift-image-registry.svc:5000/shop/cart:latest"\#n  Warning  Failed          50s (x4 over 2m)   kubelet            Failed to pull image "image-registry.openshift-image-registry.svc:5000/shop/cart:latest": rpc error: code = Unknown desc = reading manifest latest in image-registry.openshift-image-registry.svc:5000/shop/cart: manifest unknown: manifest unknown\#n  Warning  Failed          50s (x4 over 2m)   kubelet            Error: ErrImagePull\#n  Normal   BackOff         20s (x6 over 2m)   kubelet            Back-off pulling image "image-registry.openshift-image-registry.svc:5000/shop/cart:latest"\#n  Warning  Failed          20s (x6 over 2m)   kubelet            Error: ImagePullBackOff"#
        ),
        example(
            "oc internal registry unauthorized", .auth,
            #"Failed to pull image "image-registry.openshift-image-registry.svc:5000/shop/cart:latest": rpc error: code = Unknown desc = reading manifest latest in image-registry.openshift-image-registry.svc:5000/shop/cart: unauthorized: authentication required"#
        ),
        example(
            "crio source image rejected", .other,
            #"Failed to pull image "quay.shop.test/team/cart:1": rpc error: code = Unknown desc = Source image rejected: Running image docker://quay.shop.test/team/cart:1 is rejected by policy."#
        ),
        example(
            "crio short name enforcing", .invalidName,
            #"Failed to pull image "cart:1": rpc error: code = Unknown desc = short-name "cart:1" did not resolve to an alias and no unqualified-search registries are defined in "/etc/containers/registries.conf""#
        ),
        example("podman short-name tty", .invalidName, #"Error: short-name resolution enforced but cannot prompt without a TTY"#),
        example(
            "crio signature v2 sigstore", .other,
            #"Failed to pull image "quay.shop.test/team/cart:1": SignatureValidationFailed: image pull failed for quay.shop.test/team/cart:1 because the signature validation failed: Source image rejected: A signature was required, but no signature exists"#
        ),
        example(
            "k3s airgap sandbox", .network, image: "docker.io/rancher/mirrored-pause:3.6",
            #"Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image "docker.io/rancher/mirrored-pause:3.6": failed to pull image "docker.io/rancher/mirrored-pause:3.6": failed to pull and unpack image "docker.io/rancher/mirrored-pause:3.6": failed to resolve reference "docker.io/rancher/mirrored-pause:3.6": failed to do request: Head "https://registry-1.docker.io/v2/rancher/mirrored-pause/manifests/3.6": dial tcp 10.0.0.1:443: connect: network is unreachable"#
        ),
        example(
            "kind local latest not present", .auth, alt: .imageNotFound, image: "shop-cart:latest",
            #"Failed to pull image "shop-cart:latest": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/shop-cart:latest": failed to resolve reference "docker.io/library/shop-cart:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"#
        ),
        example(
            "microk8s ctr pull", .tls, image: "10.0.0.5:32000/shop/cart:1",
            #"$ microk8s ctr image pull 10.0.0.5:32000/shop/cart:1\#nctr: failed to resolve reference "10.0.0.5:32000/shop/cart:1": failed to do request: Head "https://10.0.0.5:32000/v2/shop/cart/manifests/1": http: server gave HTTP response to HTTPS client"#
        ),
        example(
            "minikube cache not found", .imageNotFound,
            #"E0301 10:11:12.123456   12345 cache.go:188] Error downloading kic artifacts:  failed to download kic base image or any fallback image\#n! The image 'shopco/cart:9' was not found; unable to add it to cache."#
        ),
        example(
            "windows hcs os mismatch", .platform,
            #"Error response from daemon: hcsshim::CreateComputeSystem 3f1c: The container operating system does not match the host operating system."#),
        example(
            "windows image os linux", .platform,
            #"Failed to pull image "shopco/cart:1": rpc error: code = Unknown desc = Error response from daemon: image operating system "linux" cannot be used on this platform"#
        ),
        example(
            "windows importlayer path", .runtime, family: .mcr,
            #"Failed to pull image "mcr.microsoft.com/windows/servercore:ltsc2022": rpc error: code = Unknown desc = failed to pull and unpack image "mcr.microsoft.com/windows/servercore:ltsc2022": failed to extract layer sha256:aa11: hcsshim::ImportLayer - failed failed in Win32: The system cannot find the path specified. (0x3): unknown"#
        ),
        example(
            "windows containerd no match", .platform,
            #"Failed to pull image "shopco/cart:1": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/shopco/cart:1": no match for platform in manifest: not found"#
        ),
        example(
            "windows system cannot find file", .runtime,
            #"Failed to pull image "mcr.microsoft.com/windows/nanoserver:ltsc2022": rpc error: code = Unknown desc = failed to pull and unpack image "mcr.microsoft.com/windows/nanoserver:ltsc2022": failed to prepare extraction snapshot "extract-1 sha256:aa11": hcsshim::PrepareLayer failed in Win32: The system cannot find the file specified. (0x2)"#
        ),
        example(
            "containerd 2 resolve image", .imageNotFound, image: "shopco/cart:9",
            #"Failed to pull image "shopco/cart:9": failed to pull and unpack image "docker.io/shopco/cart:9": failed to resolve image: docker.io/shopco/cart:9: not found"#
        ),
        example(
            "containerd 2 transfer 401", .auth, image: "reg.shop.test/cart:1",
            #"ctr: failed to resolve reference "reg.shop.test/cart:1": unexpected status from HEAD request to https://reg.shop.test/v2/cart/manifests/1: 401 Unauthorized"#
        ),
        example(
            "kubelet backoff embeds not found", .imageNotFound, image: "shopco/cart:9",
            #"  Normal   BackOff    3s (x4 over 1m)  kubelet  Back-off pulling image "shopco/cart:9": ErrImagePull: failed to pull and unpack image "docker.io/shopco/cart:9": failed to resolve reference "docker.io/shopco/cart:9": docker.io/shopco/cart:9: not found"#
        ),
        example(
            "kubelet backoff embeds 429", .rateLimit,
            #"  Normal   BackOff    3s (x4 over 1m)  kubelet  Back-off pulling image "shopco/cart:9": ErrImagePull: failed to pull and unpack image "docker.io/shopco/cart:9": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/shopco/cart/manifests/sha256:aa11: 429 Too Many Requests - Server message: toomanyrequests: You have reached your unauthenticated pull rate limit."#
        ),
        example(
            "kubelet backoff embeds invalid", .invalidName,
            #"  Normal   BackOff    3s (x4 over 1m)  kubelet  Back-off pulling image "shopco/Cart:9": InvalidImageName: couldn't parse image name "shopco/Cart:9": invalid reference format: repository name must be lowercase"#
        ),
        example(
            "kubelet 1.33 no rpc prefix", .tls,
            #"Failed to pull image "reg.shop.test/cart:1": failed to pull and unpack image "reg.shop.test/cart:1": failed to resolve reference "reg.shop.test/cart:1": failed to do request: Head "https://reg.shop.test/v2/cart/manifests/1": tls: failed to verify certificate: x509: certificate signed by unknown authority"#
        ),
        example(
            "get pods ErrImagePull", .other,
            #"NAME                    READY   STATUS         RESTARTS   AGE\#ncart-7d9f8b6c5d-x2x4z   0/1     ErrImagePull   0          12s"#),
        example(
            "get pods InvalidImageName", .invalidName,
            #"NAME                    READY   STATUS             RESTARTS   AGE\#ncart-7d9f8b6c5d-x2x4z   0/1     InvalidImageName   0          12s"#),
        example(
            "get pods ErrImageNeverPull", .neverPull,
            #"NAME                    READY   STATUS              RESTARTS   AGE\#ncart-7d9f8b6c5d-x2x4z   0/1     ErrImageNeverPull   0          12s"#),
        example(
            "get pods RegistryUnavailable", .network,
            #"NAME                    READY   STATUS                RESTARTS   AGE\#ncart-7d9f8b6c5d-x2x4z   0/1     RegistryUnavailable   0          12s"#),
        example(
            "get pods SignatureValidationFailed", .other,
            #"NAME                    READY   STATUS                      RESTARTS   AGE\#ncart-7d9f8b6c5d-x2x4z   0/1     SignatureValidationFailed   0          12s"#
        ),
        example(
            "get pods -A wide mix", .invalidName,
            #"NAMESPACE   NAME                    READY   STATUS             RESTARTS   AGE   IP           NODE\#nshop        cart-7d9f8b6c5d-x2x4z   0/1     InvalidImageName   0          12s   10.1.2.3     node-1"#
        ),
        example(
            "get pods Init:ErrImagePull", .other,
            #"NAME      READY   STATUS                  RESTARTS   AGE\#ncart-0    0/1     Init:ImagePullBackOff   0          3m"#),
    ]

    static let pasteNoise: [Case] = [
        example(
            "fenced describe", .imageNotFound, image: "reg.shop.test/team/cart:2",
            #"```\#n  Warning  Failed     8s (x2 over 30s)  kubelet            Failed to pull image "reg.shop.test/team/cart:2": rpc error: code = Unknown desc = failed to pull and unpack image "reg.shop.test/team/cart:2": failed to resolve reference "reg.shop.test/team/cart:2": reg.shop.test/team/cart:2: not found\#n  Warning  Failed     8s (x2 over 30s)  kubelet            Error: ErrImagePull\#n```"#
        ),
        example(
            "fenced with language", .imageNotFound, image: "reg.shop.test/team/cart:2",
            #"```console\#n$ kubectl describe pod cart-1\#n  Warning  Failed     8s  kubelet  Failed to pull image "reg.shop.test/team/cart:2": rpc error: code = Unknown desc = failed to pull and unpack image "reg.shop.test/team/cart:2": failed to resolve reference "reg.shop.test/team/cart:2": reg.shop.test/team/cart:2: not found\#n```"#
        ),
        example(
            "quoted paste", .imageNotFound, image: "reg.shop.test/team/cart:2",
            #">   Warning  Failed     8s (x2 over 30s)  kubelet            Failed to pull image "reg.shop.test/team/cart:2": rpc error: code = Unknown desc = failed to pull and unpack image "reg.shop.test/team/cart:2": failed to resolve reference "reg.shop.test/team/cart:2": reg.shop.test/team/cart:2: not found\#n>   Warning  Failed     8s (x2 over 30s)  kubelet            Error: ErrImagePull"#
        ),
        example(
            "nested quote", .imageNotFound, image: "reg.shop.test/team/cart:2",
            #"> > Failed to pull image "reg.shop.test/team/cart:2": rpc error: code = Unknown desc = failed to pull and unpack image "reg.shop.test/team/cart:2": failed to resolve reference "reg.shop.test/team/cart:2": reg.shop.test/team/cart:2: not found"#
        ),
        example(
            "prompt docker pull", .auth, image: "reg.shop.test/team/cart:2",
            #"$ docker pull reg.shop.test/team/cart:2\#nError response from daemon: Head "https://reg.shop.test/v2/team/cart/manifests/2": unauthorized: authentication required"#
        ),
        example(
            "root prompt", .auth, image: "reg.shop.test/team/cart:2",
            #"root@node-1:~# crictl pull reg.shop.test/team/cart:2\#nE0301 10:11:12.000000   4242 remote_image.go:180] "PullImage from image service failed" err="rpc error: code = Unknown desc = failed to pull and unpack image \"reg.shop.test/team/cart:2\": failed to resolve reference \"reg.shop.test/team/cart:2\": unexpected status from HEAD request to https://reg.shop.test/v2/team/cart/manifests/2: 401 Unauthorized" image="reg.shop.test/team/cart:2"\#nFATA[0000] pulling image: rpc error: code = Unknown desc = failed to pull and unpack image "reg.shop.test/team/cart:2": failed to resolve reference "reg.shop.test/team/cart:2": unexpected status from HEAD request to https://reg.shop.test/v2/team/cart/manifests/2: 401 Unauthorized"#
        ),
        example(
            "line numbers from log viewer", .network,
            #"1  Pulling image "reg.shop.test/team/cart:2"\#n2  Error: failed to pull reg.shop.test/team/cart:2\#n3  Error response from daemon: Get "https://reg.shop.test/v2/": dial tcp 10.9.9.9:443: connect: connection refused"#
        ),
        example(
            "gitlab ci job log numbers", .rateLimit,
            #"14 $ docker pull redis:7\#n15 Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit\#n16 ERROR: Job failed: exit code 1"#
        ),
        example(
            "github actions timestamps", .rateLimit, image: "redis:7",
            #"2024-05-01T10:11:12.1234567Z Unable to find image 'redis:7' locally\#n2024-05-01T10:11:13.2345678Z docker: Error response from daemon: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit.\#n2024-05-01T10:11:13.3456789Z See 'docker run --help'."#
        ),
        example(
            "iso timestamps event", .imageNotFound, image: "reg.shop.test/team/cart:2",
            #"2024-05-01T10:11:12.123Z Failed to pull image "reg.shop.test/team/cart:2": rpc error: code = Unknown desc = failed to pull and unpack image "reg.shop.test/team/cart:2": failed to resolve reference "reg.shop.test/team/cart:2": reg.shop.test/team/cart:2: not found"#
        ),
        example(
            "loki json lines", .tls,
            #"{"log":"E0501 10:11:12.000000    1234 pod_workers.go:1298] \"Error syncing pod, skipping\" err=\"failed to \\\"StartContainer\\\" for \\\"cart\\\" with ErrImagePull: \\\"rpc error: code = Unknown desc = failed to pull and unpack image \\\\\\\"reg.shop.test/team/cart:2\\\\\\\": failed to resolve reference \\\\\\\"reg.shop.test/team/cart:2\\\\\\\": failed to do request: Head \\\\\\\"https://reg.shop.test/v2/team/cart/manifests/2\\\\\\\": x509: certificate signed by unknown authority\\\"\" pod=\"shop/cart-1\"\n","stream":"stderr","time":"2024-05-01T10:11:12.000Z"}"#
        ),
        example(
            "docker json log simple", .network,
            #"{"log":"Error response from daemon: Get \"https://reg.shop.test/v2/\": dial tcp: lookup reg.shop.test on 10.0.0.2:53: no such host\n","stream":"stderr","time":"2024-05-01T10:11:12.000000000Z"}"#
        ),
        example(
            "kibana json message", .auth, image: "reg.shop.test/team/cart:2",
            #"{"@timestamp":"2024-05-01T10:11:12.000Z","kubernetes":{"pod":{"name":"cart-1"}},"message":"Failed to pull image \"reg.shop.test/team/cart:2\": rpc error: code = Unknown desc = failed to pull and unpack image \"reg.shop.test/team/cart:2\": failed to resolve reference \"reg.shop.test/team/cart:2\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"}"#
        ),
        example(
            "html entities quot", .imageNotFound, image: "reg.shop.test/team/cart:2",
            #"Failed to pull image &quot;reg.shop.test/team/cart:2&quot;: rpc error: code = NotFound desc = failed to pull and unpack image &quot;reg.shop.test/team/cart:2&quot;: failed to resolve reference &quot;reg.shop.test/team/cart:2&quot;: reg.shop.test/team/cart:2: not found"#
        ),
        example(
            "html entities numeric apostrophe", .auth, alt: .imageNotFound, image: "shopco/cart",
            #"Error response from daemon: pull access denied for shopco/cart, repository does not exist or may require &#39;docker login&#39;: denied: requested access to the resource is denied"#
        ),
        example(
            "html entities unable to find", .rateLimit, image: "shopco/cart:2",
            #"Unable to find image &#39;shopco/cart:2&#39; locally\#ndocker: Error response from daemon: toomanyrequests: You have reached your unauthenticated pull rate limit."#
        ),
        example(
            "html entity amp in url", .auth, image: "reg.shop.test/team/cart:2",
            #"failed to resolve reference &quot;reg.shop.test/team/cart:2&quot;: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://reg.shop.test/token?scope=repository%3Ateam%2Fcart%3Apull&amp;service=reg.shop.test: 401 Unauthorized"#
        ),
        example(
            "html entities lt gt", .imageNotFound,
            #"Error response from daemon: error parsing HTTP 404 response body: invalid character &#39;&lt;&#39; looking for beginning of value: &quot;&lt;html&gt;&lt;body&gt;Not Found&lt;/body&gt;&lt;/html&gt;&quot;"#
        ),
        example(
            "unicode quotes", .imageNotFound, image: "reg.shop.test/team/cart:2",
            #"Failed to pull image “reg.shop.test/team/cart:2”: rpc error: code = NotFound desc = failed to pull and unpack image “reg.shop.test/team/cart:2”: failed to resolve reference “reg.shop.test/team/cart:2”: reg.shop.test/team/cart:2: not found"#
        ),
        example(
            "escaped quotes in yaml message", .tls, image: "reg.shop.test/team/cart:2",
            #"    state:\#n      waiting:\#n        message: "Back-off pulling image \"reg.shop.test/team/cart:2\": ErrImagePull: failed to pull and unpack image \"reg.shop.test/team/cart:2\": failed to resolve reference \"reg.shop.test/team/cart:2\": failed to do request: Head \"https://reg.shop.test/v2/team/cart/manifests/2\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid"\#n        reason: ImagePullBackOff"#
        ),
        example(
            "wrapped event message", .imageNotFound, image: "reg.shop.test/team/cart:2",
            #"  Warning  Failed     8s (x2 over 30s)  kubelet            Failed to pull image "reg.shop.test/team/cart:2": rpc error: code = NotFound desc = failed to pull and\#n unpack image "reg.shop.test/team/cart:2": failed to resolve reference "reg.shop.test/team/cart:2": reg.shop.test/team/cart:2: not\#nfound"#
        ),
        example(
            "wrapped mid word manifest", .imageNotFound, image: "shopco/cart:9",
            #"Error response from daemon: manifest for shopco/cart:9 not found: manifest unkn\#nown: manifest unknown"#),
        example(
            "ps prompt windows", .platform, image: "shopco/cart:1",
            #"PS C:\> docker pull shopco/cart:1\#n1: Pulling from shopco/cart\#nno matching manifest for windows/amd64 10.0.20348 in the manifest list entries"#
        ),
        example(
            "nbsp and zero width", .auth, alt: .imageNotFound,
            #"Error\#u{A0}response from daemon: pull access denied for shopco/cart,\#u{200B} repository does not exist or may require 'docker login'"#),
        example(
            "journal with ansi colors", .network, image: "reg.shop.test/team/cart:2",
            #"\#u{1B}[0;1;31mMay 01 10:11:12 node-1 containerd[812]: time="2024-05-01T10:11:12.000000000Z" level=error msg="PullImage \"reg.shop.test/team/cart:2\" failed" error="failed to pull and unpack image \"reg.shop.test/team/cart:2\": failed to resolve reference \"reg.shop.test/team/cart:2\": failed to do request: Head \"https://reg.shop.test/v2/team/cart/manifests/2\": dial tcp 10.9.9.9:443: i/o timeout"\#u{1B}[0m"#
        ),
        example(
            "crlf lines", .imageNotFound, image: "shopco/cart:9",
            #"docker pull shopco/cart:9\#r\#nError response from daemon: manifest for shopco/cart:9 not found: manifest unknown: manifest unknown\#r\#n"#),
        example(
            "bullet list paste", .auth, image: "reg.shop.test/team/cart:2",
            #"- Failed to pull image "reg.shop.test/team/cart:2": rpc error: code = Unknown desc = failed to pull and unpack image "reg.shop.test/team/cart:2": failed to resolve reference "reg.shop.test/team/cart:2": unexpected status from HEAD request to https://reg.shop.test/v2/team/cart/manifests/2: 403 Forbidden"#
        ),
        example(
            "backtick inline code", .imageNotFound, image: "shopco/cart:9",
            #"I get `Error response from daemon: manifest for shopco/cart:9 not found: manifest unknown: manifest unknown` when pulling"#),
        example(
            "kubectl events table new", .disk, image: "reg.shop.test/team/cart:2",
            #"LAST SEEN   TYPE      REASON    OBJECT           MESSAGE\#n12s         Warning   Failed    pod/cart-1       Failed to pull image "reg.shop.test/team/cart:2": failed to pull and unpack image "reg.shop.test/team/cart:2": failed to extract layer sha256:aa11: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/77/fs/usr/lib/libx.so: no space left on device: unknown"#
        ),
    ]

    @Test(arguments: eras)
    func eraWording(_ example: Case) throws { try RegistryWordingTests.check(example) }

    @Test(arguments: pasteNoise)
    func noisyPaste(_ example: Case) throws { try RegistryWordingTests.check(example) }
}
