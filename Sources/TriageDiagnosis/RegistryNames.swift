/// Names a fix needs that a registry's host already holds: the address its API answers on, the
/// ECR region, the Azure registry's name.
extension RegistryInfo {
    /// The host name without a port; Docker Hub's names become the host its API answers on.
    public var apiHostName: String {
        let name = host.split(separator: ":", maxSplits: 1).first.map(String.init) ?? host
        return family == .dockerhub ? "registry-1.docker.io" : name
    }

    /// `host:port` of the registry's API, port 443 when the reference names none.
    public var apiAddress: String {
        let parts = host.split(separator: ":", maxSplits: 1)
        return apiHostName + ":" + (parts.count == 2 && family != .dockerhub ? String(parts[1]) : "443")
    }

    /// The AWS region of a private ECR registry (`ACCOUNT.dkr.ecr.REGION.amazonaws.com`).
    public var ecrRegion: String? {
        family == .ecr ? RegistryFamily.ecrRegion(ofHost: host) : nil
    }

    /// The registry's name in Azure (`myacr` of `myacr.azurecr.io`), as `az acr` commands take it.
    public var azureRegistryName: String? {
        guard family == .acr, let name = apiHostName.split(separator: ".").first, !name.isEmpty else { return nil }
        return String(name)
    }
}

extension ContainerRuntime {
    /// The systemd unit of the runtime on a node; containerd when the wording did not tell.
    public var serviceName: String {
        switch self {
        case .docker, .dockershim: "docker"
        case .crio: "crio"
        case .podman: "podman"
        case .containerd, .unknown: "containerd"
        }
    }
}
