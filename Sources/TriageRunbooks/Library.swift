import Foundation
import TriageArchive
import TriageModel
import Yams

/// The runbooks and scenarios found in a set of files and folders.
public struct Library: Sendable {
    /// The runbooks, in the order they were loaded.
    public var runbooks: [Runbook]
    /// The scenarios, in the order they were loaded.
    public var scenarios: [Scenario]

    /// Creates a `Library` from its fields.
    public init(runbooks: [Runbook], scenarios: [Scenario]) {
        self.runbooks = runbooks
        self.scenarios = scenarios
    }

    /// The runbook with this id.
    public func runbook(_ id: String) -> Runbook? {
        runbooks.first { $0.id == id }
    }

    /// The scenario with this id, or loaded from this path.
    public func scenario(_ idOrPath: String) -> Scenario? {
        scenarios.first { $0.id == idOrPath || $0.location?.file == idOrPath }
    }
}

/// The text of a runbook or scenario file, and the file name its problems point at.
public struct SourceText: Sendable, Equatable {
    /// The file, e.g. `Runbooks/ID.yaml`.
    public var file: String
    /// Its content.
    public var text: String

    /// A text named `file`.
    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }
}

/// The runbook and scenario files of one place, each known by the id it declares and decoded
/// only when asked for: a command that needs one runbook and one scenario decodes those two.
public struct LibraryShelf: Sendable {
    /// A file of the shelf and the id it declares.
    public struct Entry: Sendable {
        /// The top-level `id:` of the file (`shared:` of a shared snippets file); nil when it
        /// cannot be read without decoding the file (decoding says what is wrong).
        public let id: String?
        /// The file its problems point at.
        public let file: String
        let content: Content
        /// Whether it is a shared snippets file rather than a runbook.
        let isShared: Bool

        /// What the entry is loaded from.
        enum Content: Sendable {
            /// The YAML text of a file, or why it could not be read.
            case text(Result<String, RunbookLoadError>)
            /// A model built into Triage, checked when Triage was built.
            case embedded(EmbeddedFile)
        }

        init(file: String, text: Result<String, RunbookLoadError>) {
            self.file = file
            self.content = .text(text)
            let declared = try? text.map(DeclaredID.declared).get()
            self.id = declared?.value
            self.isShared = declared?.key == SharedSnippets.topKey
        }

        init(embedded: EmbeddedFile) {
            self.file = embedded.file
            self.content = .embedded(embedded)
            self.id = embedded.id
            self.isShared = false
        }

        /// The YAML text, or why it could not be read; nil for a model built into Triage.
        var text: Result<String, RunbookLoadError>? {
            if case .text(let text) = content { text } else { nil }
        }
    }

    /// The runbook files, in the order a full load reads them.
    public let runbooks: [Entry]
    /// The shared snippets files among the runbook files, which runbooks import.
    public let shared: [Entry]
    /// The scenario files, in the same order.
    public let scenarios: [Entry]
    /// A folder or file named that does not exist.
    public let problems: [RunbookDiagnostic]

    /// Every `.yaml`/`.yml` file under the runbook and scenario folders, read but not decoded.
    public init(runbookPaths: [String], scenarioPaths: [String]) {
        var problems: [RunbookDiagnostic] = []
        let entries = LibraryLoader.yamlFiles(in: runbookPaths, diagnostics: &problems).map { Entry(file: $0, text: LibraryLoader.read($0)) }
        runbooks = entries.filter { !$0.isShared }
        shared = entries.filter(\.isShared)
        scenarios = LibraryLoader.yamlFiles(in: scenarioPaths, diagnostics: &problems).map { Entry(file: $0, text: LibraryLoader.read($0)) }
        self.problems = problems
    }

    /// Texts already at hand (the shipped ones, as the build reads them).
    public init(runbooks: [SourceText], scenarios: [SourceText]) {
        let entries = runbooks.map { Entry(file: $0.file, text: .success($0.text)) }
        self.runbooks = entries.filter { !$0.isShared }
        self.shared = entries.filter(\.isShared)
        self.scenarios = scenarios.map { Entry(file: $0.file, text: .success($0.text)) }
        problems = []
    }

