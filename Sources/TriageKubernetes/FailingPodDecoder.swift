import TriageJSON

/// Decodes one element of a pod list's `items` into a ``FailingPod`` in place, for a stream
/// reader: it reads only the fields a ``FailingPod`` has and those that tell whether the pod runs
/// as declared, and checks the grammar of everything it skips. ``FailingPod/init(pod:)`` gives
/// the same failures from a whole ``Pod``.
///
/// A pod passes as running when it succeeded, or when its `Ready` condition is `True`, its
/// regular containers run and none is in trouble (see ``ContainerStatus/isInTrouble``): every pod
/// it passes, ``Pod/runsAsDeclared`` passes too, so none that a runbook could choose is dropped.
///
/// Field positions are kept as spans into the buffer and turned into strings only for pods that
/// do not run as declared, so a healthy pod costs no allocation.
package struct FailingPodDecoder {
    /// A container status as spans.
    private struct StatusSpans {
        var name: StringSpan?
        var image: StringSpan?
        var state = StateSpans()
        var last = StateSpans()
        var kind: ContainerKind
        var restartCount = 0
    }

    /// What one `state` or `lastState` says.
    private struct StateSpans {
        /// In the reverse order of precedence.
        enum Kind: Comparable { case unknown, terminated, running, waiting }
        var kind = Kind.unknown
        var reason: StringSpan?
        var message: StringSpan?
        var exitCode: Int?
    }

    private var owners: [(kind: StringSpan, name: StringSpan, controller: Bool)] = []
    private var failures: [StatusSpans] = []
    private var name: StringSpan?
    private var namespace: StringSpan?
    private var node: StringSpan?
    private var templateHash: StringSpan?
    private var isPod = true
    private var phase: StringSpan?
    private var ready = false
    private var inTrouble = false
    private var regularStatuses = 0
    private var regularRunning = 0

    /// A decoder of the pods that do not run as declared.
    package init() {}

    /// What one item was.
    package enum Item {
        /// Not a pod (a `List` may mix kinds).
        case other
        /// A pod that runs as declared.
        case healthy
        /// A pod that does not, with its failing containers (perhaps none: a pod not yet
        /// scheduled, or one whose containers are still being created).
        case failing(FailingPod)
    }

    /// Reads the item at the cursor, leaving the cursor after it.
    package mutating func decode(_ cursor: inout JSONCursor) throws(JSONStop) -> Item {
        owners.removeAll(keepingCapacity: true)
        failures.removeAll(keepingCapacity: true)
        name = nil; namespace = nil; node = nil; templateHash = nil; isPod = true
        phase = nil; ready = false; inTrouble = false; regularStatuses = 0; regularRunning = 0
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
        guard !runs(cursor) else { return .healthy }
        return .failing(materialize(cursor))
    }

    private func runs(_ cursor: JSONCursor) -> Bool {
        guard let phase else { return false }
        if cursor.equals(phase, "Succeeded") { return true }
        return cursor.equals(phase, "Running") && ready && !inTrouble && regularStatuses > 0 && regularRunning == regularStatuses
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
                    let ended = $0.state.kind == .terminated
                    let last = ended ? $0.state : $0.last
                    return ContainerFailure(
                        name: text($0.name) ?? "", kind: kind, image: text($0.image) ?? "",
                        reason: ended ? ContainerFailure.terminated : text($0.state.reason) ?? "", message: text($0.state.message) ?? "",
                        restartCount: $0.restartCount, lastReason: last.kind == .terminated ? text(last.reason) : nil,
                        lastExitCode: last.kind == .terminated ? last.exitCode : nil)
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
            if cursor.equals(key, "phase") {
                phase = try cursor.optionalString()
            } else if cursor.equals(key, "conditions") {
                try conditions(&cursor)
            } else if cursor.equals(key, "containerStatuses") {
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
                    spans.state = try state(&cursor)
                } else if cursor.equals(key, "lastState") {
                    spans.last = try state(&cursor)
                } else if cursor.equals(key, "restartCount") {
                    spans.restartCount = try cursor.optionalInt() ?? 0
                } else {
                    try cursor.skipValue()
                }
            }
            if kind == .regular {
                regularStatuses += 1
                if spans.state.kind == .running { regularRunning += 1 }
            }
            if fails(spans.state, in: cursor) {
                inTrouble = true
                failures.append(spans)
            } else if spans.state.kind == .running || spans.state.kind == .unknown {
                inTrouble = inTrouble || (spans.restartCount > 0 && spans.last.kind == .terminated)
            }
        }
    }

    /// Whether a container in `state` fails (see ``ContainerFailure/init(status:)``).
    private func fails(_ state: StateSpans, in cursor: JSONCursor) -> Bool {
        switch state.kind {
        case .waiting:
            guard let reason = state.reason else { return false }
            return !ContainerState.startingReasons.contains(cursor.decode(reason))
        case .terminated: return state.exitCode != 0
        case .running, .unknown: return false
        }
    }

    /// Whether the `Ready` condition is `True`.
    private mutating func conditions(_ cursor: inout JSONCursor) throws(JSONStop) {
        guard try cursor.enterArray() else { return try cursor.skipValue() }
        var first = true
        while try cursor.nextElement(first: &first) {
            guard try cursor.enterObject() else { try cursor.skipValue(); continue }
            var type: StringSpan?, status: StringSpan?
            var member = true
            while let key = try cursor.nextKey(first: &member) {
                if cursor.equals(key, "type") {
                    type = try cursor.optionalString()
                } else if cursor.equals(key, "status") {
                    status = try cursor.optionalString()
                } else {
                    try cursor.skipValue()
                }
            }
            if let type, cursor.equals(type, "Ready") { ready = status.map { cursor.equals($0, "True") } ?? false }
        }
    }

    /// What a `state` or `lastState` object says. The kubelet writes one of `waiting`, `running`
    /// and `terminated`; given more, the first in that order wins, as in ``ContainerState``.
    private func state(_ cursor: inout JSONCursor) throws(JSONStop) -> StateSpans {
        var spans = StateSpans()
        guard try cursor.enterObject() else { try cursor.skipValue(); return spans }
        var first = true
        while let key = try cursor.nextKey(first: &first) {
            let kind: StateSpans.Kind
            if cursor.equals(key, "waiting") {
                kind = .waiting
            } else if cursor.equals(key, "running") {
                kind = .running
            } else if cursor.equals(key, "terminated") {
                kind = .terminated
            } else {
                try cursor.skipValue()
                continue
            }
            guard kind > spans.kind, try cursor.enterObject() else { try cursor.skipValue(); continue }
            spans = StateSpans(kind: kind)
            var member = true
            while let field = try cursor.nextKey(first: &member) {
                if kind != .running, cursor.equals(field, "reason") {
                    spans.reason = try cursor.optionalString()
                } else if kind != .running, cursor.equals(field, "message") {
                    spans.message = try cursor.optionalString()
                } else if kind == .terminated, cursor.equals(field, "exitCode") {
                    spans.exitCode = try cursor.optionalInt()
                } else {
                    try cursor.skipValue()
                }
            }
        }
        return spans
    }
}
