import TriageCommandSupport
import Foundation
import TriageBuiltIns
import TriageEngine
import TriageModel
import TriageRunbooks

/// Finds and loads the runbooks and scenarios: the composition root's data side.
///
/// They come from layers, the first one winning for an id: `--runbooks`/`--scenarios`, each
/// folder of `TRIAGE_PATH` (colon-separated), `$XDG_DATA_HOME/triage` (default
/// `~/.local/share/triage`), each folder of `$XDG_DATA_DIRS` + `/triage` (default `/usr/local/share`
/// and `/usr/share`), then the ones built into Triage. A data folder holds `runbooks/` and
/// `scenarios/`. Nothing is looked for in the current directory.
struct Workspace {
    /// Where a runbook or scenario comes from.
    enum Origin: String, Encodable {
        case option = "--runbooks/--scenarios"
        case environment = "TRIAGE_PATH"
        case user = "XDG_DATA_HOME"
        case system = "XDG_DATA_DIRS"
        case builtIn = "built-in"
    }

    /// One place runbooks and scenarios are read from.
    struct Layer {
        var origin: Origin
        /// The folder (or file) of runbooks; nil for the built-in ones.
        var runbooks: String?
        var scenarios: String?
    }

    /// Where one runbook or scenario came from, and what it hides.
    struct Source: Encodable {
        var origin: Origin
        var file: String
        /// The file of a runbook or scenario with the same id in a later layer, which this one overrides.
        var overrides: String?
    }

    /// Everything loaded, with where each item came from (by id).
    struct Catalogue {
        var library = Library(runbooks: [], scenarios: [])
        var runbookSources: [String: Source] = [:]
        var scenarioSources: [String: Source] = [:]
    }

    /// The layers, first one winning.
    var layers: [Layer]

    /// The validator every command uses, knowing the parsers the engine ships.
    static let validator = RunbookValidator(parsers: ParserCatalog.standard.signatures)

    init(_ options: LibraryOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        layers = []
        if options.runbooks != nil || options.scenarios != nil {
            layers.append(Layer(origin: .option, runbooks: options.runbooks, scenarios: options.scenarios))
        }
        let absolute = { (path: Substring) in path.hasPrefix("/") ? String(path) : nil }
        let triagePath = (environment["TRIAGE_PATH"] ?? "").split(separator: ":").compactMap(absolute)
        layers += triagePath.map { Self.dataLayer($0, .environment) }
        let home = environment["HOME"].flatMap { absolute(Substring($0)) }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { absolute(Substring($0)) } ?? home.map { $0 + "/.local/share" }
        if let dataHome { layers.append(Self.dataLayer(dataHome + "/triage", .user)) }
        let dataDirs = environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share"
        layers += dataDirs.split(separator: ":").compactMap(absolute).map { Self.dataLayer($0 + "/triage", .system) }
        layers.append(Layer(origin: .builtIn))
    }

    private static func dataLayer(_ folder: String, _ origin: Origin) -> Layer {
        Layer(origin: origin, runbooks: folder + "/runbooks", scenarios: folder + "/scenarios")
    }

    /// The places searched, for messages.
    var searched: String {
        layers.map { layer in
            layer.origin == .builtIn ? "the built-in ones" : [layer.runbooks, layer.scenarios].compactMap { $0 }.joined(separator: ", ")
        }.joined(separator: ", ")
    }

    /// Loads every layer; problems in single files are returned beside what did load. A folder of
    /// the data directories that does not exist is skipped; one named by an option is a problem.
    func load() -> (Catalogue, [RunbookDiagnostic]) {
        let loader = LibraryLoader(validator: Self.validator)
        var catalogue = Catalogue()
        var problems: [RunbookDiagnostic] = []
        for layer in layers {
            let (library, found): (Library, [RunbookDiagnostic])
            if layer.origin == .builtIn {
                (library, found) = loader.load(runbooks: BuiltIns.runbooks, scenarios: BuiltIns.scenarios)
            } else {
                let wanted = { (path: String?) in
                    path.map { layer.origin == .option || FileManager.default.fileExists(atPath: $0) ? [$0] : [] } ?? []
                }
                (library, found) = loader.load(runbookPaths: wanted(layer.runbooks), scenarioPaths: wanted(layer.scenarios))
            }
            problems += found
            Self.merge(library.runbooks, id: \.id, file: { $0.location?.file }, from: layer.origin,
                       into: &catalogue.library.runbooks, sources: &catalogue.runbookSources)
            Self.merge(library.scenarios, id: \.id, file: { $0.location?.file }, from: layer.origin,
                       into: &catalogue.library.scenarios, sources: &catalogue.scenarioSources)
        }
        return (catalogue, problems)
    }

    /// Adds the items of a lower layer whose ids are not taken; an item that is already there
    /// records the first file it overrides.
    private static func merge<Item>(
        _ items: [Item], id: (Item) -> String, file: (Item) -> String?, from origin: Origin,
        into kept: inout [Item], sources: inout [String: Source]
    ) {
        for item in items {
            let key = id(item)
            if let higher = sources[key] {
                if higher.overrides == nil { sources[key]?.overrides = file(item) }
                continue
            }
            kept.append(item)
            sources[key] = Source(origin: origin, file: file(item) ?? "")
        }
    }

    /// Loads everything, printing problems to standard error as warnings.
    func loadReportingProblems() -> Catalogue {
        let (catalogue, problems) = load()
        for problem in problems { StandardStreams.writeError("warning: \(problem.description)\n") }
        return catalogue
    }

    /// The runbooks and scenarios, problems printed to standard error as warnings.
    func loadLibrary() -> Library {
        loadReportingProblems().library
    }
}
