/// The explanation and next steps of a finding: given as text, or derived from the cause and the
/// finding's names each time they are read (most findings of a large input are never printed).
enum FindingAdvice: Sendable {
    case text(explanation: String, fix: [String])
    case derived(cause: PullFailureCause, meaning: String, subject: Advice.Subject)

    var explanation: String {
        switch self {
        case .text(let explanation, _): explanation
        case .derived(let cause, let meaning, let subject): Advice.explanation(cause: cause, meaning: meaning, subject: subject)
        }
    }

    var fix: [String] {
        switch self {
        case .text(_, let fix): fix
        case .derived(let cause, _, let subject): Advice.fix(for: cause, subject: subject)
        }
    }
}

/// Plain-language explanations, next steps and "how to tell" notes for each cause,
/// specialised by registry family and runtime, with the finding's names filled in.
enum Advice {
    /// The names a piece of advice is written for.
    struct Subject: Sendable {
        let image: ImageInfo?
        let registry: RegistryInfo?
        let runtime: ContainerRuntime
        let pod: String?
        let namespace: String?
        /// The failing container, when the input names it.
        let container: String?
        /// The workload that declares the pod (`deployment/web`), when the input shows it.
        let workload: String?
        let node: String?

        var imageText: String { image?.normalized ?? image?.original ?? "<image>" }
        var host: String { registry?.host ?? "<registry>" }
        var family: RegistryFamily { registry?.family ?? .unknown }
        var podText: String { pod ?? "<pod>" }
        var namespaceFlag: String { namespace.map { " -n \($0)" } ?? "" }
        var nodeText: String { node ?? "<node>" }
        var repository: String { image?.repository ?? "<repository>" }
        var containerText: String { container ?? "<container>" }
        /// The AWS region of an ECR registry (`ACCOUNT.dkr.ecr.REGION.amazonaws.com`).
        var region: String { registry.flatMap { RegistryFamily.ecrRegion(ofHost: $0.host) } ?? "<region>" }
        /// Where the pod's spec is declared, in words.
        var workloadText: String {
            workload ?? "the workload that owns pod \(podText) (see Controlled By in kubectl describe pod \(podText)\(namespaceFlag))"
        }
        /// The image the fix should roll out: the suggested spelling, or the repository with a tag to choose.
        var replacementImage: String {
            if let suggestion = image?.suggestion, suggestion != image?.normalized { return suggestion }
            guard let repository = image?.repository else { return "<image>" }
            return (registry.map { $0.host + "/" } ?? "") + repository + ":<an existing tag>"
        }
    }

    static func explanation(cause: PullFailureCause, meaning: String, subject: Subject) -> String {
        var parts = [meaning]
        if let image = subject.image {
            if let problem = image.problem { parts.append("The reference \"\(image.original)\" is invalid: \(problem).") }
            if let suggestion = image.suggestion, suggestion != image.normalized { parts.append("Did you mean \"\(suggestion)\"?") }
        }
        if cause == .rateLimit, subject.family == .dockerhub {
            parts.append("Docker Hub limits anonymous pulls per source IP; every node behind one NAT address shares that quota.")
        }
        if subject.runtime == .dockershim {
            parts.append("The wording is Docker Engine's (dockershim, Kubernetes 1.23 or older, or cri-dockerd).")
        }
        return parts.joined(separator: " ")
    }

