import TriageModel

/// The shape of the pasted text, as detected.
public enum InputKind: String, Codable, CaseIterable, Sendable {
    /// `kubectl describe pod` / `oc describe pod` (current or FirstSeen/LastSeen layout).
    case describe
    /// `kubectl get events` table (plain, `-A` or `-o wide`).
    case getEvents = "get-events"
    /// `kubectl get events -o json`.
    case eventsJSON = "events-json"
    /// `kubectl get events -o yaml`.
    case eventsYAML = "events-yaml"
    /// `kubectl get pod -o json` (or a status fragment).
    case podJSON = "pod-json"
    /// `kubectl get pod -o yaml` (or a status fragment).
    case podYAML = "pod-yaml"
    /// `kubectl get pods` rows.
    case getPods = "get-pods"
    /// One or more bare event messages (`Failed to pull image …`).
    case eventMessage = "event-message"
    /// kubelet journal or klog lines.
    case kubeletLog = "kubelet-log"
    /// containerd daemon log lines.
    case containerdLog = "containerd-log"
    /// CRI-O daemon log lines.
    case crioLog = "crio-log"
    /// `docker pull` / `docker run` output.
    case dockerPull = "docker-pull"
    /// `podman pull` (or buildah/skopeo) output.
    case podmanPull = "podman-pull"
    /// `crictl pull` output.
    case crictlPull = "crictl-pull"
    /// `ctr image pull` output.
    case ctrPull = "ctr-pull"
    /// `kubeadm config images pull` / preflight output.
    case kubeadmPull = "kubeadm-pull"
    /// Anything else (CI logs, tool wrappers, free text).
    case text
}

/// Where in the input a finding was read.
public struct Evidence: Codable, Sendable, Equatable {
    /// 1-based line number in the input.
    public let line: Int
    /// The input line as given (without its line terminator); for a line of over 4 KiB (JSON
    /// printed on one line), the JSON string on it that holds the evidence, as given.
    public let text: String
    /// 0-based offset, in Unicode scalars of ``text``, where the matched words start.
    public let start: Int
    /// 0-based offset, in Unicode scalars of ``text``, just past the matched words.
    public let end: Int
    /// The matched words themselves.
    public let match: String
    /// When the words are inside a JSON string (JSON input): that string as the JSON reader
    /// decodes it, which is what a person reads (`"nginx:1.2"`, not `\"nginx:1.2\"`).
    public let quote: String?

    /// Creates evidence for a matched span of a line.
    public init(line: Int, text: String, start: Int, end: Int, match: String, quote: String? = nil) {
        self.line = line
        self.text = text
        self.start = start
        self.end = end
        self.match = match
        self.quote = quote
    }
}

/// Another cause the same text can mean, and how to tell the two apart.
public struct Alternative: Codable, Sendable, Equatable {
    /// The other possible cause.
    public let cause: PullFailureCause
    /// What to check to decide between the primary cause and this one.
    public let howToTell: String

    enum CodingKeys: String, CodingKey {
        case cause
        case howToTell = "how_to_tell"
    }

    /// Creates an alternative.
    public init(cause: PullFailureCause, howToTell: String) {
        self.cause = cause
        self.howToTell = howToTell
    }
}

/// The image a finding is about, as written and as normalised.
public struct ImageInfo: Codable, Sendable, Equatable {
    /// The reference as it appeared in the text.
    public let original: String
    /// The normalised reference (`docker.io/library/nginx:latest`), or `nil` when it does not parse.
    public let normalized: String?
    /// Repository path inside the registry (`library/nginx`), when it parses.
    public let repository: String?
    /// The tag written in the reference.
    public let tag: String?
    /// The digest written in the reference.
    public let digest: String?
    /// Why the reference is invalid, when it does not parse.
    public let problem: String?
    /// What was probably meant (repaired spelling or a well-known image name), if anything.
    public let suggestion: String?

    /// Reads `text` as an image reference.
    public init(_ text: String) {
        self.init(text, parsed: Result(catching: { () throws(ImageReferenceError) in try ImageReference.parse(text) }))
    }

    /// Describes `text` from the outcome of parsing it; `normalized` is the reference's
    /// description when the caller has it already.
    init(_ text: String, parsed: Result<ImageReference, ImageReferenceError>, normalized known: String? = nil) {
        original = text
        switch parsed {
        case .success(let reference):
            normalized = known ?? reference.description
            repository = reference.repository
            tag = reference.tag
            digest = reference.digest
            problem = nil
            suggestion = ImageSuggester.typoCorrection(for: reference)
        case .failure(let error):
            normalized = nil
            repository = nil
            tag = nil
            digest = nil
            problem = error.errorDescription
            suggestion = ImageReference.suggestion(for: text)
        }
    }

    enum CodingKeys: String, CodingKey {
        case original, normalized, repository, tag, digest, problem, suggestion
    }

    /// Encodes every key, with `null` for absent values, so the JSON shape is stable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(original, forKey: .original)
        try container.encode(normalized, forKey: .normalized)
        try container.encode(repository, forKey: .repository)
        try container.encode(tag, forKey: .tag)
        try container.encode(digest, forKey: .digest)
        try container.encode(problem, forKey: .problem)
        try container.encode(suggestion, forKey: .suggestion)
    }
}

/// The registry an image comes from.
public struct RegistryInfo: Codable, Sendable, Equatable {
    /// Host and optional port (`docker.io`, `myacr.azurecr.io`, `localhost:5000`).
    public let host: String
    /// The registry family derived from the host.
    public let family: RegistryFamily

