import Synchronization

/// A regular expression from a runbook, compiled once and kept with the text it was written as
/// (for messages, `why`, and equality): when a runbook file loads, so that a bad pattern is
/// reported at its line; for a runbook built into Triage, which was checked when Triage was built,
/// on its first use, so that a command pays only for the patterns it evaluates.
public struct Pattern: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Why a pattern is refused.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// It does not compile.
        case invalid(String)
        /// It can take exponential time on a line that almost matches: a quantified group whose
        /// body can repeat by itself, or whose alternatives can match the same text.
        case backtracking(String)

        /// Why the pattern is refused, in words.
        public var description: String {
            switch self {
            case .invalid(let reason): "is not a valid regular expression: \(reason)"
            case .backtracking(let reason): "can take exponential time on a line that almost matches: \(reason)"
            }
        }
    }

    /// The pattern as written.
    public let source: String
    private let compiled: Compiled

    /// Compiles `source`, refusing a pattern prone to catastrophic backtracking.
    public init(_ source: String) throws(Problem) {
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(source)
        } catch {
            throw .invalid("\(error)")
        }
        if let reason = BacktrackingCheck.reason(in: source) { throw .backtracking(reason) }
        self.source = source
        self.compiled = Compiled(source: source, regex: regex)
    }

    /// A pattern that ``init(_:)`` accepted before, compiled on its first use: one of a runbook
    /// built into Triage, whose patterns were checked when Triage was built.
    public init(compilingOnFirstUse source: String) {
        self.source = source
        self.compiled = Compiled(source: source, regex: nil)
    }

    /// The first match in `text`: its first capture group when it has one, else the whole match.
    public func firstCapture(in text: Substring) -> Substring? {
        guard let match = try? compiled.regex?.firstMatch(in: text) else { return nil }
        if match.output.count > 1, let group = match.output[1].substring { return group }
        return match.output[0].substring
    }

    /// Whether the pattern matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        (try? compiled.regex?.firstMatch(in: text)) != nil
    }

    /// Whether the pattern matches the whole of `text`.
    public func matchesWhole(_ text: String) -> Bool {
        (try? compiled.regex?.wholeMatch(in: text)) != nil
    }

    /// The text as written.
    public var description: String { source }

    /// Two are the same when they are written the same.
    public static func == (lhs: Pattern, rhs: Pattern) -> Bool { lhs.source == rhs.source }

    /// Hashes the text as written.
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// Decodes the text as written, compiling it again.
    public init(from decoder: any Decoder) throws {
        let source = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(source)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "the pattern \(error)"))
        }
    }

    /// Encodes the text as written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(source)
    }

    /// The compiled expression, compiled on first use when it was not at hand; matching does not
    /// change it, so sharing it across tasks is safe.
    private final class Compiled: @unchecked Sendable {
        private let source: String
        private let lock = Mutex(())
        /// Guarded by `lock`: nil until compiled, then the expression (nil inside if it failed).
        private var compiled: Regex<AnyRegexOutput>??

        init(source: String, regex: Regex<AnyRegexOutput>?) {
            self.source = source
            compiled = regex.map { .some($0) }
        }

        /// The expression; nil only if the text no longer compiles, which the check at build time rules out.
        var regex: Regex<AnyRegexOutput>? {
            var regex: Regex<AnyRegexOutput>?
            lock.withLock { _ in
                if compiled == nil { compiled = .some(try? Regex(source)) }
                regex = compiled ?? nil
            }
            return regex
        }
    }
}
