import Foundation
import TriageEngine
import TriageModel
import TriageRunbooks

/// Finds and loads the runbooks and scenarios: the composition root's data side.
struct Workspace {
    var runbookPaths: [String]
    var scenarioPaths: [String]

    /// The validator every command uses, knowing the parsers the engine ships.
    static let validator = RunbookValidator(parsers: ParserCatalog.standard.signatures)

    /// The folders named by the options, else `TRIAGE_HOME`, the current folder, or the folders
    /// above the executable (a checkout's `.build/debug/triage` finds the checkout's own).
    init(_ options: LibraryOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let root = Self.dataRoot(environment: environment)
        runbookPaths = [options.runbooks ?? root.map { $0 + "/Runbooks" } ?? "Runbooks"]
        scenarioPaths = [options.scenarios ?? root.map { $0 + "/Scenarios" } ?? "Scenarios"]
    }

    /// Loads everything; problems in single files are returned beside what did load.
    func load() -> (Library, [RunbookDiagnostic]) {
        LibraryLoader(validator: Self.validator).load(runbookPaths: runbookPaths, scenarioPaths: scenarioPaths)
    }

    /// The scenario whose file is named after `id` (`Scenarios/ID.yaml`) with the runbooks alone,
    /// without reading every other scenario; nil when there is no such file, or it holds another id.
    func loadScenarioAndRunbooks(_ id: String) -> (Library, Scenario)? {
        let loader = LibraryLoader(validator: Self.validator)
        let files = scenarioPaths.flatMap { folder in [".yaml", ".yml"].map { folder + "/" + id + $0 } }
        guard ValueFormat.dns1123Label.problem(with: id) == nil,
              let file = files.first(where: { FileManager.default.fileExists(atPath: $0) }),
              case .success(let scenario) = loader.loadScenario(file), scenario.id == id else { return nil }
        let (library, problems) = loader.load(runbookPaths: runbookPaths, scenarioPaths: [])
        for problem in problems { FileHandle.standardError.write(Data("warning: \(problem.description)\n".utf8)) }
        return (library, scenario)
    }

    /// Loads everything, printing problems to standard error as warnings.
    func loadReportingProblems() -> Library {
        let (library, problems) = load()
        for problem in problems { FileHandle.standardError.write(Data("warning: \(problem.description)\n".utf8)) }
        return library
    }

    private static func dataRoot(environment: [String: String]) -> String? {
        if let home = environment["TRIAGE_HOME"], !home.isEmpty { return home }
        let manager = FileManager.default
        if manager.fileExists(atPath: manager.currentDirectoryPath + "/Runbooks") { return manager.currentDirectoryPath }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            if manager.fileExists(atPath: folder.appendingPathComponent("Runbooks").path) { return folder.path }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}
