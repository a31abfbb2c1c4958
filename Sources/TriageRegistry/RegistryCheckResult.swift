import TriageDiagnosis
import TriageModel

/// What the direct registry check found. Its JSON (snake_case keys, `null` for what is unknown)
/// is read by the runbook's `registry-check` parser: keep the field names.
public struct RegistryCheckResult: Codable, Sendable, Hashable {
    /// What is missing when the manifest is not found.
    public enum Missing: String, Codable, Sendable, Hashable {
        /// The repository exists but has no such tag.
        case tag
        /// The repository exists but has no manifest with that digest.
        case digest
        /// The whole repository does not exist.
        case repository
    }

    /// The normalised reference that was checked (`docker.io/library/nginx:latest`).
    public var image: String
    /// The registry host as named by the reference (`docker.io`).
    public var registry: String
    /// The host (and port) whose v2 API was asked (`registry-1.docker.io`).
    public var apiHost: String
    /// Whether the v2 API answered over HTTP at all.
    public var reachable: Bool
    /// What went wrong, worded like the runtimes' messages; `nil` when the image is there.
    public var error: String?
    /// The cause in TriageDiagnosis's vocabulary (`network`, `tls`, `auth`, `rate-limit`,
    /// `image-not-found`, `other`); `nil` when nothing went wrong.
    public var errorCause: PullFailureCause?
    /// Whether the registry wants credentials for this image; `nil` when it could not be asked.
    public var needsAuth: Bool?
    /// Whether the tag or digest exists; `nil` when unknown.
    public var exists: Bool?
    /// What is missing when `exists` is false.
    public var missing: Missing?
    /// The manifest's digest (`Docker-Content-Digest`).
    public var digest: String?
    /// The manifest's media type.
    public var mediaType: String?
    /// The platforms offered (`linux/arm64/v8`): every entry of an index, or a single image's own.
    public var platforms: [String]
    /// Existing tags nearest to a missing one, nearest first.
    public var nearestTags: [String]
    /// Remarks: the scheme used, rate-limit headers, Docker Hub's ambiguous answers.
    public var notes: [String]

    /// Creates a result for `reference` asked at `apiHost`, with nothing known yet.
    public init(reference: ImageReference, apiHost: String) {
        image = reference.description
        registry = reference.registry
        self.apiHost = apiHost
        reachable = false
        platforms = []
        nearestTags = []
        notes = []
    }

    enum CodingKeys: String, CodingKey {
        case image, registry, reachable, error, exists, missing, digest, platforms, notes
        case apiHost = "api_host"
        case errorCause = "error_cause"
        case needsAuth = "needs_auth"
        case mediaType = "media_type"
        case nearestTags = "nearest_tags"
    }

    /// Encodes every key, writing `null` for what is unknown so the shape never changes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(image, forKey: .image)
        try container.encode(registry, forKey: .registry)
        try container.encode(apiHost, forKey: .apiHost)
        try container.encode(reachable, forKey: .reachable)
        try container.encode(error, forKey: .error)
        try container.encode(errorCause, forKey: .errorCause)
        try container.encode(needsAuth, forKey: .needsAuth)
        try container.encode(exists, forKey: .exists)
        try container.encode(missing, forKey: .missing)
        try container.encode(digest, forKey: .digest)
        try container.encode(mediaType, forKey: .mediaType)
        try container.encode(platforms, forKey: .platforms)
        try container.encode(nearestTags, forKey: .nearestTags)
        try container.encode(notes, forKey: .notes)
    }
}
