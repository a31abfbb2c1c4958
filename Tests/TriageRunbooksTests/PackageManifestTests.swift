import Foundation
import Testing
import TriageJSON
import TriageTestSupport

/// Every file in a target's folder is one SwiftPM knows what to do with: a source, or a path the
/// manifest declares as a resource or excludes. Any other file makes every build print "found N
/// file(s) which are unhandled". The manifest is read as SwiftPM reads it (`swift package
/// dump-package`), not by pattern.
struct PackageManifestTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// What SwiftPM compiles in a Swift target.
    static let sourceExtensions: Set<String> = ["swift"]

    @Test func everyFileOfATargetIsASourceOrDeclared() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("triage-manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let json = try ExternalTool.run(["swift", "package", "--scratch-path", scratch.path, "dump-package"], in: Self.root)
        let manifest = try JSONValue.parse(json)
        let targets = try #require(manifest["targets"]).elements
        #expect(targets.count > 10, "the manifest lists too few targets to be this package's")
        var unhandled: [String] = []
        for target in targets {
            guard let name = target["name"]?.string, let type = target["type"]?.string, type != "system" else { continue }
            unhandled += try Self.unhandledFiles(of: target, name: name, type: type)
        }
        let listed = unhandled.joined(separator: "\n")
        #expect(unhandled.isEmpty, "files neither sources nor declared (add them to the target's 'exclude:' or 'resources:'):\n\(listed)")
    }

    @Test func theCheckFindsAnUndeclaredFile() throws {
        let target = try JSONValue.parse(#"{"name": "TriageKubernetesTests", "type": "test", "exclude": [], "resources": []}"#)
        let found = try Self.unhandledFiles(of: target, name: "TriageKubernetesTests", type: "test")
        #expect(found.contains { $0.hasPrefix("Tests/TriageKubernetesTests/Fixtures/") && $0.hasSuffix(".json") })
    }

    /// The files under the target's folder that are not sources and not under an excluded or
    /// resource path, relative to the package.
    static func unhandledFiles(of target: JSONValue, name: String, type: String) throws -> [String] {
        let folder: String
        switch type {
        case "test": folder = target["path"]?.string ?? "Tests/\(name)"
        case "plugin": folder = target["path"]?.string ?? "Plugins/\(name)"
        default: folder = target["path"]?.string ?? "Sources/\(name)"
        }
        let declared = (target["exclude"]?.elements ?? []).compactMap(\.string) + (target["resources"]?.elements ?? []).compactMap { $0["path"]?.string }
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var unhandled: [String] = []
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base.appendingPathComponent(relative).path, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            let covered = declared.contains { relative == $0 || relative.hasPrefix($0 + "/") }
            if !covered && !sourceExtensions.contains((relative as NSString).pathExtension) { unhandled.append("\(folder)/\(relative)") }
        }
        return unhandled.sorted()
    }
}
