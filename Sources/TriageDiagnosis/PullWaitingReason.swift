/// The waiting reasons the kubelet gives a container whose image it cannot pull (its image
/// manager's errors): the one list Triage's parsers, pod picker and scan share.
public enum PullWaitingReason: String, Codable, CaseIterable, Sendable {
    /// The last pull attempt failed.
    case errImagePull = "ErrImagePull"
    /// The kubelet is waiting before it tries the pull again.
    case imagePullBackOff = "ImagePullBackOff"
    /// The image reference does not parse.
    case invalidImageName = "InvalidImageName"
    /// The pull policy is `Never` and the image is not on the node.
    case errImageNeverPull = "ErrImageNeverPull"
    /// The runtime could not inspect the image it has (a runtime or disk fault).
    case imageInspectError = "ImageInspectError"
    /// The registry could not be reached (older kubelets).
    case registryUnavailable = "RegistryUnavailable"

    /// Every reason as the kubelet spells it.
    public static let names: Set<String> = Set(allCases.map(\.rawValue))
}
