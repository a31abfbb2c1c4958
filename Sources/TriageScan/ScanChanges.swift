import TriageDiagnosis

/// What changed between two scans, for `triage scan --watch`: the pull-failure groups, and the
/// containers that cannot start or keep running.
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

    /// A container that cannot start or keep running, identified by namespace, pod and name.
    public struct ContainerChange: Codable, Sendable, Equatable {
        /// The pod's namespace.
        public var namespace: String
        /// The pod's name.
        public var pod: String
        /// The container's name.
        public var container: String
        /// Its reason in the scan that lists it (`CrashLoopBackOff`, `Terminated`…).
        public var reason: String
        /// The runbook that applies, when one does.
        public var runbook: String?

        init(_ entry: ScanReport.PodEntry) {
            (namespace, pod, container, reason, runbook) = (entry.namespace, entry.pod, entry.container, entry.reason, entry.runbook)
        }

        var line: String { "\(reason)  \(namespace)/\(pod) \(container)" + (runbook.map { "  (\($0))" } ?? "") }
    }

    /// Groups that appeared.
    public var new: [GroupChange]
    /// Groups that disappeared.
    public var resolved: [GroupChange]
    /// Groups whose count went up or down.
    public var changed: [GroupChange]
    /// Containers that cannot start or keep running now and could before the last scan.
    public var newContainers: [ContainerChange]
    /// Containers listed by the last scan that this one no longer lists.
    public var resolvedContainers: [ContainerChange]

    enum CodingKeys: String, CodingKey {
        case new, resolved, changed
        case newContainers = "new_containers"
        case resolvedContainers = "resolved_containers"
    }

    /// Compares `current` with `previous`. Only namespaces both scans read are compared: a
    /// namespace one of them could not scan shows neither a recovery nor a new failure.
    public init(from previous: ScanReport, to current: ScanReport) {
        let unread = Set((previous.unscanned + current.unscanned).map(\.namespace))
        let previous = previous.readIn(excluding: unread), current = current.readIn(excluding: unread)
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
        func container(_ entry: ScanReport.PodEntry) -> String { "\(entry.namespace)\u{1}\(entry.pod)\u{1}\(entry.container)" }
        let listedBefore = Set(previous.restarting.map(container)), listedNow = Set(current.restarting.map(container))
        newContainers = current.restarting.filter { !listedBefore.contains(container($0)) }.map(ContainerChange.init)
        resolvedContainers = previous.restarting.filter { !listedNow.contains(container($0)) }.map(ContainerChange.init)
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { new.isEmpty && resolved.isEmpty && changed.isEmpty && newContainers.isEmpty && resolvedContainers.isEmpty }

    /// One line per change (`+ new`, `- resolved`, `↑`/`↓` counts).
    public var lines: [String] {
        new.map { "+ new       \($0.cause.rawValue)  \($0.image)  (\($0.after))" }
            + resolved.map { "- resolved  \($0.cause.rawValue)  \($0.image)  (was \($0.before))" }
            + changed.map { "\($0.after > $0.before ? "↑" : "↓") \($0.before) → \($0.after)  \($0.cause.rawValue)  \($0.image)" }
            + newContainers.map { "+ new       \($0.line)" } + resolvedContainers.map { "- resolved  \($0.line)" }
    }
}

extension ScanReport {
    /// The report with what it found in `namespaces` left out: its groups without their pods
    /// there (a group with none left goes), and its listed containers without theirs.
    fileprivate func readIn(excluding namespaces: Set<String>) -> ScanReport {
        guard !namespaces.isEmpty else { return self }
        var report = self
        report.groups = groups.compactMap { group in
            var group = group
            group.pods = group.pods.filter { !namespaces.contains($0.namespace) }
            group.count = group.pods.count
            return group.pods.isEmpty ? nil : group
        }
        report.restarting = restarting.filter { !namespaces.contains($0.namespace) }
        return report
    }
}
