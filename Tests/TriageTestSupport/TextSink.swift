import Synchronization

/// Collects text written by a runner's output closure, for assertions.
public final class TextSink: Sendable {
    private let storage = Mutex("")

    /// An empty sink.
    public init() {}

    /// Everything written so far.
    public var text: String { storage.withLock { $0 } }

    /// Appends `chunk`; pass this as a runner's `write` closure.
    public func write(_ chunk: String) {
        storage.withLock { $0 += chunk }
    }
}
