import Foundation
import Testing
import TriageTestSupport

/// Whether process `pid` has ended (gone, or a zombie waiting to be reaped).
private func hasEnded(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return true }
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
}

@Suite("tmux session helper", .timeLimit(.minutes(1)))
struct TmuxSessionTests {
    @Test func typesIntoAProgramAndReadsTheScreen() async throws {
        let session = try TmuxSession(command: ["cat"])
        defer { session.close() }
        try session.type("hello tmux")
        try session.sendKeys("Enter")
        try await session.waitFor("hello tmux", count: 2)
        #expect(try session.capturePane().contains("hello tmux\nhello tmux"))
        try session.sendKeys("C-d")
        #expect(try await session.waitForExit() == 0)
    }

    @Test func theProgramRunsInAControlledEnvironment() async throws {
        let script = #"echo "T=$TERM E=$TRIAGE_NO_EDITRC H=$HOME X=$XDG_STATE_HOME S=$(stty size)""#
        let session = try TmuxSession(command: ["sh", "-c", script])
        defer { session.close() }
        #expect(try await session.waitForExit() == 0)
        let expected = "T=xterm-256color E=1 H=\(session.home.path) X=\(session.stateHome.path) S=40 120"
        #expect(try session.transcript().contains(expected))
    }

    @Test func closingKillsEverythingAndRemovesTheTemporaryDirectory() async throws {
        let session = try TmuxSession(command: ["sh", "-c", "echo PID=$$; exec cat"])
        let text = try await session.waitUntil("the pid") { $0.contains("PID=") && $0.contains("\n") }
        let pid = try #require(text.split(separator: "\n").first { $0.hasPrefix("PID=") }.flatMap { Int32($0.dropFirst(4)) })
        #expect(session.isServerRunning)
        session.close()
        session.close()
        #expect(!session.isServerRunning)
        #expect(!FileManager.default.fileExists(atPath: session.home.deletingLastPathComponent().path))
        let deadline = ContinuousClock.now + .seconds(10)
        while !hasEnded(pid) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(hasEnded(pid))
    }

    @Test func waitingTimesOutWithTheScreenInTheError() async throws {
        let session = try TmuxSession(command: ["cat"])
        defer { session.close() }
        try session.type("typed")
        await #expect {
            try await session.waitFor("never shown", timeout: .milliseconds(300))
        } throws: { error in
            guard case TmuxError.timedOut(_, let screen) = error else { return false }
            return screen.contains("typed")
        }
    }
}