    /// The runbooks and scenarios built into Triage, and the texts of the shared snippets files
    /// they were built with, which other runbooks may import.
    public init(embeddedRunbooks runbooks: [EmbeddedFile], scenarios: [EmbeddedFile], shared: [SourceText]) {
        self.runbooks = runbooks.map(Entry.init(embedded:))
        self.scenarios = scenarios.map(Entry.init(embedded:))
        self.shared = shared.map { Entry(file: $0.file, text: .success($0.text)) }
        problems = []
    }

    /// The texts of its shared snippets files that could be read.
    public var sharedTexts: [SourceText] {
        shared.compactMap { entry in (try? entry.text?.get()).map { SourceText(file: entry.file, text: $0) } }
    }
}

/// Reads runbook and scenario files from disk, decoding and validating each, or the ones built
/// into Triage from their archives.
public struct LibraryLoader: Sendable {
    /// Runbook files larger than this are refused rather than parsed.
    public static let maximumFileSize = 8 * 1024 * 1024

    /// Checks each runbook once it is decoded.
    public var validator: RunbookValidator
    /// The shared snippets files a runbook may import, besides those on its own shelf; the first
    /// of a name wins.
    public var shared: [SourceText]

    /// Creates a `LibraryLoader` from its fields.
    public init(validator: RunbookValidator, shared: [SourceText] = []) {
        self.validator = validator
        self.shared = shared
    }

    /// Loads every `.yaml`/`.yml` file under the runbook and scenario folders. A file that fails to
    /// load is reported, and the rest still load.
    public func load(runbookPaths: [String], scenarioPaths: [String]) -> (Library, [RunbookDiagnostic]) {
        load(LibraryShelf(runbookPaths: runbookPaths, scenarioPaths: scenarioPaths))
    }

