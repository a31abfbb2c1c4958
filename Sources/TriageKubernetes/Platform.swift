/// A platform as image indexes and nodes name it: `os/arch[/variant]` (`linux/arm64/v8`).
public struct Platform: Sendable, Hashable, CustomStringConvertible {
    /// `linux`, `windows`…
    public var os: String
    /// `amd64`, `arm64`, `arm`…
    public var architecture: String
    /// `v7`, `v8`…; nil when not stated.
    public var variant: String?

    /// Parses `os/arch` or `os/arch/variant`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), !parts.contains(where: \.isEmpty) else { return nil }
        os = parts[0]
        architecture = parts[1]
        variant = parts.count == 3 ? parts[2] : nil
    }

    /// `os/arch[/variant]`.
    public var description: String { [os, architecture, variant].compactMap { $0 }.joined(separator: "/") }

    /// Whether a node of this platform runs an image built for `image`: same OS and architecture,
    /// and the same variant when both state one (`arm64` is `arm64/v8`).
    public func runs(_ image: Platform) -> Bool {
        guard os == image.os, architecture == image.architecture else { return false }
        let mine = variant ?? (architecture == "arm64" ? "v8" : nil)
        let theirs = image.variant ?? (image.architecture == "arm64" ? "v8" : nil)
        guard let mine, let theirs else { return true }
        return mine == theirs
    }
}
