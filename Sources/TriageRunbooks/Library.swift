import Foundation
import TriageModel
import Yams

/// The runbooks and scenarios found in a set of files and folders.
public struct Library: Sendable {
    public var runbooks: [Runbook]
    public var scenarios: [Scenario]

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
    /// The file, e.g. `Runbooks/image-pull-backoff.yaml`.
    public var file: String
    /// Its content.
    public var text: String

    /// A text named `file`.
    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }
}

/// Reads runbook and scenario files from disk, or texts built into Triage, decoding and
/// validating each.
public struct LibraryLoader: Sendable {
    /// Runbook files larger than this are refused rather than parsed.
    public static let maximumFileSize = 8 * 1024 * 1024

    public var validator: RunbookValidator

    public init(validator: RunbookValidator) {
        self.validator = validator
    }

    /// Loads every `.yaml`/`.yml` file under the runbook and scenario folders. A file that fails to
    /// load is reported, and the rest still load.
    public func load(runbookPaths: [String], scenarioPaths: [String]) -> (Library, [RunbookDiagnostic]) {
        var diagnostics: [RunbookDiagnostic] = []
        let runbookFiles = Self.yamlFiles(in: runbookPaths, diagnostics: &diagnostics)
        let scenarioFiles = Self.yamlFiles(in: scenarioPaths, diagnostics: &diagnostics)
        let (library, problems) = load(runbooks: runbookFiles.map { ($0, Self.read($0)) }, scenarios: scenarioFiles.map { ($0, Self.read($0)) })
        return (library, diagnostics + problems)
    }

    /// Loads runbooks and scenarios whose texts are already at hand (the ones built into
    /// Triage), each named by the file its problems point at.
    public func load(runbooks: [SourceText], scenarios: [SourceText]) -> (Library, [RunbookDiagnostic]) {
        load(runbooks: runbooks.map { ($0.file, .success($0.text)) }, scenarios: scenarios.map { ($0.file, .success($0.text)) })
    }

    private func load(
        runbooks runbookTexts: [(file: String, text: Result<String, RunbookLoadError>)],
        scenarios scenarioTexts: [(file: String, text: Result<String, RunbookLoadError>)]
    ) -> (Library, [RunbookDiagnostic]) {
        var diagnostics: [RunbookDiagnostic] = []
        var runbooks: [Runbook] = []
        var scenarios: [Scenario] = []
        for (file, text) in runbookTexts {
            switch text.flatMap({ RunbookDecoder.load($0, file: file, validator: validator) }) {
            case .success(let runbook):
                if let existing = runbooks.first(where: { $0.id == runbook.id }) {
                    diagnostics.append(RunbookDiagnostic(location: runbook.location ?? Self.start(of: file), message: "runbook id '\(runbook.id)' is also used by \(existing.location?.file ?? "another file")"))
                } else {
                    runbooks.append(runbook)
                }
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        for (file, text) in scenarioTexts {
            switch text.flatMap({ ScenarioDecoder.decode($0, file: file) }) {
            case .success(let scenario):
                if let existing = scenarios.first(where: { $0.id == scenario.id }) {
                    diagnostics.append(RunbookDiagnostic(location: scenario.location ?? Self.start(of: file), message: "scenario id '\(scenario.id)' is also used by \(existing.location?.file ?? "another file")"))
                } else {
                    scenarios.append(scenario)
                }
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        return (Library(runbooks: runbooks, scenarios: scenarios), diagnostics)
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
                diagnostics.append(RunbookDiagnostic(location: Self.start(of: file), message: "neither a runbook (no 'nodes' key) nor a scenario (no 'expect' key)"))
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
              case .mapping(let mapping)? = try? Yams.compose(yaml: text) else { return .runbook }
        if mapping["nodes"] != nil { return .runbook }
        if mapping["expect"] != nil || mapping["commands"] != nil { return .scenario }
        return nil
    }

    /// Decodes and validates one runbook file.
    public func loadRunbook(_ file: String) -> Result<Runbook, RunbookLoadError> {
        Self.read(file).flatMap { text in
            RunbookDecoder.load(text, file: file, validator: validator)
        }
    }

    /// Decodes one scenario file.
    public func loadScenario(_ file: String) -> Result<Scenario, RunbookLoadError> {
        Self.read(file).flatMap { ScenarioDecoder.decode($0, file: file) }
    }

    private static func read(_ file: String) -> Result<String, RunbookLoadError> {
        let fail = { (message: String) in Result<String, RunbookLoadError>.failure(RunbookLoadError(diagnostics: [RunbookDiagnostic(location: start(of: file), message: message)])) }
        guard let data = FileManager.default.contents(atPath: file) else {
            return fail("cannot read the file: it does not exist or is not readable")
        }
        if data.count > maximumFileSize { return fail("the file is \(data.count) bytes; runbooks and scenarios are limited to \(maximumFileSize)") }
        guard let text = String(data: data, encoding: .utf8) else { return fail("the file is not UTF-8 text") }
        return .success(text)
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