    /// Decodes every file of a shelf; of two with one id, the first is kept and the second reported.
    /// A shared snippets file is checked on its own, and each problem in one is reported once.
    public func load(_ shelf: LibraryShelf) -> (Library, [RunbookDiagnostic]) {
        var diagnostics = shelf.problems
        var runbooks: [Runbook] = []
        var scenarios: [Scenario] = []
        var loader = self
        loader.shared = shelf.sharedTexts + shared
        for entry in shelf.shared {
            switch entry.text {
            case .success(let text)?: diagnostics += SharedSnippets.check(text, file: entry.file)
            case .failure(let error)?: diagnostics += error.diagnostics
            case nil: continue
            }
        }
        for entry in shelf.runbooks {
            switch loader.loadRunbook(entry) {
            case .success(let runbook):
                if let existing = runbooks.first(where: { $0.id == runbook.id }) {
                    diagnostics.append(
                        RunbookDiagnostic(
                            location: runbook.location ?? Self.start(of: entry.file),
                            message: "runbook id '\(runbook.id)' is also used by \(existing.location?.file ?? "another file")"))
                } else {
                    runbooks.append(runbook)
                }
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        for entry in shelf.scenarios {
            switch loadScenario(entry) {
            case .success(let scenario):
                if let existing = scenarios.first(where: { $0.id == scenario.id }) {
                    diagnostics.append(
                        RunbookDiagnostic(
                            location: scenario.location ?? Self.start(of: entry.file),
                            message: "scenario id '\(scenario.id)' is also used by \(existing.location?.file ?? "another file")"))
                } else {
                    scenarios.append(scenario)
                }
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        var seen: Set<RunbookDiagnostic> = []
        return (Library(runbooks: runbooks, scenarios: scenarios), diagnostics.filter { seen.insert($0).inserted })
    }

    /// Loads files and folders of either kind, telling runbooks (a `nodes` key) from scenarios
    /// (an `expect` key) by their content.
    public func load(paths: [String]) -> (Library, [RunbookDiagnostic]) {
        var diagnostics: [RunbookDiagnostic] = []
        var runbookFiles: [String] = []
        var scenarioFiles: [String] = []
        for file in Self.yamlFiles(in: paths, diagnostics: &diagnostics) {
            switch Self.read(file).map(Self.kind(of:)) {
            case .success(.runbook): runbookFiles.append(file)
            case .success(.scenario): scenarioFiles.append(file)
            case .success(nil):
                diagnostics.append(
                    RunbookDiagnostic(location: Self.start(of: file), message: "neither a runbook (no 'nodes' key) nor a scenario (no 'expect' key)"))
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        let (library, problems) = load(runbookPaths: runbookFiles, scenarioPaths: scenarioFiles)
        return (library, diagnostics + problems)
    }

    private enum FileKind { case runbook, scenario }

    /// Anchors, aliases and oversized files are left for the runbook decoder to report.
    private static func kind(of text: String) -> FileKind? {
        guard YAMLTokenScan.refusal(in: text, valueBudget: YAMLReader.valueBudget) == nil,
            case .mapping(let mapping)? = try? Yams.compose(yaml: text, YAMLReader.resolver)
        else { return .runbook }
        if mapping["nodes"] != nil || mapping[Yams.Node(SharedSnippets.topKey)] != nil { return .runbook }
        if mapping["expect"] != nil || mapping["commands"] != nil { return .scenario }
        return nil
    }

    /// Decodes and validates the runbook of a shelf's entry; one built into Triage was validated
    /// when Triage was built, with the shared snippets it was built with, and is read from its
    /// archive.
    public func loadRunbook(_ entry: LibraryShelf.Entry) -> Result<Runbook, RunbookLoadError> {
        switch entry.content {
        case .text(let text): text.flatMap { RunbookDecoder.load($0, file: entry.file, validator: validator, shared: shared) }
        case .embedded(let file): file.load { reader throws(ArchiveError) in try reader.runbook() }
        }
    }

    /// Decodes the scenario of a shelf's entry.
    public func loadScenario(_ entry: LibraryShelf.Entry) -> Result<Scenario, RunbookLoadError> {
        switch entry.content {
        case .text(let text): text.flatMap { ScenarioDecoder.decode($0, file: entry.file) }
        case .embedded(let file): file.load { reader throws(ArchiveError) in try reader.scenario() }
        }
    }

    /// Decodes and validates one runbook file.
    public func loadRunbook(_ file: String) -> Result<Runbook, RunbookLoadError> {
        Self.read(file).flatMap { text in
            RunbookDecoder.load(text, file: file, validator: validator, shared: shared)
        }
    }

    /// Decodes one scenario file.
    public func loadScenario(_ file: String) -> Result<Scenario, RunbookLoadError> {
        Self.read(file).flatMap { ScenarioDecoder.decode($0, file: file) }
    }

    static func read(_ file: String) -> Result<String, RunbookLoadError> {
        let fail = { (message: String) in
            Result<String, RunbookLoadError>.failure(RunbookLoadError(diagnostics: [RunbookDiagnostic(location: start(of: file), message: message)]))
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return fail("cannot read the file: it does not exist or is not readable")
        }
        if data.count > maximumFileSize { return fail("the file is \(data.count) bytes; runbooks and scenarios are limited to \(maximumFileSize)") }
        guard let text = String(data: data, encoding: .utf8) else {
            let (location, byte) = firstInvalidUTF8(in: data, file: file)
            return .failure(
                RunbookLoadError(diagnostics: [
                    RunbookDiagnostic(
                        location: location, message: "the file is not UTF-8 text: the byte 0x\(String(byte, radix: 16, uppercase: true)) here is not UTF-8")
                ]))
        }
        return .success(text)
    }

    /// Where the first byte that is not UTF-8 is (its line, and its column counted in characters),
    /// and that byte.
    static func firstInvalidUTF8(in data: Data, file: String) -> (SourceLocation, UInt8) {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0, line = 1, column = 1
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (SourceLocation(file: file, line: line, column: column), offset < data.count ? data[data.startIndex + offset] : 0)
    }

    private static func start(of file: String) -> SourceLocation {
        SourceLocation(file: file, line: 1, column: 1)
    }

    /// The YAML files a list of paths names: files as given, folders searched (sorted, not recursive into hidden folders).
    static func yamlFiles(in paths: [String], diagnostics: inout [RunbookDiagnostic]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(RunbookDiagnostic(location: start(of: path), message: "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let entries = (FileManager.default.subpaths(atPath: path) ?? []).filter { entry in
                (entry.hasSuffix(".yaml") || entry.hasSuffix(".yml")) && !entry.split(separator: "/").contains { $0.hasPrefix(".") }
            }
            files += entries.sorted().map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }
}
