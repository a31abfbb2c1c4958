/// The shape a value must have before Triage puts it into a command.
///
/// Every value substituted into an argument vector is checked first, so that a pod name can never
/// become a flag (`--kubeconfig=...`) or smuggle control characters into a terminal.
public enum ValueFormat: String, Codable, Hashable, Sendable, CaseIterable {
    /// RFC 1123 label: lower-case alphanumerics and `-`, at most 63, starting and ending
    /// alphanumeric (namespaces, container names).
    case dns1123Label = "dns-1123-label"
    /// RFC 1123 subdomain: labels joined by `.`, at most 253 (pod, secret, node names).
    case dns1123Subdomain = "dns-1123-subdomain"
    /// A container image reference, `[host[:port]/]path[:tag][@digest]`, as the distribution
    /// grammar reads it (see ``ImageReference``).
    case imageReference = "image-reference"
    /// A registry host, optionally with a port.
    case host
    /// An image tag as the distribution grammar allows it: a letter, digit or `_`, then at most
    /// 127 letters, digits, `_`, `.` and `-`.
    case tag
    /// One word of letters, digits and `. _ - / : @ = + , % ~`: no space, quote or character a shell
    /// would read. What a value read from command output must be when nothing more precise is known.
    case word
    /// Any single printable line that does not start with `-`.
    case text

    /// `nil` when `value` is acceptable, otherwise what is wrong with it, in words.
    public func problem(with value: String) -> String? {
        if value.isEmpty { return "is empty" }
        if value.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\t" || VisibleText.isHidden($0) }) {
            return "contains a control character or an invisible one"
        }
        if value.hasPrefix("-") { return "starts with '-', which a command would read as a flag" }
        switch self {
        case .dns1123Label:
            return Self.labelProblem(value, limit: 63)
        case .dns1123Subdomain:
            if value.count > 253 { return "is longer than 253 characters" }
            for label in value.split(separator: ".", omittingEmptySubsequences: false) {
                if let problem = Self.labelProblem(Substring(label), limit: 253) { return problem }
            }
            return nil
        case .imageReference:
            do throws(ImageReferenceError) {
                _ = try ImageReference.parse(value)
                return nil
            } catch {
                return "is not an image reference (\(error))"
            }
        case .host:
            let allowed = value.unicodeScalars.allSatisfy { scalar in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", ".", "-", ":", "[", "]": true
                default: false
                }
            }
            return allowed ? nil : "is not a host name"
        case .tag:
            if value.unicodeScalars.count > 128 { return "is longer than 128 characters" }
            let allowed = value.unicodeScalars.enumerated().allSatisfy { index, scalar in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "_": true
                case ".", "-": index > 0
                default: false
                }
            }
            return allowed ? nil : "is not an image tag"
        case .word:
            let allowed = value.unicodeScalars.allSatisfy { scalar in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-", "/", ":", "@", "=", "+", ",", "%", "~": true
                default: false
                }
            }
            return allowed ? nil : "has a character other than letters, digits and . _ - / : @ = + , % ~"
        case .text:
            return nil
        }
    }

    /// A sentence naming the format, for messages.
    public var expectation: String {
        switch self {
        case .dns1123Label:
            "a DNS-1123 label (lower-case letters, digits and '-', at most 63, starting and ending with a letter or digit)"
        case .dns1123Subdomain:
            "a DNS-1123 subdomain (lower-case letters, digits, '-' and '.', at most 253, each part starting and ending with a letter or digit)"
        case .imageReference: "an image reference such as registry.example.com/team/app:1.2"
        case .host: "a host name, optionally with a port"
        case .tag: "an image tag (letters, digits, '_', '.' and '-', at most 128, not starting with '.' or '-')"
        case .word: "one word of letters, digits and . _ - / : @ = + , % ~, not starting with '-'"
        case .text: "a single line of text that does not start with '-'"
        }
    }

    private static func labelProblem<S: StringProtocol>(_ label: S, limit: Int) -> String? {
        if label.isEmpty { return "has an empty part between dots" }
        if label.count > limit { return "has a part longer than \(limit) characters" }
        for scalar in label.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "-": continue
            case "A"..."Z": return "contains upper-case letters"
            default: return "contains '\(scalar)'"
            }
        }
        if label.first == "-" || label.last == "-" { return "must start and end with a letter or digit" }
        return nil
    }
}
