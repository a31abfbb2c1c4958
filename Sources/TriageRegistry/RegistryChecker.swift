import TriageDiagnosis
import TriageModel

/// Asks a registry's v2 API, anonymously, whether an image's tag or digest exists, whether it
/// needs credentials, which platforms it offers and, for a missing tag, which tags are near.
///
/// The steps: `GET /v2/` (following a Bearer challenge to an anonymous token), `HEAD` the
/// manifest (`GET` when `HEAD` says too little), read the platforms of an index or the config
/// of a single image, and list the tags of a repository whose tag is missing. Every problem is
/// reported in the result; nothing is retried, and the whole check keeps within
/// ``RegistryCheckOptions/timeout``. The check never sends the user's credentials, and the
/// anonymous token it may obtain is never reported.
public struct RegistryChecker: Sendable {
    /// Sends the requests.
    public let transport: any HTTPTransport
    /// Time and listing bounds, and the plain-HTTP policy.
    public let options: RegistryCheckOptions

    /// Creates a checker; by default on URLSession with the default options.
    public init(transport: any HTTPTransport = URLSessionTransport(), options: RegistryCheckOptions = RegistryCheckOptions()) {
        self.transport = transport
        self.options = options
    }

    /// Checks `reference` against its registry.
    public func check(_ reference: ImageReference) async -> RegistryCheckResult {
        var run = RegistryCheckRun(reference: reference, transport: transport, options: options)
        await run.perform()
        return run.result
    }

    /// Parses `image` with ``ImageReference/parse(_:)`` and checks it.
    public func check(_ image: String) async throws(ImageReferenceError) -> RegistryCheckResult {
        await check(try ImageReference.parse(image))
    }
}
