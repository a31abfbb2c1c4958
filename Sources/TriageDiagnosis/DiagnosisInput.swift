import Foundation

/// Why an input cannot be diagnosed.
public enum DiagnosisInputError: Error, Equatable, Sendable, LocalizedError {
    /// The input is empty or only whitespace.
    case empty
    /// The input contains a NUL byte, so it is binary rather than pasted text.
    case binary(offset: Int)
    /// The input is larger than the limit.
    case tooLarge(bytes: Int, limit: Int)

    /// What was wrong with the input.
    public var errorDescription: String? {
        switch self {
        case .empty:
            "the input is empty: paste `kubectl describe pod`, `kubectl get events` or the pull error output"
        case .binary(let offset):
            "the input looks binary (NUL byte at offset \(offset)); give the text output of kubectl, the runtime or its logs"
        case .tooLarge(let bytes, let limit):
            "the input is \(bytes) bytes, more than the \(limit)-byte limit; cut it down to the failing pod's events or log lines"
        }
    }
}

/// Limits applied to inputs before they are diagnosed.
public enum DiagnosisInput {
    /// The largest input accepted: 64 MiB.
    public static let maximumBytes = 64 * 1024 * 1024

    /// Checks raw input bytes and decodes them as UTF-8 (invalid sequences become U+FFFD).
    public static func decode(_ bytes: [UInt8]) throws(DiagnosisInputError) -> String {
        try check(bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Checks raw input bytes (size, NUL bytes, emptiness) without decoding them.
    static func check(_ bytes: [UInt8]) throws(DiagnosisInputError) {
        if bytes.count > maximumBytes { throw .tooLarge(bytes: bytes.count, limit: maximumBytes) }
        if let nul = bytes.withUnsafeBufferPointer({ ByteSearch.index(of: 0, in: $0, from: 0) }) { throw .binary(offset: nul) }
        guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { throw .empty }
    }

    /// Checks text that is already decoded.
    public static func validate(_ text: String) throws(DiagnosisInputError) {
        _ = try decode(Array(text.utf8))
    }
}
