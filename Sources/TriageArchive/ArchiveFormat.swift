/// The bytes of an archive: values written one after another by ``ArchiveWriter`` and read back
/// in the same order by ``ArchiveReader``, each marked with what it is, so that a reader that
/// falls out of step with the writer fails at once.
///
/// Every byte that is not inside a string is printable ASCII, and strings are written as their
/// UTF-8 bytes, so an archive is valid UTF-8 and fits in a Swift string literal unchanged.
///
/// - a string: `s`, its byte count, its bytes;
/// - an integer: `i`, its zigzag-encoded value (`0, -1, 1, -2, …` as `0, 1, 2, 3, …`);
/// - a floating-point number: `d`, the byte count and the bytes of its shortest exact decimal form;
/// - `t` and `f` (true and false);
/// - an optional: `n` when it is nil, else its value;
/// - a list: `u`, the number of items, then the items.
///
/// Counts are unsigned numbers in base 32, least significant digit first: a digit `d` is the byte
/// `0x50 + d` when more digits follow and `0x30 + d` when it is the last.
enum ArchiveFormat {
    static let string = UInt8(ascii: "s")
    static let integer = UInt8(ascii: "i")
    static let float = UInt8(ascii: "d")
    static let isTrue = UInt8(ascii: "t")
    static let isFalse = UInt8(ascii: "f")
    static let null = UInt8(ascii: "n")
    static let list = UInt8(ascii: "u")

    static let lastDigit: UInt8 = 0x30
    static let moreDigit: UInt8 = 0x50

    /// `value` with its sign in the lowest bit, so that small negative numbers stay short.
    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    /// The inverse of ``zigzag(_:)``.
    static func unzigzag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }
}

/// Why an archive cannot be read as asked: it was written by another version of the writing
/// code, or it is damaged.
public struct ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong, and at which byte.
    public let description: String

    /// `problem`, found at byte `offset`.
    public init(_ problem: String, at offset: Int) {
        description = "\(problem) at byte \(offset)"
    }
}