    static func fix(for cause: PullFailureCause, subject s: Subject) -> [String] {
        let describe = "kubectl describe pod \(s.podText)\(s.namespaceFlag)"
        let specImage = "kubectl get pod \(s.podText)\(s.namespaceFlag) -o jsonpath='{.spec.containers[*].image}'"
        switch cause {
        case .imageNotFound:
            return [
                "Check the exact image in the pod spec: \(specImage)",
                "List the tags that exist: \(listTags(s))",
                setImage(s),
            ]
        case .auth:
            return authSteps(s) + [
                "Check the pod's pull secrets: kubectl get pod \(s.podText)\(s.namespaceFlag) -o jsonpath='{.spec.imagePullSecrets}'",
                "Test the credentials from a workstation: docker login \(s.host) (it reads the password without echo), then docker pull \(s.imageText)",
            ]
        case .invalidName:
            return [
                "Show the image as written in the spec: \(specImage)",
                "Fix the reference (lowercase repository, one ':tag', optional '@sha256:<64 hex>', no spaces or template placeholders) in the manifest or Helm values, then re-apply.",
                "Validate it before deploying: skopeo inspect docker://\(s.image?.suggestion ?? s.imageText)",
            ]
        case .network:
            return [
                "From the node, test the registry: curl -sv https://\(registryAPIHost(s))/v2/ (expect 200 or 401)",
                "Check DNS on the node: nslookup \(registryAPIHost(s)); kubectl debug node/\(s.nodeText) -it --image=busybox -- nslookup \(registryAPIHost(s))",
                "If a proxy is required, set HTTP_PROXY/HTTPS_PROXY/NO_PROXY for the runtime: systemctl edit \(runtimeService(s)) (Environment=...), then systemctl restart \(runtimeService(s))",
                "Allow egress on 443 to the registry and its blob storage (\(blobHosts(s))), or use a reachable mirror.",
            ]
        case .tls:
            return [
                "Inspect the certificate the node sees: openssl s_client -connect \(portedHost(s)) -servername \(bareHost(s)) -showcerts </dev/null",
                "Trust the registry CA on every node: \(caLocation(s))",
                "If the registry serves plain HTTP on purpose, declare it insecure for the runtime (\(insecureHint(s))); otherwise serve HTTPS.",
                "Check the node clock for 'expired or not yet valid': timedatectl status",
            ]
        case .rateLimit:
            return rateLimitSteps(s)
        case .platform:
            return [
                "Check the node's platform: kubectl get node \(s.nodeText) -o jsonpath='{.status.nodeInfo.operatingSystem}/{.status.nodeInfo.architecture}'",
                "List the platforms the image provides: docker manifest inspect \(s.imageText) (or skopeo inspect --raw docker://\(s.imageText) | jq '.manifests[].platform')",
                "Build and push a multi-arch image (docker buildx build --platform linux/amd64,linux/arm64 --push ...) or pin the pod to matching nodes with nodeSelector kubernetes.io/arch.",
            ]
        case .disk:
            return [
                "Check free space where images are stored: df -h /var/lib/containerd /var/lib/docker /var/lib/containers; df -i",
                "Remove unused images on the node: crictl rmi --prune (or docker system prune -a)",
                "Check for DiskPressure: kubectl describe node \(s.nodeText) | grep -i pressure; tune imageGCHighThresholdPercent or enlarge the disk.",
            ]
        case .runtime:
            return [
                "Check the runtime's health and logs on the node: systemctl status \(runtimeService(s)); journalctl -u \(runtimeService(s)) --since '-1h'",
                "Check the CRI endpoint and image service: crictl info; crictl pull \(s.imageText)",
                "For 'CRI v1 image API is not implemented' enable the CRI plugin (remove \"cri\" from disabled_plugins in /etc/containerd/config.toml) or upgrade containerd to 1.6+, then restart it.",
                "For layer/commit/verification errors remove the partial image and retry: crictl rmi \(s.imageText) (or ctr -n k8s.io content prune references); for lchown errors check /etc/subuid and /etc/subgid ranges.",
            ]
        case .neverPull:
            return [
                "Load the image onto \(s.node.map { "node " + $0 } ?? "the node"): kind load docker-image \(s.imageText) (kind), minikube image load \(s.imageText) (minikube), or ctr -n k8s.io images import on the node",
                neverPullPolicy(s),
            ]
        case .other:
            return [
                "Look for the underlying error in the events: kubectl get events\(s.namespaceFlag) --field-selector involvedObject.name=\(s.podText); \(describe)",
                "Reproduce on the node to see the registry's answer: crictl pull \(s.imageText)",
                "For signature rejections check /etc/containers/policy.json on the node.",
            ]
        }
    }

    static func howToTell(_ primary: PullFailureCause, _ alternative: PullFailureCause, subject s: Subject) -> String {
        switch (primary, alternative) {
        case (.auth, .imageNotFound), (.imageNotFound, .auth):
            "The registry gives the same answer for a missing repository and a private one. Check that \(s.repository) and its tag exist (\(listTags(s))); if they do, it is credentials, if not, it is the name."
        case (.network, .auth):
            "The failure happened while fetching a token. If the token URL times out or cannot be resolved from the node (curl -sv the auth URL), it is network; if it answers 401/403, it is credentials."
        case (.runtime, .network):
            "An early EOF is either a dropped connection or a local unpack problem. If a retry (crictl pull \(s.imageText)) succeeds or other large pulls also stall, it is network; if it fails at the same layer every time, it is the runtime/storage."
        case (.network, .runtime):
            "Connection errors point at the network; if pulls keep failing after connectivity is confirmed, look at the runtime's logs."
        case (.runtime, .imageNotFound):
            "A 'not found' for a local snapshot is the runtime's store, not the registry: if crictl pull works after crictl rmi and a runtime restart, it was the store."
        case (.runtime, .disk):
            "I/O errors can come from a full or failing disk: check df -h and dmesg on the node."
        case (.imageNotFound, .other):
            "The message does not show the registry's full answer; if skopeo inspect docker://\(s.imageText) finds the image, the cause lies elsewhere."
        case (.rateLimit, .other):
            "A kubelet-side QPS limit is local throttling, not the registry's: raise registryPullQPS/registryBurst if many pods start at once."
        case (.other, .network):
            "Gateway and proxy errors (502/503/504, 400 from a mirror) can come from a proxy or mirror in the path: retry against the registry directly."
        case (.other, .auth):
            "The status code is not shown; run crictl pull \(s.imageText) on the node to see whether it is 401/403 (credentials) or another error."
        case (.other, .runtime):
            "A broken policy or runtime configuration refuses every pull; if other images also fail on this node, fix the node's configuration."
        case (.invalidName, _), (_, .invalidName):
            "If the reference parses with skopeo inspect docker://\(s.imageText), the name is fine and the runtime is at fault."
        case (.tls, .network):
            "An HTTP answer to an HTTPS request can come from a proxy: compare curl -v http:// and https:// to the registry from the node."
        default:
            "Reproduce the pull on the node (crictl pull \(s.imageText)) and compare the error with both causes."
        }
    }

