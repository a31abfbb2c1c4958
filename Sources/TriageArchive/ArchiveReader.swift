/// Reads values from an archive (see ``ArchiveFormat``) in the order ``ArchiveWriter`` wrote
/// them, straight from its bytes. A reader exists only inside the `read` closures of
/// ``read(_:_:)-(StaticString,_)``, while its bytes do.
public struct ArchiveReader {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    /// Reads `archive`, a string literal compiled into the program, with `read`, which must read
    /// all of it.
    public static func read<T>(_ archive: StaticString, _ read: (inout ArchiveReader) throws(ArchiveError) -> T) throws(ArchiveError) -> T {
        guard archive.hasPointerRepresentation else { throw ArchiveError("the archive is a single character", at: 0) }
        return try Self.read(UnsafeRawBufferPointer(start: archive.utf8Start, count: archive.utf8CodeUnitCount), read)
    }

    /// Reads `bytes` with `read`, which must read all of them.
    public static func read<T>(_ bytes: [UInt8], _ read: (inout ArchiveReader) throws(ArchiveError) -> T) throws(ArchiveError) -> T {
        let result = bytes.withUnsafeBytes { buffer in Result { () throws(ArchiveError) in try Self.read(buffer, read) } }
        return try result.get()
    }

    private static func read<T>(_ bytes: UnsafeRawBufferPointer, _ read: (inout ArchiveReader) throws(ArchiveError) -> T) throws(ArchiveError) -> T {
        var reader = ArchiveReader(bytes: bytes)
        let value = try read(&reader)
        guard reader.position == bytes.count else { throw reader.fail("\(bytes.count - reader.position) bytes follow the value") }
        return value
    }

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// An error at the current byte.
    public func fail(_ problem: String) -> ArchiveError {
        ArchiveError(problem, at: position)
    }

    private mutating func byte() throws(ArchiveError) -> UInt8 {
        guard position < bytes.count else { throw fail("the archive ends too soon") }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func expect(_ tag: UInt8, _ what: String) throws(ArchiveError) {
        guard position < bytes.count, bytes[position] == tag else {
            throw fail("expected \(what), found \(position < bytes.count ? "byte \(bytes[position])" : "the end")")
        }
        position += 1
    }

    private mutating func number() throws(ArchiveError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let digit = try byte()
            guard shift < 64 else { throw fail("a number is too long") }
            if digit >= ArchiveFormat.lastDigit && digit < ArchiveFormat.lastDigit + 32 {
                return value | UInt64(digit - ArchiveFormat.lastDigit) << shift
            }
            guard digit >= ArchiveFormat.moreDigit && digit < ArchiveFormat.moreDigit + 32 else {
                throw fail("expected a digit, found byte \(digit)")
            }
            value |= UInt64(digit - ArchiveFormat.moreDigit) << shift
            shift += 5
        }
    }

    /// A count that cannot exceed the bytes left.
    private mutating func count() throws(ArchiveError) -> Int {
        let value = try number()
        guard value <= UInt64(bytes.count - position) else { throw fail("a count of \(value) runs past the end") }
        return Int(value)
    }

    private mutating func text() throws(ArchiveError) -> String {
        let length = try count()
        defer { position += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self)
    }

    /// Reads a string.
    public mutating func string() throws(ArchiveError) -> String {
        try expect(ArchiveFormat.string, "a string")
        return try text()
    }

    /// Reads an integer of type `T`.
    public mutating func integer<T: FixedWidthInteger & SignedInteger>(_ type: T.Type = Int.self) throws(ArchiveError) -> T {
        try expect(ArchiveFormat.integer, "an integer")
        let value = ArchiveFormat.unzigzag(try number())
        guard let result = T(exactly: value) else { throw fail("\(value) does not fit in \(T.self)") }
        return result
    }

    /// Reads a floating-point number.
    public mutating func double() throws(ArchiveError) -> Double {
        try expect(ArchiveFormat.float, "a number")
        let text = try text()
        guard let value = Double(text) else { throw fail("'\(text)' is not a number") }
        return value
    }

    /// Reads a boolean.
    public mutating func bool() throws(ArchiveError) -> Bool {
        if position < bytes.count, bytes[position] == ArchiveFormat.isTrue || bytes[position] == ArchiveFormat.isFalse {
            defer { position += 1 }
            return bytes[position] == ArchiveFormat.isTrue
        }
        throw fail("expected a boolean")
    }

    /// Reads an optional: nil, or what `read` reads.
    public mutating func optional<T>(_ read: (inout ArchiveReader) throws(ArchiveError) -> T) throws(ArchiveError) -> T? {
        if position < bytes.count, bytes[position] == ArchiveFormat.null {
            position += 1
            return nil
        }
        return try read(&self)
    }

    /// Reads a list, each item with `read`.
    public mutating func list<T>(_ read: (inout ArchiveReader) throws(ArchiveError) -> T) throws(ArchiveError) -> [T] {
        try expect(ArchiveFormat.list, "a list")
        let count = try count()
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try read(&self)) }
        return items
    }
}
