import TriageDiagnosis
import TriageJSON
import TriageKubernetes

/// Decodes one element of a pod list's `items`, reading only the fields a scan needs and
/// checking the grammar of everything it skips.
///
/// Field positions are kept as spans into the buffer and turned into strings only for pods that
/// have a failing container, so a healthy pod costs no allocation.
struct PodDecoder {
    /// A container status as spans.
    private struct StatusSpans {
        var name: StringSpan?
        var image: StringSpan?
        var reason: PullWaitingReason?
        var message: StringSpan?
        var isInit: Bool
    }

    private var owners: [(kind: StringSpan, name: StringSpan, controller: Bool)] = []
    private var failures: [StatusSpans] = []
    private var name: StringSpan?
    private var namespace: StringSpan?
    private var node: StringSpan?
    private var templateHash: StringSpan?
    private var isPod = true

    /// What one item was.
    enum Item {
        /// Not a pod (a `List` may mix kinds).
        case other
        /// A pod with no image-pull failure.
        case healthy
        /// A pod with at least one.
        case failing(FailingPod)
    }

    /// Reads the item at the cursor, leaving the cursor after it.
    mutating func decode(_ cursor: inout JSONCursor) throws(JSONStop) -> Item {
        owners.removeAll(keepingCapacity: true)
        failures.removeAll(keepingCapacity: true)
        name = nil; namespace = nil; node = nil; templateHash = nil; isPod = true
        guard try cursor.enterObject() else {
            try cursor.skipValue()
            return .other
        }
        var first = true
        while let key = try cursor.nextKey(first: &first) {
            if cursor.equals(key, "metadata") {
                try metadata(&cursor)
            } else if cursor.equals(key, "spec") {
                try spec(&cursor)
            } else if cursor.equals(key, "status") {
                try status(&cursor)
            } else if cursor.equals(key, "kind") {
                if let kind = try cursor.optionalString() { isPod = cursor.equals(kind, "Pod") }
            } else {
                try cursor.skipValue()
            }
        }
        guard isPod else { return .other }
        guard !failures.isEmpty else { return .healthy }
        return .failing(materialize(cursor))
    }

    private func materialize(_ cursor: JSONCursor) -> FailingPod {
        let text = { (span: StringSpan?) in span.map(cursor.decode) }
        return FailingPod(
            namespace: text(namespace) ?? "default",
            name: text(name) ?? "",
            node: text(node).flatMap { $0.isEmpty ? nil : $0 },
            owners: owners.map { OwnerReference(kind: cursor.decode($0.kind), name: cursor.decode($0.name), controller: $0.controller) },
            templateHash: text(templateHash),
            failures: failures.sorted { $0.isInit && !$1.isInit }.map {
                ContainerFailure(name: text($0.name) ?? "", image: text($0.image) ?? "", reason: $0.reason!,
                                 message: text($0.message) ?? "", isInit: $0.isInit)
            })
    }

    private mutating func metadata(_ cursor: inout JSONCursor) throws(JSONStop) {
        guard try cursor.enterObject() else { return try cursor.skipValue() }
        var first = true
        while let key = try cursor.nextKey(first: &first) {
            if cursor.equals(key, "name") {
                name = try cursor.optionalString()
            } else if cursor.equals(key, "namespace") {
                namespace = try cursor.optionalString()
            } else if cursor.equals(key, "labels") {
                try labels(&cursor)
            } else if cursor.equals(key, "ownerReferences") {
                try ownerReferences(&cursor)
            } else {
                try cursor.skipValue()
            }
        }
    }

    private mutating func labels(_ cursor: inout JSONCursor) throws(JSONStop) {
        guard try cursor.enterObject() else { return try cursor.skipValue() }
        var first = true
        while let key = try cursor.nextKey(first: &first) {
            if cursor.equals(key, "pod-template-hash") { templateHash = try cursor.optionalString() } else { try cursor.skipValue() }
        }
    }

