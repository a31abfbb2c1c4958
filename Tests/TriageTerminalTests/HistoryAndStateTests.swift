import Foundation
import Testing
@testable import TriageTerminal

/// A fresh directory removed when the test ends.
private struct TemporaryDirectory: ~Copyable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("triage-terminal-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

private func permissions(_ url: URL) throws -> Int {
    try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
}

@Suite("History and state directory")
struct HistoryAndStateTests {
    @Test func historyIsPrivateAndSkipsBlanksAndRepeats() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("deep/state/history")
        var store = try HistoryStore(url: file, capacity: 10)
        #expect(try permissions(file.deletingLastPathComponent()) == 0o700)
        #expect(try permissions(file) == 0o600)

        let loaded = store.load()
        #expect(loaded == [])
        let recorded = ["get pods", "get pods", "", "   ", "logs web", "get pods"].map { store.record($0) }
        #expect(recorded == [true, false, false, false, true, true])
        #expect(try String(contentsOf: file, encoding: .utf8) == "get pods\nlogs web\nget pods\n")

        var reopened = try HistoryStore(url: file, capacity: 10)
        let reloaded = reopened.load()
        #expect(reloaded == ["get pods", "logs web", "get pods"])
        let repeated = reopened.record("get pods")
        #expect(!repeated, "the repeat check carries over from the file")
    }

    @Test func loadingCutsTheFileToCapacity() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("history")
        try (1...7).map { "cmd \($0)\n" }.joined().write(to: file, atomically: true, encoding: .utf8)
        var store = try HistoryStore(url: file, capacity: 3)
        let loaded = store.load()
        #expect(loaded == ["cmd 5", "cmd 6", "cmd 7"])
        #expect(try String(contentsOf: file, encoding: .utf8) == "cmd 5\ncmd 6\ncmd 7\n")
        #expect(try permissions(file) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["history"])
    }

    @Test func inMemoryHistoryStillSkipsRepeats() throws {
        var store = try HistoryStore(url: nil, capacity: 3)
        let loaded = store.load()
        #expect(loaded == [])
        #expect(["a", "a"].map { store.record($0) } == [true, false])
    }

    @Test func stateDirectoryFollowsXDG() throws {
        let directory = try TemporaryDirectory()
        let state = try StateDirectory.prepare(environment: ["XDG_STATE_HOME": directory.url.path + "/xdg", "HOME": "/nonexistent"])
        #expect(state.url.standardizedFileURL.path == directory.url.path + "/xdg/triage")
        #expect(state.historyFile.lastPathComponent == "history")
        #expect(try permissions(state.url) == 0o700)
        #expect(try permissions(directory.url.appendingPathComponent("xdg")) == 0o700)
    }

    @Test func stateDirectoryDefaultsUnderHome() throws {
        let home = "/home/someone"
        #expect(StateDirectory.location(environment: ["HOME": home]).path == "/home/someone/.local/state/triage")
        #expect(
            StateDirectory.location(environment: ["HOME": home, "XDG_STATE_HOME": ""]).path
                == "/home/someone/.local/state/triage")
        #expect(
            StateDirectory.location(environment: ["HOME": home, "XDG_STATE_HOME": "relative"]).path
                == "/home/someone/.local/state/triage")
    }

    @Test func unwritableStateDirectoryIsAnError() throws {
        #expect(throws: TerminalError.self) {
            try StateDirectory.prepare(environment: ["XDG_STATE_HOME": "/proc/triage-cannot-exist"])
        }
    }
}
