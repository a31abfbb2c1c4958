/// The container runtime (and era) whose wording appears in the text.
public enum ContainerRuntime: String, Codable, CaseIterable, Sendable {
    /// Kubernetes with Docker Engine through dockershim (Kubernetes 1.23 and older) or cri-dockerd.
    case dockershim
    /// Docker Engine used directly (`docker pull`, compose, buildx).
    case docker
    /// containerd, through the kubelet, `crictl`, `ctr`, `nerdctl` or k3s.
    case containerd
    /// CRI-O (OpenShift and other CRI-O clusters).
    case crio = "cri-o"
    /// Podman, Buildah, Skopeo and other containers/image tools.
    case podman
    /// No runtime-specific wording seen.
    case unknown
}

/// Phrases that reveal which runtime produced a message.
enum RuntimeMarkers {
    /// Marker families, tested in this order of precedence when several appear.
    enum Family: Int, CaseIterable, Sendable {
        case podmanCLI, docker, containerd, containersImage, kubernetes
    }

    static let phrases: [(String, Family)] = [
        ("podman", .podmanCLI), ("buildah", .podmanCLI), ("skopeo", .podmanCLI), ("getting image source signatures", .podmanCLI),
        ("copying blob", .podmanCLI), ("writing manifest to image destination", .podmanCLI), ("storing signatures", .podmanCLI),
        ("unqualified-search registries", .podmanCLI), ("trying to pull registry", .podmanCLI), ("trying to pull docker.io", .podmanCLI),
        ("trying to pull quay.io", .podmanCLI),
        ("error response from daemon", .docker), ("docker-pullable://", .docker), ("dockershim", .docker), ("pulling fs layer", .docker),
        ("pull complete", .docker), (": pulling from ", .docker), ("failed to register layer", .docker), ("applylayer", .docker),
        ("docker pull", .docker), ("docker run", .docker), ("dockerd", .docker), ("unable to find image", .docker),
        ("getimageblob", .docker), ("error pulling image configuration", .docker), ("error downloading dependent layers", .docker),
        ("filesystem layer verification failed", .docker), ("docker: ", .docker), ("cri-dockerd", .docker), ("docker compose", .docker),
        ("docker-compose", .docker), ("trying to pull repository", .docker),
        ("failed to pull and unpack image", .containerd), ("failed to resolve reference", .containerd), ("containerd", .containerd),
        ("ctr: ", .containerd), ("httpreadseeker", .containerd), ("failed commit on ref", .containerd), ("snapshotter", .containerd),
        ("trying next host", .containerd), ("failed to do request", .containerd), ("nerdctl", .containerd), ("failed to extract layer", .containerd),
        ("failed to prepare extraction snapshot", .containerd), ("k3s ctr", .containerd), ("failed to resolve image", .containerd),
        ("initializing source docker://", .containersImage), ("reading manifest", .containersImage), ("choosing image instance", .containersImage),
        ("crio", .containersImage), ("cri-o", .containersImage), ("pinging container registry", .containersImage),
        ("pinging docker registry", .containersImage), ("writing blob", .containersImage), ("storing blob", .containersImage),
        ("source image rejected", .containersImage), ("signaturevalidationfailed", .containersImage), ("unknown transport", .containersImage),
        ("kubelet", .kubernetes), ("rpc error", .kubernetes), ("crictl", .kubernetes), ("kubenswrapper", .kubernetes),
        ("errimagepull", .kubernetes), ("imagepullbackoff", .kubernetes), ("failed to pull image", .kubernetes), ("kubeadm", .kubernetes),
        ("pullimage", .kubernetes),
    ]

    /// The runtime implied by a set of marker families seen together.
    static func runtime(for seen: Set<Family>) -> ContainerRuntime {
        if seen.contains(.podmanCLI) { return .podman }
        if seen.contains(.docker) { return seen.contains(.kubernetes) ? .dockershim : .docker }
        if seen.contains(.containerd) { return .containerd }
        if seen.contains(.containersImage) { return seen.contains(.kubernetes) ? .crio : .podman }
        return .unknown
    }
}
