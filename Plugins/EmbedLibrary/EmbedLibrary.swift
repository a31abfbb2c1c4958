import Foundation
import PackagePlugin

/// Generates the Swift source that carries the package's `Runbooks/` and `Scenarios/` inside the
/// target it is applied to, so that one installed `triage` file has its built-in runbooks and
/// scenarios: `triage-embed` loads and validates them as every command would, and writes the
/// archive of each decoded model. The YAML files are the command's inputs: editing, adding or
/// removing one rebuilds it, and a problem in one fails the build at its file:line:column.
@main
struct EmbedLibrary: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let inputs = ["Runbooks", "Scenarios"].flatMap { folder -> [URL] in
            let directory = root.appending(path: folder)
            let entries = FileManager.default.subpaths(atPath: directory.path) ?? []
            return
                entries
                .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .sorted()
                .map { directory.appending(path: $0) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInTexts.swift")
        return [
            .buildCommand(
                displayName: "Checking and embedding \(inputs.count) built-in runbooks and scenarios",
                executable: try context.tool(named: "triage-embed").url,
                arguments: [root.path, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