    /// Creates registry information for a host.
    public init(host: String) {
        self.host = host
        family = RegistryFamily(host: host)
    }
}

/// One failing container (or image, when the container is not known) and why its pull failed.
public struct Finding: Codable, Sendable, Equatable {
    /// The cause of the failure.
    public let cause: PullFailureCause
    /// Other causes the evidence is consistent with, and how to tell them apart.
    public let alternatives: [Alternative]
    /// The line that shows the cause.
    public let evidence: Evidence
    /// How many failure messages in the input belong to this finding.
    public let occurrences: Int
    /// The image, when the text names it.
    public let image: ImageInfo?
    /// The registry the image is pulled from, when known.
    public let registry: RegistryInfo?
    /// The container runtime whose wording was seen.
    public let runtime: ContainerRuntime
    /// Pod name, when shown.
    public let pod: String?
    /// Namespace, when shown.
    public let namespace: String?
    /// Container name, when shown.
    public let container: String?
    /// Node name, when shown.
    public let node: String?
    /// What happened, in plain language.
    public var explanation: String { advice.explanation }
    /// Next steps, most useful first; shell commands are given verbatim.
    public var fix: [String] { advice.fix }
    private let advice: FindingAdvice

    enum CodingKeys: String, CodingKey {
        case cause, alternatives, evidence, occurrences, image, registry, runtime, pod, namespace, container, node, explanation, fix
    }

    /// Encodes every key, with `null` for absent values, so the JSON shape is stable.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cause, forKey: .cause)
        try c.encode(alternatives, forKey: .alternatives)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(occurrences, forKey: .occurrences)
        try c.encode(image, forKey: .image)
        try c.encode(registry, forKey: .registry)
        try c.encode(runtime, forKey: .runtime)
        try c.encode(pod, forKey: .pod)
        try c.encode(namespace, forKey: .namespace)
        try c.encode(container, forKey: .container)
        try c.encode(node, forKey: .node)
        try c.encode(explanation, forKey: .explanation)
        try c.encode(fix, forKey: .fix)
    }

    /// Decodes a finding written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            cause: try c.decode(PullFailureCause.self, forKey: .cause), alternatives: try c.decode([Alternative].self, forKey: .alternatives),
            evidence: try c.decode(Evidence.self, forKey: .evidence), occurrences: try c.decode(Int.self, forKey: .occurrences),
            image: try c.decodeIfPresent(ImageInfo.self, forKey: .image), registry: try c.decodeIfPresent(RegistryInfo.self, forKey: .registry),
            runtime: try c.decode(ContainerRuntime.self, forKey: .runtime), pod: try c.decodeIfPresent(String.self, forKey: .pod),
            namespace: try c.decodeIfPresent(String.self, forKey: .namespace), container: try c.decodeIfPresent(String.self, forKey: .container),
            node: try c.decodeIfPresent(String.self, forKey: .node),
            advice: .text(explanation: try c.decode(String.self, forKey: .explanation), fix: try c.decode([String].self, forKey: .fix)))
    }

    /// Findings are equal when every reported field is, however their advice was produced.
    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.cause == rhs.cause && lhs.alternatives == rhs.alternatives && lhs.evidence == rhs.evidence && lhs.occurrences == rhs.occurrences
            && lhs.image == rhs.image && lhs.registry == rhs.registry && lhs.runtime == rhs.runtime && lhs.pod == rhs.pod
            && lhs.namespace == rhs.namespace && lhs.container == rhs.container && lhs.node == rhs.node
            && lhs.explanation == rhs.explanation && lhs.fix == rhs.fix
    }

    /// Creates a finding.
    public init(
        cause: PullFailureCause, alternatives: [Alternative], evidence: Evidence, occurrences: Int, image: ImageInfo?,
        registry: RegistryInfo?, runtime: ContainerRuntime, pod: String?, namespace: String?, container: String?,
        node: String?, explanation: String, fix: [String]
    ) {
        self.init(
            cause: cause, alternatives: alternatives, evidence: evidence, occurrences: occurrences, image: image, registry: registry,
            runtime: runtime, pod: pod, namespace: namespace, container: container, node: node,
            advice: .text(explanation: explanation, fix: fix))
    }

    init(
        cause: PullFailureCause, alternatives: [Alternative], evidence: Evidence, occurrences: Int, image: ImageInfo?,
        registry: RegistryInfo?, runtime: ContainerRuntime, pod: String?, namespace: String?, container: String?,
        node: String?, advice: FindingAdvice
    ) {
        self.cause = cause
        self.alternatives = alternatives
        self.evidence = evidence
        self.occurrences = occurrences
        self.image = image
        self.registry = registry
        self.runtime = runtime
        self.pod = pod
        self.namespace = namespace
        self.container = container
        self.node = node
        self.advice = advice
    }
}

/// Everything the diagnoser found in one input.
public struct DiagnosisReport: Codable, Sendable, Equatable {
    /// The most severe finding's cause, or `other` when there is no finding.
    public let cause: PullFailureCause
    /// One finding per failing container (or image), most severe first.
    public let findings: [Finding]
    /// The detected shape of the input.
    public let inputKind: InputKind

    enum CodingKeys: String, CodingKey {
        case cause, findings
        case inputKind = "input_kind"
    }

    /// Creates a report; the overall cause is taken from the most severe finding.
    public init(findings: [Finding], inputKind: InputKind) {
        self.findings = findings
        self.inputKind = inputKind
        cause = findings.map(\.cause).max() ?? .other
    }
}
