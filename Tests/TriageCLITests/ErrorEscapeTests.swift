import Foundation
import Testing
import TriageTestSupport

/// Error messages quote what came from outside (arguments, file names, values read from output):
/// whichever part of Triage renders them, a control character in what they quote is shown as a
/// visible escape, never obeyed by the terminal.
struct ErrorEscapeTests {
    let hostile =
        HostileEscapes.title + HostileEscapes.clipboard + HostileEscapes.clear + HostileEscapes.c1 + HostileEscapes.delete + HostileEscapes.bidi
        + HostileEscapes.zeroWidth + HostileEscapes.overwrite

    func expectShownNotObeyed(_ run: TriageBinary.Run, status: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == status, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(!HostileEscapes.hasRawControls(run.stderr), "\(run.stderr.debugDescription)", sourceLocation: sourceLocation)
        #expect(!HostileEscapes.hasRawControls(run.stdout), "\(run.stdout.debugDescription)", sourceLocation: sourceLocation)
        #expect((run.stderr + run.stdout).contains("]0;owned-title"), "the sequence is quoted as text", sourceLocation: sourceLocation)
    }

    /// ArgumentParser's usage errors (a validation message, a value that is not a number), an
    /// unknown subcommand, and Triage's own command failures.
    @Test(arguments: [
        ["run", "--pod", "web\u{1B}]0;owned-title\u{07}"], ["run", "--timeout", "5\u{1B}]0;owned-title\u{07}"],
        ["rep\u{1B}]0;owned-title\u{07}"], ["replay", "nothing\u{1B}]0;owned-title\u{07}"],
        ["diagnose", "/nonexistent/\u{1B}]0;owned-title\u{07}"], ["lint", "/nonexistent/\u{1B}]0;owned-title\u{07}.yaml"],
    ])
    func usageAndCommandErrors(_ arguments: [String]) throws {
        let run = try TriageBinary.run(arguments)
        #expect(run.status != 0)
        expectShownNotObeyed(run, status: run.status)
    }

    /// A runbook file whose name and contents hold escapes: every loading problem is quoted
    /// visibly, in `lint` and in the warnings other commands print.
    @Test func loaderErrorsQuoteFileNamesAndValuesVisibly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-errors-\(UUID().uuidString)")
        let runbooks = folder.appendingPathComponent("runbooks")
        try FileManager.default.createDirectory(at: runbooks, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "id: broken\ntitle: \"t\"\nstart: \"a\(hostile)\"\nnodes:\n  a: {title: x, diagnosis: {cause: c, summary: s}}\n"
        try text.write(to: runbooks.appendingPathComponent("bad\(HostileEscapes.title).yaml"), atomically: true, encoding: .utf8)
        expectShownNotObeyed(try TriageBinary.run(["lint", "--runbooks", folder.path]), status: 1)
        let list = try TriageBinary.run(["list", "--runbooks", folder.path])
        #expect(list.stderr.contains("]0;owned-title") && !HostileEscapes.hasRawControls(list.stderr), "\(list.stderr.debugDescription)")
    }

    /// The REPL's own errors quote what was typed and the files it was asked to write.
    @Test func replErrorsQuoteInputVisibly() throws {
        let input = ["bogus\(hostile)", "transcript /nonexistent/\(HostileEscapes.title)/t.md", "quit"].joined(separator: "\n") + "\n"
        let run = try TriageBinary.run(["replay", "nginx-tag-typo"], input: input)
        let errors = run.stdout.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 2, "\(run.stdout)")
        #expect(!HostileEscapes.hasRawControls(run.stdout), "the echoed input too: \(run.stdout.debugDescription)")
        for line in errors {
            #expect(line.contains("]0;owned-title") && !HostileEscapes.hasRawControls(String(line)), "\(line.debugDescription)")
        }
    }
}
