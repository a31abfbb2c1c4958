import TriageArchive
import TriageModel

/// A runbook or scenario built into Triage: decoded, snippet-expanded and validated when Triage
/// was built (see ``BuiltInArchive``), and kept as an archive of the model, which loads without
/// reading YAML.
public struct EmbeddedFile: Sendable {
    /// The id it declares.
    public let id: String
    /// The file it was built from, e.g. `Runbooks/ID.yaml`.
    public let file: String
    /// The archive of the decoded `Runbook` or `Scenario`.
    public let archive: StaticString

    /// The file `file` of id `id`, archived as `archive`.
    public init(id: String, file: String, archive: StaticString) {
        self.id = id
        self.file = file
        self.archive = archive
    }

    /// The value `read` reads from the archive, or a problem at the start of the file when the
    /// archive does not read (which only a damaged build can cause).
    func load<T>(_ read: (inout ArchiveReader) throws(ArchiveError) -> T) -> Result<T, RunbookLoadError> {
        do throws(ArchiveError) {
            return .success(try ArchiveReader.read(archive, read))
        } catch {
            let location = SourceLocation(file: file, line: 1, column: 1)
            return .failure(
                RunbookLoadError(diagnostics: [
                    RunbookDiagnostic(location: location, message: "the copy built into Triage does not load (\(error)); rebuild Triage")
                ]))
        }
    }
}

/// What the build does with the shipped `Runbooks/` and `Scenarios/`: loads them with the decoder
/// and validator every command uses, and archives each model for ``EmbeddedFile``. A problem in
/// any of them is a problem of the build, at its file:line:column.
public enum BuiltInArchive {
    /// One runbook or scenario, archived.
    public struct Item: Sendable, Equatable {
        /// The id it declares.
        public var id: String
        /// The file it was built from.
        public var file: String
        /// The archive of its model: valid UTF-8, for a string literal.
        public var archive: String
    }

    /// What the build compiles in.
    public struct Contents: Sendable {
        /// The archives of the runbooks, in the order given.
        public var runbooks: [Item]
        /// The archives of the scenarios, in the order given.
        public var scenarios: [Item]
        /// The texts of the shared snippets files among the runbook files, for runbooks that
        /// import them at run time.
        public var shared: [SourceText]
    }

    /// The archives of `runbooks` (shared snippets files among them) and `scenarios`, or every
    /// problem found in them (a duplicated id included).
    public static func make(runbooks: [SourceText], scenarios: [SourceText], validator: RunbookValidator) -> Result<Contents, RunbookLoadError> {
        let shelf = LibraryShelf(runbooks: runbooks, scenarios: scenarios)
        let (library, problems) = LibraryLoader(validator: validator).load(shelf)
        guard problems.isEmpty else { return .failure(RunbookLoadError(diagnostics: problems)) }
        func archive(_ write: (inout ArchiveWriter) -> Void) -> String {
            var writer = ArchiveWriter()
            write(&writer)
            return writer.text
        }
        return .success(
            Contents(
                runbooks: library.runbooks.map { runbook in Item(id: runbook.id, file: runbook.location?.file ?? "", archive: archive { $0.write(runbook) }) },
                scenarios: library.scenarios.map { scenario in
                    Item(id: scenario.id, file: scenario.location?.file ?? "", archive: archive { $0.write(scenario) })
                },
                shared: shelf.sharedTexts))
    }
}
