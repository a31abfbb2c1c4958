/// A container image reference parsed with the distribution reference grammar
/// (`[domain/]path[:tag][@algorithm:hex]`) and normalised the way Docker and the
/// CRI runtimes do (`nginx` → `docker.io/library/nginx:latest`).
public struct ImageReference: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The text that was parsed.
    public let original: String
    /// Registry host with optional port, `docker.io` when the reference names none.
    public let registry: String
    /// Repository path inside the registry, e.g. `library/nginx`.
    public let repository: String
    /// The tag written in the reference, or `nil` when none was written.
    public let tag: String?
    /// The digest (`sha256:…`) written in the reference, or `nil`.
    public let digest: String?

    /// The normalised reference: registry, repository, then the tag (`latest` when neither tag
    /// nor digest was given) and the digest.
    public var description: String {
        let suffix = tag ?? (digest == nil ? "latest" : nil)
        var text = ""
        text.reserveCapacity(registry.utf8.count + repository.utf8.count + (suffix?.utf8.count ?? 0) + (digest?.utf8.count ?? 0) + 3)
        text.append(registry)
        text.append("/")
        text.append(repository)
        if let suffix {
            text.append(":")
            text.append(suffix)
        }
        if let digest {
            text.append("@")
            text.append(digest)
        }
        return text
    }

    /// The other names of Docker Hub's registry, which references normalise to `docker.io`.
    package static let dockerHubAliases: Set<String> = ["index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]

    /// Whether `host` (without port) is Docker Hub's registry under any of its names.
    public static func isDockerHub(_ host: some StringProtocol) -> Bool {
        host == "docker.io" || dockerHubAliases.contains(String(host))
    }

    /// Whether the first component of a name (before its first `/`) is a registry host: it has
    /// a `.` or a `:` (a port), or is `localhost`. This is how the grammar tells a domain from a path.
    package static func isDomain(_ component: some Collection<UInt8>) -> Bool {
        component.contains(0x2E) || component.contains(0x3A) || component.elementsEqual("localhost".utf8)
    }

    /// Longest name the grammar allows, counted as the runtimes count it: normalised, registry and
    /// repository (`nginx` is `docker.io/library/nginx`).
    public static let maximumNameLength = 255

    /// Parses `text` as an image reference, throwing the exact complaint when it is invalid.
    public static func parse(_ text: String) throws(ImageReferenceError) -> ImageReference {
        try ImageReferenceParser.parse(text)
    }

    /// Creates a reference from already-validated parts.
    package init(original: String, registry: String, repository: String, tag: String?, digest: String?) {
        self.original = original
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }
}

/// The exact reason an image reference is invalid.
public enum ImageReferenceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The reference is empty.
    case empty
    /// The reference contains whitespace at the given character offset.
    case whitespace(offset: Int)
    /// The reference starts with a transport such as `docker://` or `docker-pullable://`.
    case transportPrefix(String)
    /// A template placeholder (`${VAR}`, `{{ .Values }}`, `<tag>`) was never filled in.
    case unexpandedTemplate(String)
    /// There is a tag or digest but no repository name before it (`:v1`).
    case missingName
    /// The repository path has an empty component (`a//b`, trailing `/`).
    case emptyPathComponent
    /// A repository path component contains uppercase letters.
    case uppercaseRepository(component: String)
    /// A repository path component contains a character outside `[a-z0-9._-]` or misuses separators.
    case invalidPathComponent(component: String, reason: String)
    /// The registry host or port is malformed.
    case invalidDomain(String)
    /// More than one `:` after the repository path (`nginx::1`, `a:b:c`).
    case multipleTagSeparators(count: Int)
    /// The reference ends with `:` and no tag.
    case emptyTag
    /// The tag breaks `[\w][\w.-]{0,127}`.
    case invalidTag(tag: String, reason: String)
    /// The tag is longer than 128 characters.
    case tagTooLong(length: Int)
    /// The reference ends with `@` and no digest.
    case emptyDigest
    /// The digest is not `algorithm:hex` or has the wrong length for its algorithm.
    case invalidDigest(digest: String, reason: String)
    /// The normalised name (registry and repository) is longer than 255 characters.
    case nameTooLong(length: Int)
    /// The repository is a 64-character hexadecimal string, which runtimes reserve for image IDs.
    case hexadecimalName

    /// The complaint, starting with the runtimes' own wording where they have one.
    public var description: String {
        switch self {
        case .empty:
            "invalid reference format: the image reference is empty"
        case .whitespace(let offset):
            "invalid reference format: whitespace at character \(offset + 1); image references cannot contain spaces"
        case .transportPrefix(let prefix):
            "invalid reference format: \"\(prefix)\" is a transport or image-ID prefix, not part of an image name"
        case .unexpandedTemplate(let placeholder):
            "invalid reference format: the template placeholder \"\(placeholder)\" was never substituted"
        case .missingName:
            "invalid reference format: a tag or digest is given but the repository name before it is missing"
        case .emptyPathComponent:
            "invalid reference format: the repository path has an empty component (\"//\" or a leading/trailing \"/\")"
        case .uppercaseRepository(let component):
            "invalid reference format: repository name must be lowercase (\"\(component)\" has uppercase letters)"
        case .invalidPathComponent(let component, let reason):
            "invalid reference format: repository path component \"\(component)\" \(reason)"
        case .invalidDomain(let domain):
            "invalid reference format: \"\(domain)\" is not a valid registry host[:port]"
        case .multipleTagSeparators(let count):
            "invalid reference format: \(count) \":\" separators after the repository path; a reference has at most one tag"
        case .emptyTag:
            "invalid reference format: the reference ends with \":\" but has no tag"
        case .invalidTag(let tag, let reason):
            "invalid reference format: tag \"\(tag)\" \(reason); tags match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"
        case .tagTooLong(let length):
            "invalid reference format: the tag is \(length) characters long; at most 128 are allowed"
        case .emptyDigest:
            "invalid reference format: the reference ends with \"@\" but has no digest"
        case .invalidDigest(let digest, let reason):
            "invalid digest format: \"\(digest)\" \(reason)"
        case .nameTooLong(let length):
            "repository name must not be more than 255 characters (it has \(length) with its registry and path, as the runtime normalises it)"
        case .hexadecimalName:
            "invalid repository name: cannot specify 64-byte hexadecimal strings (that is an image ID)"
        }
    }
}

