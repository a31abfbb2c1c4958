import Foundation
import Synchronization
import TriageRegistry
import TriageTestSupport

/// A real transport that keeps every request it sent, to prove what went over the wire.
final class RecordingTransport: HTTPTransport {
    private let inner = URLSessionTransport()
    private let sent = Mutex<[HTTPRequest]>([])

    var requests: [HTTPRequest] { sent.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        sent.withLock { $0.append(request) }
        return try await inner.send(request)
    }
}