    private mutating func ownerReferences(_ cursor: inout JSONCursor) throws(JSONStop) {
        guard try cursor.enterArray() else { return try cursor.skipValue() }
        var first = true
        while try cursor.nextElement(first: &first) {
            guard try cursor.enterObject() else { try cursor.skipValue(); continue }
            var kind: StringSpan?, name: StringSpan?, controller = false
            var member = true
            while let key = try cursor.nextKey(first: &member) {
                if cursor.equals(key, "kind") {
                    kind = try cursor.optionalString()
                } else if cursor.equals(key, "name") {
                    name = try cursor.optionalString()
                } else if cursor.equals(key, "controller") {
                    controller = try cursor.optionalBool() ?? false
                } else {
                    try cursor.skipValue()
                }
            }
            if let kind, let name { owners.append((kind, name, controller)) }
        }
    }

    private mutating func spec(_ cursor: inout JSONCursor) throws(JSONStop) {
        guard try cursor.enterObject() else { return try cursor.skipValue() }
        var first = true
        while let key = try cursor.nextKey(first: &first) {
            if cursor.equals(key, "nodeName") { node = try cursor.optionalString() } else { try cursor.skipValue() }
        }
    }

    private mutating func status(_ cursor: inout JSONCursor) throws(JSONStop) {
        guard try cursor.enterObject() else { return try cursor.skipValue() }
        var first = true
        while let key = try cursor.nextKey(first: &first) {
            if cursor.equals(key, "containerStatuses") {
                try containerStatuses(&cursor, isInit: false)
            } else if cursor.equals(key, "initContainerStatuses") {
                try containerStatuses(&cursor, isInit: true)
            } else {
                try cursor.skipValue()
            }
        }
    }

    private mutating func containerStatuses(_ cursor: inout JSONCursor, isInit: Bool) throws(JSONStop) {
        guard try cursor.enterArray() else { return try cursor.skipValue() }
        var first = true
        while try cursor.nextElement(first: &first) {
            var spans = StatusSpans(isInit: isInit)
            guard try cursor.enterObject() else { try cursor.skipValue(); continue }
            var member = true
            while let key = try cursor.nextKey(first: &member) {
                if cursor.equals(key, "name") {
                    spans.name = try cursor.optionalString()
                } else if cursor.equals(key, "image") {
                    spans.image = try cursor.optionalString()
                } else if cursor.equals(key, "state") {
                    try state(&cursor, into: &spans)
                } else {
                    try cursor.skipValue()
                }
            }
            if spans.reason != nil { failures.append(spans) }
        }
    }

    private func state(_ cursor: inout JSONCursor, into spans: inout StatusSpans) throws(JSONStop) {
        guard try cursor.enterObject() else { return try cursor.skipValue() }
        var first = true
        while let key = try cursor.nextKey(first: &first) {
            guard cursor.equals(key, "waiting"), try cursor.enterObject() else { try cursor.skipValue(); continue }
            var member = true
            while let field = try cursor.nextKey(first: &member) {
                if cursor.equals(field, "reason") {
                    spans.reason = try cursor.optionalString().flatMap { Self.reason(of: $0, in: cursor) }
                } else if cursor.equals(field, "message") {
                    spans.message = try cursor.optionalString()
                } else {
                    try cursor.skipValue()
                }
            }
        }
    }

    private static func reason(of span: StringSpan, in cursor: JSONCursor) -> PullWaitingReason? {
        if cursor.equals(span, "ImagePullBackOff") { return .imagePullBackOff }
        if cursor.equals(span, "ErrImagePull") { return .errImagePull }
        if cursor.equals(span, "InvalidImageName") { return .invalidImageName }
        if cursor.equals(span, "ErrImageNeverPull") { return .errImageNeverPull }
        if cursor.equals(span, "ImageInspectError") { return .imageInspectError }
        if cursor.equals(span, "RegistryUnavailable") { return .registryUnavailable }
        return nil
    }
}
