import Foundation
import Testing
import TriageJSON
import TriageTestSupport

/// Golden files in `Golden/`: `TRIAGE_RECORD_GOLDEN=1 swift test --filter Golden` rewrites them
/// and fails the run, so that a recording is never mistaken for a pass.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    /// The golden folder as the built binary, run in the package root, is given it.
    static let relativeFolder = "Tests/TriageCLITests/Golden"

    /// Checks `text` against the golden file `name`, or records it there.
    static func check(_ text: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TRIAGE_RECORD_GOLDEN"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); run again without TRIAGE_RECORD_GOLDEN to check it", sourceLocation: sourceLocation)
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(text == golden, "\(name) differs; if the change is meant, record it again", sourceLocation: sourceLocation)
    }

    /// The shape of a JSON document, one line per path: its members' names and its values'
    /// kinds (the kinds of an array's elements merged), so that renaming, dropping or retyping a
    /// field shows while the values, which come from runbooks and clusters, may change. The
    /// members of the objects at `maps` are data (fact names, inputs), merged like elements as `*`.
    static func shape(of json: String, maps: Set<String> = []) throws -> String {
        var kinds: [String: Set<String>] = [:]
        func walk(_ value: JSONValue, at path: String) {
            switch value {
            case .object(let members):
                kinds[path, default: []].insert("object")
                for member in members { walk(member.value, at: "\(path).\(maps.contains(path) ? "*" : member.key)") }
            case .array(let elements):
                kinds[path, default: []].insert("array")
                for element in elements { walk(element, at: "\(path)[]") }
            case .string: kinds[path, default: []].insert("string")
            case .number: kinds[path, default: []].insert("number")
            case .bool: kinds[path, default: []].insert("bool")
            case .null: kinds[path, default: []].insert("null")
            }
        }
        walk(try JSONValue.parse(json), at: "")
        return kinds.keys.sorted().map { "\($0.isEmpty ? "." : $0): \(kinds[$0, default: []].sorted().joined(separator: "|"))\n" }.joined()
    }
}

/// Lint output, a transcript and the JSON of `run`, `diagnose` and `scan` against golden files.
/// The runbook and scenario they use live in `Golden/`, so that editing a shipped runbook's prose
/// does not change them; the JSON goldens hold shapes, not values.
@Suite(.serialized)
struct OutputGoldenTests {
    @Test(arguments: [("lint", "lint-problems"), ("library", "lint-library")])
    func lintOutput(folder: String, golden: String) throws {
        let path = "\(Golden.relativeFolder)/\(folder)"
        let text = try TriageBinary.run(["lint", path])
        #expect(text.status == (folder == "lint" ? 1 : 0), "\(text.stdout)\(text.stderr)")
        try Golden.check(text.stdout, against: "\(golden).txt")
        let json = try TriageBinary.run(["lint", path, "-o", "json"])
        try Golden.check(json.stdout, against: "\(golden).json")
    }

    @Test func aReplayTranscript() throws {
        let directory = try LabDirectory("transcript")
        defer { directory.remove() }
        let transcript = directory.path("session.md")
        let library = ["--runbooks", "\(Golden.relativeFolder)/library/runbooks", "--scenarios", "\(Golden.relativeFolder)/library/scenarios"]
        let run = try TriageBinary.run(["replay", "evicted-web", "--transcript", transcript.path] + library, input: "\nquit\n")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let text = try String(contentsOf: transcript, encoding: .utf8)
        let started = try #require(text.split(separator: "\n").first { $0.hasPrefix("- started: ") })
        try Golden.check(text.replacingOccurrences(of: started, with: "- started: TIME"), against: "transcript-evicted-web.md")
    }

    @Test func diagnoseJSONShape() throws {
        let run = try TriageBinary.run(["diagnose", "Scenarios/nginx-tag-typo.yaml", "-o", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        try Golden.check(try Golden.shape(of: run.stdout), against: "shape-diagnose.txt")
    }

    @Test func scanJSONShape() throws {
        let run = try TriageBinary.run(["scan", "--from", "-", "-o", "json"], input: ScanCommandTests.dump(count: 6))
        #expect(run.status == 0, "\(run.stderr)")
        try Golden.check(try Golden.shape(of: run.stdout), against: "shape-scan.txt")
    }

    @Test func runJSONShape() throws {
        let fixture = try KubeAPIFixture(
            objects: KubeObjects(
                image: "127.0.0.1:1/lab/hello:v1", error: "failed to resolve reference \"127.0.0.1:1/lab/hello:v1\": 127.0.0.1:1/lab/hello:v1: not found"))
        defer { fixture.close() }
        let home = try LabDirectory("home")
        defer { home.remove() }
        let arguments = [
            "run", "image-pull-backoff", "--pod", "web-6d9f7c8b5-k2x7p", "-n", "shop", "--no-input", "--offline", "--kubeconfig", fixture.kubeconfig.path,
        ]
        let run = try TriageBinary.run(arguments + ["-o", "json"], environment: ["HOME": home.url.path, "KUBECONFIG": ""], timeout: 90)
        #expect(run.stdout.hasPrefix("{"), "\(run.stdout)\(run.stderr)")
        try Golden.check(try Golden.shape(of: run.stdout, maps: [".facts", ".inputs"]), against: "shape-run.txt")
        // The text report heads the numbered fix steps with the remedy.
        let text = try TriageBinary.run(arguments, environment: ["HOME": home.url.path, "KUBECONFIG": ""], timeout: 90)
        #expect(
            text.stdout.contains("\nfix: Set a tag that exists in the repository where the image is declared, or push the missing one.\nfix 1: "),
            "\(text.stdout)")
    }
}
