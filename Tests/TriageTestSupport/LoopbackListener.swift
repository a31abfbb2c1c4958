import Foundation
import Synchronization

/// A TCP listener on 127.0.0.1 with a free port chosen by the kernel, serving each connection on
/// its own thread with `handler`.
///
/// ``close()`` (also run by `deinit`) stops accepting, shuts every open connection down (which
/// wakes any handler blocked reading it) and waits for the handlers to return, so no thread or
/// socket outlives the test.
public final class LoopbackListener: Sendable {
    /// The port the kernel chose.
    public let port: UInt16
    private let socket: Int32
    private let state = Mutex(State())

    private struct State {
        var closed = false
        var connections: Set<Int32> = []
        var running = 0
    }

    /// Listens on 127.0.0.1 and starts accepting.
    public init(handler: @escaping @Sendable (LoopbackConnection) -> Void) throws {
        socket = try Self.listeningSocket()
        port = try Self.boundPort(socket)
        let thread = Thread { [self] in acceptLoop(handler) }
        thread.start()
    }

    deinit {
        close()
    }

    /// Whether ``close()`` was called.
    public var isClosed: Bool { state.withLock { $0.closed } }

    /// Stops the listener and every connection, and waits (up to five seconds) for the handlers.
    public func close() {
        let open = state.withLock { state -> Set<Int32>? in
            guard !state.closed else { return nil }
            state.closed = true
            return state.connections
        }
        guard let open else { return }
        Glibc.shutdown(socket, Int32(SHUT_RDWR))
        for connection in open { Glibc.shutdown(connection, Int32(SHUT_RDWR)) }
        let deadline = ContinuousClock.now + .seconds(5)
        while state.withLock({ $0.running > 0 }) && ContinuousClock.now < deadline { usleep(5_000) }
        Glibc.close(socket)
    }

    private func acceptLoop(_ handler: @escaping @Sendable (LoopbackConnection) -> Void) {
        state.withLock { $0.running += 1 }
        defer { state.withLock { $0.running -= 1 } }
        while !isClosed {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let connection = accept(socket, nil, nil)
            guard connection >= 0 else { continue }
            let admitted = state.withLock { state -> Bool in
                guard !state.closed else { return false }
                state.connections.insert(connection)
                state.running += 1
                return true
            }
            guard admitted else {
                Glibc.close(connection)
                return
            }
            let thread = Thread { [self] in
                handler(LoopbackConnection(descriptor: connection, isStopping: { [weak self] in self?.isClosed ?? true }))
                state.withLock { state in
                    state.connections.remove(connection)
                    state.running -= 1
                }
                Glibc.close(connection)
            }
            thread.start()
        }
    }

    private static func listeningSocket() throws -> Int32 {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw LabError.socket("socket: \(errno)") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = loopbackAddress(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            Glibc.close(descriptor)
            throw LabError.socket("bind/listen on 127.0.0.1: \(errno)")
        }
        return descriptor
    }

    private static func boundPort(_ descriptor: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let found = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard found == 0 else { throw LabError.socket("getsockname: \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// A port on 127.0.0.1 that nothing listens on: bound by a socket that is then closed
    /// without listening, so a connection to it is refused.
    public static func closedPort() throws -> UInt16 {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(descriptor) }
        var address = loopbackAddress(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw LabError.socket("bind: \(errno)") }
        return try boundPort(descriptor)
    }
}

/// The IPv4 loopback address with `port`.
func loopbackAddress(port: UInt16) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
}
