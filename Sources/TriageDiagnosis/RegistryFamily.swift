import TriageModel

/// The kind of registry an image is pulled from, derived from its host name.
public enum RegistryFamily: String, Codable, CaseIterable, Sendable {
    /// Docker Hub (`docker.io`, `registry-1.docker.io`).
    case dockerhub
    /// Amazon ECR private registries (`<account>.dkr.ecr.<region>.amazonaws.com`).
    case ecr
    /// Amazon ECR Public (`public.ecr.aws`).
    case ecrPublic = "ecr-public"
    /// Google Container Registry (`gcr.io`, `*.gcr.io`).
    case gcr
    /// Google Artifact Registry (`<region>-docker.pkg.dev`).
    case gar
    /// Azure Container Registry (`*.azurecr.io`).
    case acr
    /// GitHub Container Registry (`ghcr.io`, `docker.pkg.github.com`).
    case ghcr
    /// Red Hat Quay (`quay.io`).
    case quay
    /// The Kubernetes project registry (`registry.k8s.io`, `k8s.gcr.io`).
    case k8sRegistry = "k8s-registry"
    /// Microsoft Container Registry (`mcr.microsoft.com`).
    case mcr
    /// GitLab container registry (`registry.gitlab.com` or a host named gitlab).
    case gitlab
    /// NVIDIA NGC (`nvcr.io`).
    case nvcr
    /// IBM Cloud Container Registry (`icr.io`).
    case icr
    /// Alibaba Cloud Container Registry (`*.aliyuncs.com`).
    case aliyun
    /// Red Hat registries (`registry.redhat.io`, `registry.access.redhat.com`).
    case redhat
    /// The Fedora registry (`registry.fedoraproject.org`).
    case fedora
    /// A Harbor instance (host name contains "harbor").
    case harbor
    /// JFrog Artifactory (`*.jfrog.io` or a host named artifactory).
    case artifactory
    /// Sonatype Nexus (host name contains "nexus").
    case nexus
    /// Any other registry, including `localhost` and private hosts.
    case selfHosted = "self-hosted"
    /// No registry host could be determined.
    case unknown

    /// Classifies a registry host (with or without port) into a family.
    public init(host: String) {
        let lower = host.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? host.lowercased() : host
        let name = lower.split(separator: ":", maxSplits: 1).first.map(String.init) ?? lower
        self = Self.family(ofHostName: name)
    }

    /// The AWS region of an ECR host (`ACCOUNT.dkr.ecr.REGION.amazonaws.com`, also `.com.cn`), or `nil`.
    public static func ecrRegion(ofHost host: String) -> String? {
        let name = host.lowercased().split(separator: ":", maxSplits: 1).first ?? ""
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 6, labels[1] == "dkr", labels[2] == "ecr", labels[4] == "amazonaws",
            !labels[3].isEmpty, labels[3].utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
        else { return nil }
        return String(labels[3])
    }

    private static func family(ofHostName name: String) -> RegistryFamily {
        if ImageReference.isDockerHub(name) { return .dockerhub }
        switch name {
        case "": return .unknown
        case "public.ecr.aws": return .ecrPublic
        case "registry.k8s.io", "k8s.gcr.io": return .k8sRegistry
        case "ghcr.io", "docker.pkg.github.com": return .ghcr
        case "quay.io": return .quay
        case "mcr.microsoft.com": return .mcr
        case "registry.gitlab.com": return .gitlab
        case "nvcr.io": return .nvcr
        case "registry.fedoraproject.org": return .fedora
        case "registry.redhat.io", "registry.access.redhat.com": return .redhat
        default: break
        }
        if ByteSearch.contains(name, ".dkr.ecr.") { return .ecr }
        for (suffix, family) in suffixes where name.hasSuffix(suffix) { return family }
        for (infix, family) in infixes where ByteSearch.contains(name, infix) { return family }
        return .selfHosted
    }

    private static let suffixes: [(String, RegistryFamily)] = [
        (".registry.k8s.io", .k8sRegistry), ("gcr.io", .gcr), ("-docker.pkg.dev", .gar),
        (".azurecr.io", .acr), (".azurecr.cn", .acr), (".azurecr.us", .acr), ("icr.io", .icr),
        (".aliyuncs.com", .aliyun), (".jfrog.io", .artifactory), ("quay.io", .quay),
    ]

    private static let infixes: [(String, RegistryFamily)] = [
        ("harbor", .harbor), ("artifactory", .artifactory), ("nexus", .nexus), ("gitlab", .gitlab),
    ]
}
