import Foundation
import Testing

/// Every public declaration of the engine, the model and the runbook loader has a `///` summary
/// (issue 14 §5). A declaration is a line whose first word after its attributes is `public` or
/// `open`; the summary is the line above it, attributes between them allowed. An extension
/// declares nothing of its own.
struct DocumentationTests {
    static let modules = ["TriageEngine", "TriageModel", "TriageRunbooks"]
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    @Test(arguments: modules)
    func everyPublicDeclarationHasASummary(module: String) throws {
        let folder = Self.sources.appendingPathComponent(module)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(!files.isEmpty, "no sources in \(folder.path)")
        var undocumented: [String] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            undocumented += Self.undocumented(in: text).map { "Sources/\(module)/\(file):\($0.line): \($0.declaration)" }
        }
        #expect(undocumented.isEmpty, "public declarations without a /// summary:\n\(undocumented.joined(separator: "\n"))")
    }

    @Test func theCheckFindsWhatItShould() {
        let text = """
            /// A documented type.
            public struct Documented {
                /// A documented property.
                @available(*, deprecated) public var kept: Int
                public var bare: Int
                // An ordinary comment is no summary.
                public init() {}
                private var hidden: Int
            }

            public extension Documented {}
            @MainActor
            open class Bare {}
            """
        #expect(Self.undocumented(in: text).map(\.line) == [5, 7, 13])
    }

    /// The public declarations of a Swift text that lack a `///` line above them.
    static func undocumented(in text: String) -> [(line: Int, declaration: String)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var found: [(line: Int, declaration: String)] = []
        for (index, line) in lines.enumerated() where isPublicDeclaration(line) {
            var above = index - 1
            while above >= 0, lines[above].hasPrefix("@"), withoutAttributes(lines[above]).isEmpty { above -= 1 }
            if above < 0 || !lines[above].hasPrefix("///") { found.append((index + 1, line)) }
        }
        return found
    }

    /// `line` without the attributes it starts with.
    static func withoutAttributes(_ line: String) -> String {
        line.replacing(#/^(@\w+(\([^)]*\))?(\s+|$))*/#, with: "")
    }

    /// Whether `line`, after its attributes, declares something `public` or `open`.
    static func isPublicDeclaration(_ line: String) -> Bool {
        let words = withoutAttributes(line).split(separator: " ")
        guard let first = words.first, first == "public" || first == "open" else { return false }
        return words.dropFirst().first != "extension"
    }
}
