import TriageDiagnosis

/// What changed between two scans, for `triage scan --watch`.
public struct ScanChanges: Codable, Sendable, Equatable {
    /// A group, identified by cause, registry and image.
    public struct GroupChange: Codable, Sendable, Equatable {
        /// The cause.
        public var cause: PullFailureCause
        /// The registry.
        public var registry: String
        /// The image.
        public var image: String
        /// Failing containers before (0 for a new group).
        public var before: Int
        /// Failing containers now (0 for a resolved group).
        public var after: Int
    }

    /// Groups that appeared.
    public var new: [GroupChange]
    /// Groups that disappeared.
    public var resolved: [GroupChange]
    /// Groups whose count went up or down.
    public var changed: [GroupChange]

    /// Compares `current` with `previous`.
    public init(from previous: ScanReport, to current: ScanReport) {
        func key(_ group: ScanReport.Group) -> String { "\(group.cause.rawValue)\u{1}\(group.registry)\u{1}\(group.image)" }
        let before = Dictionary(previous.groups.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(current.groups.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        func change(_ group: ScanReport.Group, _ old: Int, _ new: Int) -> GroupChange {
            GroupChange(cause: group.cause, registry: group.registry, image: group.image, before: old, after: new)
        }
        new = current.groups.filter { before[key($0)] == nil }.map { change($0, 0, $0.count) }
        resolved = previous.groups.filter { after[key($0)] == nil }.map { change($0, $0.count, 0) }
        changed = current.groups.compactMap { group in
            guard let old = before[key(group)], old.count != group.count else { return nil }
            return change(group, old.count, group.count)
        }
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { new.isEmpty && resolved.isEmpty && changed.isEmpty }

    /// One line per change (`+ new`, `- resolved`, `↑`/`↓` counts).
    public var lines: [String] {
        new.map { "+ new       \($0.cause.rawValue)  \($0.image)  (\($0.after))" }
            + resolved.map { "- resolved  \($0.cause.rawValue)  \($0.image)  (was \($0.before))" }
            + changed.map { "\($0.after > $0.before ? "↑" : "↓") \($0.before) → \($0.after)  \($0.cause.rawValue)  \($0.image)" }
    }
}
