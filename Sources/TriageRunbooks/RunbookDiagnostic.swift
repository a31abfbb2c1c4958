import Foundation
import TriageModel

/// One problem found in a runbook or scenario file, at the place it was found.
public struct RunbookDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

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
    public var diagnostics: [RunbookDiagnostic]

    public init(diagnostics: [RunbookDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errorDescription: String? {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