    /// The rollout of a corrected image to the workload that declares it.
    private static func setImage(_ s: Subject) -> String {
        let change = "\(s.containerText)=\(s.replacementImage)\(s.namespaceFlag)"
        guard let workload = s.workload else {
            return "Fix the tag/repository (or push the image) in \(s.workloadText), then roll out: kubectl set image KIND/NAME \(change)"
        }
        return "Fix the tag/repository (or push the image), then roll out: kubectl set image \(workload) \(change)"
    }

    /// Switching the container's pull policy to `IfNotPresent` in the workload (a pod's own pull
    /// policy cannot be changed).
    private static func neverPullPolicy(_ s: Subject) -> String {
        guard let workload = s.workload, !workload.hasPrefix("pod/") else {
            return "Or let the kubelet pull it: set imagePullPolicy: IfNotPresent on container \(s.containerText) in \(s.workloadText)."
        }
        let patch = #"{"spec":{"template":{"spec":{"containers":[{"name":"\#(s.containerText)","imagePullPolicy":"IfNotPresent"}]}}}}"#
        return "Or let the kubelet pull it: kubectl patch \(workload)\(s.namespaceFlag) -p '\(patch)'"
    }

    // MARK: Family-specific pieces

    private static func listTags(_ s: Subject) -> String {
        switch s.family {
        case .ecr: "aws ecr describe-images --repository-name \(s.repository) --region \(s.region)"
        case .gar: "gcloud artifacts docker tags list \(s.host)/\(s.repository)"
        case .gcr: "gcloud container images list-tags \(s.host)/\(s.repository)"
        case .acr: "az acr repository show-tags --name \(s.host.split(separator: ".").first.map(String.init) ?? "<registry>") --repository \(s.repository)"
        default: "skopeo list-tags docker://\(s.host)/\(s.repository)"
        }
    }

    private static func authSteps(_ s: Subject) -> [String] {
        switch s.family {
        case .ecr:
            [
                "Give the node IAM role ECR read access (policy AmazonEC2ContainerRegistryReadOnly) or configure the kubelet ecr-credential-provider.",
                "Test a login from the node: aws ecr get-login-password --region \(s.region) | docker login --username AWS --password-stdin \(s.host)",
                "ECR tokens expire after 12 hours: a pull secret made from one stops working; use the credential provider instead.",
            ]
        case .ecrPublic:
            ["Authenticate to ECR Public: aws ecr-public get-login-password --region us-east-1 | docker login --username AWS --password-stdin public.ecr.aws"]
        case .gcr, .gar:
            [
                "Grant the node service account roles/artifactregistry.reader on the repository's project.",
                "Test from a workstation: gcloud auth configure-docker \(s.host) && docker pull \(s.imageText)",
            ]
        case .acr:
            [
                "Attach the registry to the cluster: az aks update -n <cluster> -g <resource-group> --attach-acr \(s.host.split(separator: ".").first.map(String.init) ?? "<registry>")",
                "Check from the cluster: az aks check-acr -n <cluster> -g <resource-group> --acr \(s.host)",
            ]
        case .ghcr:
            [
                "Log in with a token that has read:packages (docker login ghcr.io reads it without echo, or --password-stdin), then create the pull secret from that config: \(secretFromConfig("ghcr", s))",
                "Or make the package public in its GitHub package settings.",
            ]
        case .dockerhub:
            [
                "Check the repository exists and is spelled right: https://hub.docker.com/r/\(s.repository.hasPrefix("library/") ? "_/" + s.repository.dropFirst(8) : s.repository)",
                "For a private repository, docker login (it reads the password without echo), then create the pull secret from that config: \(secretFromConfig("regcred", s))",
            ]
        default:
            [
                "docker login \(s.host) (it reads the password without echo), then create the pull secret from that config: \(secretFromConfig("regcred", s))",
                "Reference it from the pod (spec.imagePullSecrets) or the service account: kubectl patch serviceaccount default\(s.namespaceFlag) -p '{\"imagePullSecrets\":[{\"name\":\"regcred\"}]}'",
            ]
        }
    }

