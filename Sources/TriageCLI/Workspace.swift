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
        let shelves = layers.map(shelf)
        let loader = LibraryLoader(validator: Self.validator, shared: shelves.flatMap(\.sharedTexts))
        var catalogue = Catalogue()
        var problems: [RunbookDiagnostic] = []
        for (layer, shelf) in zip(layers, shelves) {
            let (library, found) = loader.load(shelf)
            problems += found
            Self.merge(
                library.runbooks, id: \.id, file: { $0.location?.file }, from: layer.origin,
                into: &catalogue.library.runbooks, sources: &catalogue.runbookSources)
            Self.merge(
                library.scenarios, id: \.id, file: { $0.location?.file }, from: layer.origin,
                into: &catalogue.library.scenarios, sources: &catalogue.scenarioSources)
        }
        return (catalogue, problems)
    }

    /// The shared snippets files of every layer, the first layer's first: what a runbook's
    /// `imports:` can name.
    var sharedSnippets: [SourceText] {
        layers.map(shelf).flatMap(\.sharedTexts)
    }

    /// The files of one layer, read but not decoded.
    private func shelf(_ layer: Layer) -> LibraryShelf {
        if layer.origin == .builtIn {
            return LibraryShelf(embeddedRunbooks: BuiltIns.runbooks, scenarios: BuiltIns.scenarios, shared: BuiltIns.sharedSnippets)
        }
        let wanted = { (path: String?) in
            path.map { layer.origin == .option || FileManager.default.fileExists(atPath: $0) ? [$0] : [] } ?? []
        }
        return LibraryShelf(runbookPaths: wanted(layer.runbooks), scenarioPaths: wanted(layer.scenarios))
    }

    /// Every layer's files, each known by the id it declares and none decoded yet, for a command
    /// that needs one runbook or one scenario. A folder named by an option that does not exist
    /// is printed as a warning, unless `warning` is false (shell completion prints nothing).
    func index(warning: Bool = true) -> Index {
        let index = Index(shelves: layers.map(shelf))
        if warning { Self.warn(index.shelves.flatMap(\.problems)) }
        return index
    }

    /// The layers' files by id, the first layer winning; a lookup decodes only the file it
    /// returns, so a replay reads its scenario and its runbook and nothing else.
    struct Index {
        /// One shelf per layer, in the layers' order.
        var shelves: [LibraryShelf]
        /// Decodes a runbook with the shared snippets of every layer, the first layer winning.
        private let loader: LibraryLoader

        init(shelves: [LibraryShelf]) {
            self.shelves = shelves
            loader = LibraryLoader(validator: Workspace.validator, shared: shelves.flatMap(\.sharedTexts))
        }

        /// The runbook with this id.
        func runbook(_ id: String) -> Runbook? {
            first(\.runbooks, where: { $0.id == id }, load: loader.loadRunbook)
        }

        /// The scenario with this id, or from this file of a layer (a built-in one is named
        /// `Scenarios/ID.yaml`).
        func scenario(_ name: String) -> Scenario? {
            first(\.scenarios, where: { $0.id == name || $0.file == name }, load: loader.loadScenario)
        }

        /// Every runbook, the first layer winning for an id, and no scenario decoded: what `run`
        /// chooses among. A file that does not load is printed as a warning, and the next
        /// layer's runbook of that id is used.
        func runbooks() -> [Runbook] {
            var found: [Runbook] = []
            var ids: Set<String> = []
            for entry in shelves.flatMap(\.runbooks) where !(entry.id.map(ids.contains) ?? false) {
                switch loader.loadRunbook(entry) {
                case .success(let runbook) where ids.insert(runbook.id).inserted: found.append(runbook)
                case .success: continue
                case .failure(let error): Workspace.warn(error.diagnostics)
                }
            }
            return found
        }

        /// The ids of every scenario, each once, without decoding any.
        var scenarioIDs: [String] { ids(\.scenarios) }

        /// The ids of every runbook, each once, without decoding any.
        var runbookIDs: [String] { ids(\.runbooks) }

        private func ids(_ files: KeyPath<LibraryShelf, [LibraryShelf.Entry]>) -> [String] {
            var seen: Set<String> = []
            return shelves.flatMap { $0[keyPath: files] }.compactMap(\.id).filter { seen.insert($0).inserted }
        }

        /// The item of the first file, layer by layer, that `wanted` picks and that loads. A
        /// picked file that does not load, and a file whose id cannot be read without decoding
        /// it (which might have been the one), have their problems printed as warnings.
        private func first<Item>(
            _ files: KeyPath<LibraryShelf, [LibraryShelf.Entry]>, where wanted: (LibraryShelf.Entry) -> Bool,
            load: (LibraryShelf.Entry) -> Result<Item, RunbookLoadError>
        ) -> Item? {
            for shelf in shelves {
                for entry in shelf[keyPath: files] where entry.id == nil {
                    if case .failure(let error) = load(entry) { Workspace.warn(error.diagnostics) }
                }
                for entry in shelf[keyPath: files] where wanted(entry) {
                    switch load(entry) {
                    case .success(let item): return item
                    case .failure(let error): Workspace.warn(error.diagnostics)
                    }
                }
            }
            return nil
        }
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

    /// Loads everything, printing each problem to standard error with the file it keeps out.
    func loadReportingProblems() -> Catalogue {
        let (catalogue, problems) = load()
        Self.warn(problems)
        return catalogue
    }

    private static func warn(_ problems: [RunbookDiagnostic]) {
        for problem in problems { StandardStreams.writeError("\(problem.description) (that file is not loaded)\n") }
    }

    /// The runbooks and scenarios, each problem printed to standard error.
    func loadLibrary() -> Library {
        loadReportingProblems().library
    }
}
