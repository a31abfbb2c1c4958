#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes read in order, a piece at a time.
public protocol ByteSource {
    /// Fills the start of `buffer` and returns how many bytes were written; 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanError) -> Int
}

/// Reads a file descriptor (a file, a pipe or standard input) with `read(2)`.
public struct FileDescriptorSource: ByteSource {
    /// The descriptor read from; the caller owns it.
    public let descriptor: Int32
    /// What to call the input in messages.
    public let name: String

    /// Reads `descriptor`, called `name` in messages.
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Reads once, retrying on `EINTR`.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanError) -> Int {
        while true {
            #if canImport(Glibc)
                let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            #else
                let count = Darwin.read(descriptor, buffer.baseAddress, buffer.count)
            #endif
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .unreadable(name: name, reason: String(cString: strerror(errno)))
        }
    }
}

/// Bytes already in memory, handed out at most `pieceSize` at a time (small pieces test how the
/// reader copes with tokens cut anywhere).
public struct MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0
    private let pieceSize: Int

    /// Serves `bytes` in pieces of at most `pieceSize`.
    public init(_ bytes: [UInt8], pieceSize: Int = .max) {
        precondition(pieceSize > 0, "pieces must hold at least one byte")
        self.bytes = bytes
        self.pieceSize = pieceSize
    }

    /// Copies the next piece.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanError) -> Int {
        let count = min(buffer.count, pieceSize, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}
