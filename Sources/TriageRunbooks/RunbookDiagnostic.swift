import Foundation
import TriageModel

/// One problem found in a runbook or scenario file, at the place it was found.
public struct RunbookDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong and what was expected.
    public var message: String

    /// Creates a `RunbookDiagnostic` from its fields.
    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// `file:line:column: error: message`, as compilers print it, with control characters (from a
    /// file's name or text) made visible.
    public var description: String { VisibleText.escapingControls("\(location): error: \(message)") }
}

/// Loading failed; every problem found is listed, not only the first.
public struct RunbookLoadError: LocalizedError, Sendable {
    /// Every problem found, in file order.
    public var diagnostics: [RunbookDiagnostic]

    /// Creates a `RunbookLoadError` from its fields.
    public init(diagnostics: [RunbookDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Every problem, one `file:line:column: error: message` per line.
    public var errorDescription: String? {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
