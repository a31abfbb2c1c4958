import TriageJSON

/// Decodes one element of a pod list's `items` into a ``FailingPod`` in place, for a stream
/// reader: it reads only the fields a ``FailingPod`` has and checks the grammar of everything it
/// skips. ``FailingPod/init(pod:waitingFor:)`` gives the same value from a whole ``Pod``.
///
/// Field positions are kept as spans into the buffer and turned into strings only for pods that
/// have a failing container, so a healthy pod costs no allocation.
package struct FailingPodDecoder {
    /// A container status as spans.
    private struct StatusSpans {
        var name: StringSpan?
        var image: StringSpan?
        var reason: Int?
        var message: StringSpan?
        var kind: ContainerKind
        var restartCount = 0
        var lastReason: StringSpan?
        var lastExitCode: Int?
    }

    /// The reasons asked for, and their UTF-8 bytes to compare spans with.
    private let reasons: [(text: String, bytes: [UInt8])]

    private var owners: [(kind: StringSpan, name: StringSpan, controller: Bool)] = []
    private var failures: [StatusSpans] = []
    private var name: StringSpan?
    private var namespace: StringSpan?
    private var node: StringSpan?
    private var templateHash: StringSpan?
    private var isPod = true

    /// A decoder of the pods whose containers wait for one of `reasons`.
    package init(waitingFor reasons: Set<String>) {
        self.reasons = reasons.sorted().map { ($0, Array($0.utf8)) }
    }

    /// What one item was.
    package enum Item {
        /// Not a pod (a `List` may mix kinds).
        case other
        /// A pod with no container waiting for a reason asked for.
        case healthy
        /// A pod with at least one.
        case failing(FailingPod)
    }

    /// Reads the item at the cursor, leaving the cursor after it.
    package mutating func decode(_ cursor: inout JSONCursor) throws(JSONStop) -> Item {
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
            failures: ContainerKind.allCases.flatMap { kind in
                failures.filter { $0.kind == kind }.map {
                    ContainerFailure(
                        name: text($0.name) ?? "", kind: kind, image: text($0.image) ?? "",
                        reason: $0.reason.map { reasons[$0].text } ?? "", message: text($0.message) ?? "",
                        restartCount: $0.restartCount, lastReason: text($0.lastReason), lastExitCode: $0.lastExitCode)
                }
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
                try containerStatuses(&cursor, kind: .regular)
            } else if cursor.equals(key, "initContainerStatuses") {
                try containerStatuses(&cursor, kind: .initContainer)
            } else if cursor.equals(key, "ephemeralContainerStatuses") {
                try containerStatuses(&cursor, kind: .ephemeral)
            } else {
                try cursor.skipValue()
            }
        }
    }

    private mutating func containerStatuses(_ cursor: inout JSONCursor, kind: ContainerKind) throws(JSONStop) {
        guard try cursor.enterArray() else { return try cursor.skipValue() }
        var first = true
        while try cursor.nextElement(first: &first) {
            var spans = StatusSpans(kind: kind)
            guard try cursor.enterObject() else { try cursor.skipValue(); continue }
            var member = true
            while let key = try cursor.nextKey(first: &member) {
                if cursor.equals(key, "name") {
                    spans.name = try cursor.optionalString()
                } else if cursor.equals(key, "image") {
                    spans.image = try cursor.optionalString()
                } else if cursor.equals(key, "state") {
                    try state(&cursor, into: &spans)
                } else if cursor.equals(key, "lastState") {
                    try lastState(&cursor, into: &spans)
                } else if cursor.equals(key, "restartCount") {
                    spans.restartCount = try cursor.optionalInt() ?? 0
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
                    spans.reason = try cursor.optionalString().flatMap { reason(of: $0, in: cursor) }
                } else if cursor.equals(field, "message") {
                    spans.message = try cursor.optionalString()
                } else {
                    try cursor.skipValue()
                }
            }
        }
    }

    /// `lastState.terminated`'s reason and exit code.
    private func lastState(_ cursor: inout JSONCursor, into spans: inout StatusSpans) throws(JSONStop) {
        guard try cursor.enterObject() else { return try cursor.skipValue() }
        var first = true
        while let key = try cursor.nextKey(first: &first) {
            guard cursor.equals(key, "terminated"), try cursor.enterObject() else { try cursor.skipValue(); continue }
            var member = true
            while let field = try cursor.nextKey(first: &member) {
                if cursor.equals(field, "reason") {
                    spans.lastReason = try cursor.optionalString()
                } else if cursor.equals(field, "exitCode") {
                    spans.lastExitCode = try cursor.optionalInt()
                } else {
                    try cursor.skipValue()
                }
            }
        }
    }

    /// The index of the reason asked for that `span` spells; nil for any other.
    private func reason(of span: StringSpan, in cursor: JSONCursor) -> Int? {
        if span.hasEscapes {
            let text = cursor.decode(span)
            return reasons.firstIndex { $0.text == text }
        }
        let length = span.end - span.start
        return reasons.firstIndex { reason in
            reason.bytes.count == length
                && reason.bytes.withUnsafeBufferPointer { wanted in
                    (0..<length).allSatisfy { cursor.bytes[span.start + $0] == wanted[$0] }
                }
        }
    }
}