/// Parser for the distribution reference grammar, kept apart so each step stays small.
package enum ImageReferenceParser {
    package static let transports = ["docker-pullable://", "docker://", "docker-daemon:", "containers-storage:", "oci-archive:", "oci:", "docker-archive:"]

    static func parse(_ text: String) throws(ImageReferenceError) -> ImageReference {
        if let reference = ImageReferenceQuickParser.parse(text) { return reference }
        return try parseFully(text)
    }

    /// The full grammar, with an exact complaint for every way a reference can be invalid.
    package static func parseFully(_ text: String) throws(ImageReferenceError) -> ImageReference {
        try checkWhole(text)
        var rest = Substring(text)
        var digest: String?
        if let at = rest.firstIndex(of: "@") {
            let encoded = String(rest[rest.index(after: at)...])
            guard !encoded.isEmpty else { throw .emptyDigest }
            try checkDigest(encoded)
            digest = encoded
            rest = rest[..<at]
        }
        guard !rest.isEmpty else { throw .missingName }
        let (domain, remainder) = splitDomain(rest)
        let colons = remainder.reduce(0) { $0 + ($1 == ":" ? 1 : 0) }
        if colons > 1 { throw .multipleTagSeparators(count: colons) }
        var path = remainder
        var tag: String?
        if let colon = remainder.firstIndex(of: ":") {
            let tagText = String(remainder[remainder.index(after: colon)...])
            guard !tagText.isEmpty else { throw .emptyTag }
            try checkTag(tagText)
            tag = tagText
            path = remainder[..<colon]
        }
        guard !path.isEmpty else { throw domain == nil ? .missingName : .emptyPathComponent }
        if let domain { try checkDomain(domain) }
        try checkPath(path)
        if domain == nil, path.count == 64, path.allSatisfy(\.isHexDigit) { throw .hexadecimalName }
        let (registry, repository) = normalise(domain: domain, path: path)
        let nameLength = registry.count + 1 + repository.count
        if nameLength > ImageReference.maximumNameLength { throw .nameTooLong(length: nameLength) }
        return ImageReference(original: text, registry: registry, repository: repository, tag: tag, digest: digest)
    }

    /// Checks that apply to the text as a whole before it is split.
    static func checkWhole(_ text: String) throws(ImageReferenceError) {
        guard !text.isEmpty else { throw .empty }
        let bytes = Array(text.utf8)
        if bytes.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 >= 0x80 }),
            let offset = text.unicodeScalars.firstIndex(where: { $0.properties.isWhitespace })
        {
            throw .whitespace(offset: text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: offset))
        }
        if bytes.contains(0x3A), let prefix = transports.first(where: { text.hasPrefix($0) }) { throw .transportPrefix(prefix) }
        for (index, byte) in bytes.enumerated() where byte == 0x24 || byte == 0x7B || byte == 0x3C {
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            guard byte == 0x3C || (byte == 0x24 && (next == 0x7B || next == 0x28)) || (byte == 0x7B && next == 0x7B) else { continue }
            var end = index + 1
            while end < bytes.count, bytes[end] != 0x7D, bytes[end] != 0x3E, bytes[end] != 0x29 { end += 1 }
            while end < bytes.count, bytes[end] == 0x7D || bytes[end] == 0x3E || bytes[end] == 0x29 { end += 1 }
            throw .unexpandedTemplate(String(decoding: bytes[index..<end], as: UTF8.self))
        }
    }

    /// Splits off the registry host: the first component when it has a `.` or `:` or is `localhost`.
    package static func splitDomain(_ name: Substring) -> (domain: Substring?, rest: Substring) {
        guard let slash = name.firstIndex(of: "/") else { return (nil, name) }
        let first = name[..<slash]
        guard ImageReference.isDomain(first.utf8) else { return (nil, name) }
        return (first, name[name.index(after: slash)...])
    }

    static func checkDomain(_ domain: Substring) throws(ImageReferenceError) {
        var host = domain
        if domain.hasPrefix("[") {
            guard let close = domain.firstIndex(of: "]") else { throw .invalidDomain(String(domain)) }
            let inner = domain[domain.index(after: domain.startIndex)..<close]
            guard !inner.isEmpty, inner.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { throw .invalidDomain(String(domain)) }
            host = ""
            let after = domain[domain.index(after: close)...]
            if !after.isEmpty { try checkPort(after, domain: domain) }
        } else if let colon = domain.firstIndex(of: ":") {
            host = domain[..<colon]
            try checkPort(domain[colon...], domain: domain)
        }
        for label in host.utf8.split(separator: 0x2E, omittingEmptySubsequences: false) {
            func isLabelByte(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D }
            let valid = !label.isEmpty && label.allSatisfy(isLabelByte) && label.first != 0x2D && label.last != 0x2D
            if !valid && !host.isEmpty { throw .invalidDomain(String(domain)) }
        }
    }

    static func checkPort(_ text: Substring, domain: Substring) throws(ImageReferenceError) {
        let digits = text.dropFirst()
        guard text.first == ":", !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .invalidDomain(String(domain))
        }
    }

    static func checkPath(_ path: Substring) throws(ImageReferenceError) {
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard !component.isEmpty else { throw .emptyPathComponent }
            if component.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { throw .uppercaseRepository(component: String(component)) }
            if let reason = pathComponentProblem(component) {
                throw .invalidPathComponent(component: String(component), reason: reason)
            }
        }
    }

    /// `[a-z0-9]+` joined by `.`, `_`, `__` or runs of `-`; returns what breaks that, or `nil`.
    static func pathComponentProblem(_ component: Substring) -> String? {
        func isAlphanumeric(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
        let bytes = component.utf8
        if bytes.contains(where: { !(isAlphanumeric($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D) }),
            let bad = component.first(where: { !($0.isASCII && ($0.isLowercase || $0.isNumber || "._-".contains($0))) })
        {
            return "contains \"\(bad)\"; only a-z, 0-9 and the separators . _ __ - are allowed"
        }
        guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else {
            return "must start and end with a lowercase letter or digit"
        }
        var runStart: String.UTF8View.Index?
        for index in bytes.indices {
            if isAlphanumeric(bytes[index]) {
                if let start = runStart {
                    let run = component[start..<index]
                    if !(run == "." || run == "_" || run == "__" || run.allSatisfy({ $0 == "-" })) {
                        return "has the invalid separator \"\(run)\""
                    }
                    runStart = nil
                }
            } else if runStart == nil {
                runStart = index
            }
        }
        return nil
    }

    static func checkTag(_ tag: String) throws(ImageReferenceError) {
        if tag.count > 128 { throw .tagTooLong(length: tag.count) }
        func isWord(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }
        guard let first = tag.first, isWord(first) else {
            throw .invalidTag(tag: tag, reason: "must start with a letter, digit or underscore")
        }
        if let bad = tag.first(where: { !(isWord($0) || $0 == "." || $0 == "-") }) {
            throw .invalidTag(tag: tag, reason: "contains \"\(bad)\"")
        }
    }

    static func checkDigest(_ digest: String) throws(ImageReferenceError) {
        guard let colon = digest.firstIndex(of: ":") else {
            throw .invalidDigest(digest: digest, reason: "has no \"algorithm:\" prefix")
        }
        let algorithm = digest[..<colon]
        let encoded = digest[digest.index(after: colon)...]
        guard !algorithm.isEmpty, algorithm.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "+._-".contains($0)) }) else {
            throw .invalidDigest(digest: digest, reason: "has an invalid algorithm \"\(algorithm)\"")
        }
        guard !encoded.isEmpty, encoded.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "=_-".contains($0)) }) else {
            throw .invalidDigest(digest: digest, reason: "has an invalid encoded part")
        }
        let expected = ["sha256": 64, "sha384": 96, "sha512": 128][String(algorithm)]
        if let expected {
            guard encoded.count == expected, encoded.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw .invalidDigest(
                    digest: digest, reason: "must be \(expected) lowercase hexadecimal characters after \"\(algorithm):\" (it has \(encoded.count))")
            }
        }
    }

    /// Applies Docker Hub defaults: no domain → `docker.io`, single component → `library/…`.
    static func normalise(domain: Substring?, path: Substring) -> (String, String) {
        var registry = domain.map(String.init) ?? "docker.io"
        if ImageReference.dockerHubAliases.contains(registry) { registry = "docker.io" }
        var repository = String(path)
        if registry == "docker.io", !repository.contains("/") { repository = "library/" + repository }
        return (registry, repository)
    }
}
