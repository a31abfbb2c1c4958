import TriageModel

/// Masks secrets in text from outside (command output, pastes, arguments) before it is shown,
/// matched against patterns, kept in a session, written to a transcript or recorded.
///
/// Secrets are recognised by structure first, whatever their keys are called: every value under
/// a Kubernetes Secret's `data`/`stringData` (JSON or YAML) and every
/// `kubectl.kubernetes.io/last-applied-configuration` annotation (JSON, YAML or `kubectl
/// describe`; as a JSON string, the object inside is masked by its own structure, so its type,
/// namespace and registry hosts stay). A docker config (under `data`, or under a secret's name) keeps its registry host
/// names, which are not secrets: for people it becomes `<redacted; registries: ghcr.io, docker.io>`;
/// with ``keepsRegistryHosts`` it becomes a config with those hosts only (still base64), so a parser
/// can say which registries a pull secret covers and a recording replays the same. Free text is
/// then masked by
/// wording: URL user info, `--password`/`-p`/`--token`-style flags, `NAME=VALUE` and
/// `NAME: VALUE` for any name ending in PASSWORD, TOKEN, SECRET, KEY …, `Authorization`, `Bearer`
/// and `Basic` credentials, base64 of `user:password`, known token prefixes and long opaque
/// blobs. Values known to be secret (``knownValues``) are masked wherever they appear.
///
/// Masking never adds or removes a line, so line numbers of evidence stay right, and it is linear
/// in the input: one pass over the lines, each line read by a fixed number of bounded scans.
public struct SecretMasker: Sendable {
    /// What replaces a secret value.
    public static let mask = "<redacted>"

    /// Values masked wherever they appear, longest first (so a value is never left half-masked
    /// by a shorter one it contains).
    public let knownValues: [String]
    /// Replace a Secret's docker config by one holding only its registry hosts (base64, for
    /// parsers and recordings), instead of naming the hosts in words.
    public let keepsRegistryHosts: Bool

    /// A masker that also masks every occurrence of `knownValues` (values under four bytes are
    /// ignored: they would mask ordinary words).
    public init(knownValues: some Sequence<String> = [String](), keepsRegistryHosts: Bool = false) {
        let kept = Set(knownValues.filter { $0.utf8.count >= 4 && $0 != Self.mask })
        self.knownValues = kept.sorted { ($0.utf8.count, $0) > ($1.utf8.count, $1) }
        self.keepsRegistryHosts = keepsRegistryHosts
    }

    /// The masker for what people see: every secret value masked, a docker config's hosts named.
    public static let standard = SecretMasker()
    /// The masker for what parsers read and recordings keep: docker configs keep their hosts.
    public static let keepingRegistryHosts = SecretMasker(keepsRegistryHosts: true)

    /// `text` with its secrets masked. `renamingHosts`, when given, renames the registry hosts
    /// a docker config keeps (for an anonymised recording).
    public func mask(_ text: String, renamingHosts: ((String) -> String)? = nil) -> String {
        guard !text.isEmpty else { return text }
        let masked = mask(Array(text.utf8), renamingHosts: renamingHosts)
        return String(decoding: masked, as: UTF8.self)
    }

    /// `bytes` (UTF-8, or anything: other bytes pass through) with their secrets masked.
    public func mask(_ bytes: [UInt8], renamingHosts: ((String) -> String)? = nil) -> [UInt8] {
        var output = bytes.withUnsafeBufferPointer { buffer in
            var pass = MaskingPass(collecting: false, keepsHosts: keepsRegistryHosts, renameHost: renamingHosts)
            return pass.run(buffer)
        }
        for value in knownValues { output = Self.replacing(Array(value.utf8), in: output) }
        return output
    }

    /// `result` with secrets masked in both streams.
    public func mask(_ result: CommandResult) -> CommandResult {
        var masked = result
        masked.stdout = mask(result.stdout)
        masked.stderr = mask(result.stderr)
        return masked
    }

    /// `result`, the output of `arguments`, with secrets masked in both streams: as ``mask(_:)``
    /// does, and every line of standard output when the command prints a Secret's values bare
    /// (`kubectl get secret NAME -o jsonpath='{.data.password}'`), where no key or wording marks
    /// them.
    public func mask(_ result: CommandResult, of arguments: [String]) -> CommandResult {
        var masked = mask(result)
        if SecretReads.printsBareValues(arguments) { masked.stdout = Self.maskingEveryLine(result.stdout) }
        return masked
    }

    /// `text` with each non-empty line replaced by the mask, its line ends kept.
    public static func maskingEveryLine(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty || $0 == "\r" ? String($0) : mask }.joined(separator: "\n")
    }

    /// Whether `arguments` print a Secret's values bare, so that their whole output is secret.
    public static func printsSecretValues(_ arguments: [String]) -> Bool {
        SecretReads.printsBareValues(arguments)
    }

    /// `result` as it may be shown, kept or written: secrets masked (as the output of `arguments`
    /// when given, see ``mask(_:of:)``), and control characters (escape sequences, C1 controls)
    /// made visible so a terminal never obeys them.
    public func shown(_ result: CommandResult, of arguments: [String] = []) -> CommandResult {
        var shown = mask(result, of: arguments)
        shown.stdout = VisibleText.escapingControls(shown.stdout)
        shown.stderr = VisibleText.escapingControls(shown.stderr)
        return shown
    }

    /// An evidence line as it may be shown to a person: as they read it (a JSON string decoded,
    /// see ``Evidence/decodedText``), its secrets masked once decoded, and its control characters
    /// made visible; still one line (a line end the string held is shown as `\n`).
    public func shown(_ evidence: Evidence) -> String {
        VisibleText.escapingControls(mask(evidence.decodedText)).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
    }

    /// The secret values `text` holds, as the masker would find them: the raw text of each
    /// masked value, and the credentials inside a docker config. A recorder gathers them from
    /// every raw output first, so a value is masked everywhere it is repeated.
    public static func secretValues(in text: String) -> Set<String> {
        var pass = MaskingPass(collecting: true, keepsHosts: false, renameHost: nil)
        Array(text.utf8).withUnsafeBufferPointer { _ = pass.run($0) }
        return pass.collected
    }

    /// `output` with each occurrence of `value` replaced by the mask.
    static func replacing(_ value: [UInt8], in output: [UInt8]) -> [UInt8] {
        guard let first = value.first, value.count <= output.count else { return output }
        var result: [UInt8] = []
        var copied = 0, index = 0
        let mask = Array(Self.mask.utf8)
        let last = output.count - value.count
        while index <= last {
            if output[index] == first, output[index..<index + value.count].elementsEqual(value) {
                if result.isEmpty { result.reserveCapacity(output.count) }
                result.append(contentsOf: output[copied..<index])
                result.append(contentsOf: mask)
                index += value.count
                copied = index
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return output }
        result.append(contentsOf: output[copied...])
        return result
    }
}
