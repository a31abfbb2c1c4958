/// Writes values into an archive (see ``ArchiveFormat``), for ``ArchiveReader`` to read back in
/// the same order.
public struct ArchiveWriter: Sendable {
    /// The archive so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty archive.
    public init() {}

    /// The archive as text: it is valid UTF-8.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func count(_ value: UInt64) {
        var rest = value
        while rest >= 32 {
            bytes.append(ArchiveFormat.moreDigit + UInt8(rest & 31))
            rest >>= 5
        }
        bytes.append(ArchiveFormat.lastDigit + UInt8(rest))
    }

    /// Writes a string.
    public mutating func write(_ value: String) {
        bytes.append(ArchiveFormat.string)
        count(UInt64(value.utf8.count))
        bytes += value.utf8
    }

    /// Writes an integer.
    public mutating func write(_ value: some FixedWidthInteger & SignedInteger) {
        bytes.append(ArchiveFormat.integer)
        count(ArchiveFormat.zigzag(Int64(value)))
    }

    /// Writes a floating-point number, exactly.
    public mutating func write(_ value: Double) {
        let text = value.description
        bytes.append(ArchiveFormat.float)
        count(UInt64(text.utf8.count))
        bytes += text.utf8
    }

    /// Writes a boolean.
    public mutating func write(_ value: Bool) {
        bytes.append(value ? ArchiveFormat.isTrue : ArchiveFormat.isFalse)
    }

    /// Writes an optional: nil, or the value `write` writes.
    public mutating func write<T>(_ value: T?, _ write: (inout ArchiveWriter, T) -> Void) {
        guard let value else { return bytes.append(ArchiveFormat.null) }
        write(&self, value)
    }

    /// Writes a list, each item as `write` writes it.
    public mutating func write<T>(_ items: [T], _ write: (inout ArchiveWriter, T) -> Void) {
        bytes.append(ArchiveFormat.list)
        count(UInt64(items.count))
        for item in items { write(&self, item) }
    }
}
