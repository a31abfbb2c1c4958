import Foundation

/// One accepted (or opened) TCP connection on loopback, with just enough HTTP/1.1 to read a
/// request or a response head. Every read waits at most a few seconds, so a handler always ends.
public struct LoopbackConnection: Sendable {
    /// The socket; the listener closes it after the handler returns.
    public let descriptor: Int32
    /// Whether the server this connection belongs to is closing: handlers that wait on purpose
    /// poll it to end.
    public let isStopping: @Sendable () -> Bool

    /// An HTTP message head and whatever body bytes arrived with it.
    public struct Head: Sendable {
        /// The first line (`GET /path HTTP/1.1` or `HTTP/1.1 200 OK`).
        public var startLine: String
        /// Header fields, names lowercased.
        public var fields: [String: String]
        /// The raw head bytes, through the blank line.
        public var raw: Data
        /// Bytes that followed the head in the same reads.
        public var rest: Data

        /// The request method.
        public var method: String { startLine.split(separator: " ").first.map(String.init) ?? "" }
        /// The request target (path and query).
        public var target: String { startLine.split(separator: " ").dropFirst().first.map(String.init) ?? "/" }
        /// The response status code.
        public var statusCode: Int { Int(startLine.split(separator: " ").dropFirst().first ?? "") ?? 0 }
        /// The declared body length.
        public var contentLength: Int? { fields["content-length"].flatMap { Int($0) } }
    }

    /// Opens a connection to 127.0.0.1:`port`.
    public static func connect(port: UInt16) throws -> LoopbackConnection {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopbackAddress(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw LabError.socket("connect 127.0.0.1:\(port): \(errno)")
        }
        return LoopbackConnection(descriptor: descriptor, isStopping: { false })
    }

    /// Reads up to `limit` bytes, waiting at most `timeout`; empty at end of stream or timeout.
    public func read(limit: Int = 65_536, timeout: Duration = .seconds(10)) -> Data {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000)
        guard poll(&poller, 1, milliseconds) > 0 else { return Data() }
        var buffer = [UInt8](repeating: 0, count: limit)
        let count = recv(descriptor, &buffer, limit, 0)
        return count > 0 ? Data(buffer[0..<count]) : Data()
    }

    /// Reads an HTTP head (through the blank line); nil if the peer closed or went quiet first.
    public func readHead() -> Head? {
        var data = Data()
        let separator = Data("\r\n\r\n".utf8)
        while data.count < 1 << 20 {
            if let end = data.range(of: separator) {
                let raw = data[..<end.upperBound]
                let lines = String(decoding: raw, as: UTF8.self).components(separatedBy: "\r\n")
                var fields: [String: String] = [:]
                for line in lines.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                return Head(startLine: lines[0], fields: fields, raw: Data(raw), rest: Data(data[end.upperBound...]))
            }
            let more = read()
            guard !more.isEmpty else { return nil }
            data.append(more)
        }
        return nil
    }

    /// Writes all of `data`; false if the peer went away.
    @discardableResult
    public func write(_ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    /// Writes a complete HTTP/1.1 response and asks the client to close.
    @discardableResult
    public func respond(status: String, headers: [(String, String)] = [], body: Data = Data()) -> Bool {
        var head = "HTTP/1.1 \(status)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return write(Data(head.utf8) + body)
    }

    /// Closes a connection this side opened with ``connect(port:)``.
    public func close() {
        Glibc.close(descriptor)
    }
}