    /// A pull secret built from the docker config `docker login` wrote, so no password ever
    /// appears on a command line (where it would land in shell history).
    private static func secretFromConfig(_ name: String, _ s: Subject) -> String {
        "kubectl create secret docker-registry \(name) --from-file=.dockerconfigjson=$HOME/.docker/config.json\(s.namespaceFlag)"
    }

    private static func rateLimitSteps(_ s: Subject) -> [String] {
        switch s.family {
        case .dockerhub:
            [
                "Authenticate pulls (higher limit): docker login with an access token (read without echo), create the pull secret from that config: \(secretFromConfig("dockerhub", s)), and add it to imagePullSecrets",
                "Check the remaining quota: TOKEN=$(curl -s 'https://auth.docker.io/token?service=registry.docker.io&scope=repository:ratelimitpreview/test:pull' | jq -r .token); curl -sI -H \"Authorization: Bearer $TOKEN\" https://registry-1.docker.io/v2/ratelimitpreview/test/manifests/latest | grep -i ratelimit",
                "Use a pull-through mirror (e.g. mirror.gcr.io via /etc/containerd/certs.d/docker.io/hosts.toml) and imagePullPolicy: IfNotPresent.",
            ]
        case .ecrPublic:
            [
                "Authenticate to ECR Public for a higher limit: aws ecr-public get-login-password --region us-east-1 | docker login --username AWS --password-stdin public.ecr.aws",
                "Or replicate the image into a private ECR repository with pull-through cache.",
            ]
        default:
            [
                "Authenticate pulls or reduce them: imagePullPolicy: IfNotPresent, fewer simultaneous rollouts, a pull-through cache in front of \(s.host).",
                "If the message is 'pull QPS exceeded', raise registryPullQPS/registryBurst in the KubeletConfiguration of \(s.nodeText).",
            ]
        }
    }

    private static func bareHost(_ s: Subject) -> String {
        String(registryAPIHost(s).split(separator: ":").first ?? "<registry>")
    }

    private static func portedHost(_ s: Subject) -> String {
        let host = registryAPIHost(s)
        return host.contains(":") ? host : host + ":443"
    }

    private static func registryAPIHost(_ s: Subject) -> String {
        s.host == "docker.io" ? "registry-1.docker.io" : s.host
    }

    private static func blobHosts(_ s: Subject) -> String {
        switch s.family {
        case .dockerhub: "registry-1.docker.io, auth.docker.io, production.cloudflare.docker.com"
        case .ecr: "the ECR endpoint and prod-\(s.region)-starport-layer-bucket.s3.\(s.region).amazonaws.com"
        case .gcr, .gar, .k8sRegistry: "\(s.host) and storage.googleapis.com / *.pkg.dev"
        case .quay: "quay.io and cdn*.quay.io"
        case .ghcr: "ghcr.io and pkg-containers.githubusercontent.com"
        default: s.host
        }
    }

    private static func runtimeService(_ s: Subject) -> String {
        s.runtime.serviceName
    }

    private static func caLocation(_ s: Subject) -> String {
        switch s.runtime {
        case .docker, .dockershim: "copy the CA to /etc/docker/certs.d/\(s.host)/ca.crt"
        case .crio, .podman: "copy the CA to /etc/containers/certs.d/\(s.host)/ca.crt"
        case .containerd, .unknown:
            "add ca = \"/etc/containerd/certs.d/\(s.host)/ca.crt\" to /etc/containerd/certs.d/\(s.host)/hosts.toml (or install it in the system trust store and restart containerd)"
        }
    }

    private static func insecureHint(_ s: Subject) -> String {
        switch s.runtime {
        case .docker, .dockershim: "\"insecure-registries\": [\"\(s.host)\"] in /etc/docker/daemon.json"
        case .crio, .podman: "[[registry]] location=\"\(s.host)\" insecure=true in /etc/containers/registries.conf"
        case .containerd, .unknown: "server = \"http://\(s.host)\" in /etc/containerd/certs.d/\(s.host)/hosts.toml"
        }
    }
}
