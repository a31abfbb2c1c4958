import Foundation

/// How far the registry check may go.
public struct RegistryCheckOptions: Sendable, Hashable {
    /// When the check may talk plain HTTP to a registry that does not speak TLS.
    public enum PlainHTTP: Sendable, Hashable {
        /// Never: a plain-HTTP registry is reported as a TLS problem.
        case never
        /// For `localhost` and loopback addresses only, as the container runtimes allow.
        case loopback
        /// For any registry (`--insecure-http`), as an insecure registry is configured.
        case always
    }

    /// Seconds the whole check may take, every request included.
    public var timeout: TimeInterval
    /// When plain HTTP is allowed.
    public var plainHTTP: PlainHTTP
    /// Most `tags/list` pages to read.
    public var maximumTagPages: Int
    /// Most tags to read in all.
    public var maximumTags: Int
    /// Most nearest tags to report.
    public var nearestTagCount: Int

    /// Creates options; the defaults allow 10 seconds, plain HTTP on loopback, 10 pages,
    /// 10,000 tags and 5 suggestions.
    public init(timeout: TimeInterval = 10, plainHTTP: PlainHTTP = .loopback, maximumTagPages: Int = 10, maximumTags: Int = 10_000, nearestTagCount: Int = 5) {
        self.timeout = timeout
        self.plainHTTP = plainHTTP
        self.maximumTagPages = maximumTagPages
        self.maximumTags = maximumTags
        self.nearestTagCount = nearestTagCount
    }
}
