import Foundation
import Testing
import TriageTestSupport

/// Every shipped scenario replayed at a terminal's width: every line fits, and no word that
/// fits on a line is broken; the same replay on a pipe keeps whole lines.
struct ReplayLayoutTests {
    static let scenarios: [String] = {
        let folder = TriageBinary.packageRoot.appendingPathComponent("Scenarios")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// Enter at every step (and the scenario's answer at every question), then the fact list and `why`.
    static let keys = Array(repeating: "", count: 10) + ["why", "facts", "explain", "help", "quit"]

    @Test(arguments: scenarios)
    func aReplayFitsEightyColumnsWithoutBreakingWords(scenario: String) throws {
        let input = Self.keys.joined(separator: "\n") + "\n"
        let runs = Runs()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            runs.set(index, Result { try TriageBinary.run(["replay", scenario], input: input, environment: index == 0 ? [:] : ["COLUMNS": "80"]) })
        }
        let piped = try runs.get(0), fitted = try runs.get(1)
        // 3: the keys ran out before the scenario's diagnosis (a step that changes the node asks first).
        #expect([0, 3].contains(piped.status) && fitted.status == piped.status, "\(piped.stderr)\(fitted.stderr)")
        let long = fitted.stdout.split(separator: "\n").filter { $0.count > 80 }
        #expect(long.isEmpty, "wider than 80 columns: \(long)")
        let missing = WrappedWords.broken(piped: piped.stdout, wrapped: fitted.stdout)
        #expect(missing.isEmpty, "words broken across lines at 80 columns: \(missing.prefix(10))")
        #expect(fitted.stdout.filter { !$0.isWhitespace && $0 != "↪" && $0 != "\\" } == piped.stdout.filter { !$0.isWhitespace && $0 != "↪" && $0 != "\\" })
    }

    @Test func aPipeGetsEachParagraphOnOneLine() throws {
        let piped = try TriageBinary.run(["replay", "nginx-tag-typo"], input: "quit\n")
        #expect(
            piped.stdout.contains(
                "A pod whose image cannot be pulled walks the chain Pending → ContainerCreating → ErrImagePull → ImagePullBackOff. ErrImagePull is the failed attempt itself;"
            ))
    }
}

/// The two runs of one scenario, made at the same time.
private final class Runs: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<TriageBinary.Run, any Error>] = [:]

    func set(_ index: Int, _ result: Result<TriageBinary.Run, any Error>) {
        lock.withLock { results[index] = result }
    }

    func get(_ index: Int) throws -> TriageBinary.Run {
        try lock.withLock { results[index]! }.get()
    }
}
