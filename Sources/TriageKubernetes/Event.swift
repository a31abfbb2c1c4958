import TriageJSON

/// An event, from `kubectl get events -o json` (core/v1, with the events.k8s.io/v1 spellings
/// read too).
public struct Event: KubernetesObject, Equatable {
    /// `Event`.
    public static let kind = "Event"

    /// Its metadata.
    public var metadata: ObjectMeta
    /// What happened, in one word (`Failed`, `BackOff`, `Pulling`…).
    public var reason: String?
    /// `Normal` or `Warning`.
    public var type: String?
    /// What happened, in a sentence.
    public var message: String?
    /// Occurrences counted by the old deduplication (`count`).
    public var count: Int?
    /// First occurrence, old style.
    public var firstTimestamp: KubernetesTime?
    /// Last occurrence, old style.
    public var lastTimestamp: KubernetesTime?
    /// First occurrence, new style (micro-second precision).
    public var eventTime: KubernetesTime?
    /// Repeats counted by the new event series.
    public var series: Series?
    /// The object the event is about.
    public var involvedObject: InvolvedObject

    /// A series of repeats of one event (events.k8s.io semantics).
    public struct Series: Sendable, Equatable {
        /// Occurrences so far.
        public var count: Int?
        /// When it was last seen.
        public var lastObservedTime: KubernetesTime?
    }

    /// What an event is about.
    public struct InvolvedObject: Sendable, Equatable {
        /// `Pod`, `Node`…
        public var kind: String?
        /// Its name.
        public var name: String?
        /// Its namespace.
        public var namespace: String?
        /// The part of it, e.g. `spec.containers{web}`.
        public var fieldPath: String?

        /// The container named by `fieldPath`, and which list it is in.
        public var container: (kind: ContainerKind, name: String)? {
            guard let fieldPath, let open = fieldPath.firstIndex(of: "{"), fieldPath.hasSuffix("}") else { return nil }
            let field = fieldPath[..<open].split(separator: ".").last.map(String.init) ?? ""
            guard let kind = ContainerKind.allCases.first(where: { $0.specField == field }) else { return nil }
            return (kind, String(fieldPath[fieldPath.index(after: open)..<fieldPath.index(before: fieldPath.endIndex)]))
        }
    }

    /// Reads an event.
    public init(json: JSONValue) {
        metadata = ObjectMeta(json: json["metadata"] ?? .null)
        reason = json["reason"]?.string
        type = json["type"]?.string
        message = json["message"]?.string ?? json["note"]?.string
        count = json["count"]?.int ?? json["deprecatedCount"]?.int
        firstTimestamp = json["firstTimestamp"]?.time ?? json["deprecatedFirstTimestamp"]?.time
        lastTimestamp = json["lastTimestamp"]?.time ?? json["deprecatedLastTimestamp"]?.time
        eventTime = json["eventTime"]?.time
        series = json["series"].flatMap { series in
            series.members.isEmpty ? nil : Series(count: series["count"]?.int, lastObservedTime: series["lastObservedTime"]?.time)
        }
        let involved = json["involvedObject"] ?? json["regarding"] ?? .null
        involvedObject = InvolvedObject(
            kind: involved["kind"]?.string, name: involved["name"]?.string,
            namespace: involved["namespace"]?.string, fieldPath: involved["fieldPath"]?.string)
    }

    /// How many times it happened: the series count, else `count`, else once.
    public var occurrences: Int { max(series?.count ?? count ?? 1, 1) }

    /// When it first happened.
    public var firstSeen: KubernetesTime? { firstTimestamp ?? eventTime ?? lastTimestamp }

    /// When it last happened.
    public var lastSeen: KubernetesTime? {
        [series?.lastObservedTime, lastTimestamp, eventTime, firstTimestamp].compactMap { $0 }.max()
    }
}
