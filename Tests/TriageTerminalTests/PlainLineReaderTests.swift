import Foundation
import Testing
@testable import TriageTerminal

/// Collects what a reader echoes; only touched from the test's own task.
private final class Transcript {
    var text = ""
}

@Suite("Plain line reader")
struct PlainLineReaderTests {
    /// A reader over a pipe holding `input`, already closed for writing.
    private func pipeReader(_ input: String, echo: PlainLineReader.Echo = .none, transcript: Transcript = Transcript())
        -> (PlainLineReader, FileHandle)
    {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(input.utf8))
        try? pipe.fileHandleForWriting.close()
        let handle = pipe.fileHandleForReading
        let reader = PlainLineReader(source: .fileDescriptor(handle.fileDescriptor), echo: echo) { transcript.text += $0 }
        return (reader, handle)
    }

    @Test func readsLinesWithoutTerminatorsAndHandlesCRLF() {
        var (reader, handle) = pipeReader("get pods\r\n\nlogs web\nlast")
        defer { try? handle.close() }
        let lines = (1...6).map { _ in reader.readLine(prompt: "> ") }
        #expect(lines == ["get pods", "", "logs web", "last", nil, nil])
    }

    @Test func emptyInputIsImmediatelyTheEnd() {
        var (reader, handle) = pipeReader("")
        defer { try? handle.close() }
        let line = reader.readLine(prompt: "> ")
        #expect(line == nil)
    }

    @Test func leavesTheRestOfTheInputUnread() throws {
        var (reader, handle) = pipeReader("first\nsecond\n")
        defer { try? handle.close() }
        let first = reader.readLine(prompt: "")
        #expect(first == "first")
        #expect(String(decoding: handle.readDataToEndOfFile(), as: UTF8.self) == "second\n")
    }

    @Test func promptIsEchoedOnlyWhenConfigured() {
        let silent = Transcript()
        var (quiet, quietHandle) = pipeReader("a\n", transcript: silent)
        defer { try? quietHandle.close() }
        _ = quiet.readLine(prompt: "triage> ")
        #expect(silent.text == "")

        let prompts = Transcript()
        var (prompting, promptingHandle) = pipeReader("a\n", echo: .prompt, transcript: prompts)
        defer { try? promptingHandle.close() }
        _ = prompting.readLine(prompt: "triage> ")
        #expect(prompts.text == "triage> ")

        let full = Transcript()
        var (echoing, echoingHandle) = pipeReader("a\n", echo: .promptAndInput, transcript: full)
        defer { try? echoingHandle.close() }
        _ = echoing.readLine(prompt: "triage> ")
        _ = echoing.readLine(prompt: "triage> ")
        #expect(full.text == "triage> a\ntriage> \n")
    }

    @Test func readsFromAnArrayOfLines() {
        var reader = PlainLineReader(source: .lines(["one", "", "two"]))
        let lines = [
            reader.readLine(prompt: ""),
            reader.readLine(prompt: "", completion: { _ in ["ignored"] }),
            reader.readLine(prompt: ""),
            reader.readLine(prompt: ""),
        ]
        #expect(lines == ["one", "", "two", nil])
    }

    @Test func theFactoryPicksThePlainReaderWithoutLineEditing() throws {
        let capabilities = TerminalCapabilities(isInteractive: true, supportsLineEditing: false, supportsColor: false)
        #expect(try LineReaderFactory.make(capabilities: capabilities, historyFile: nil) is PlainLineReader)
    }

    @Test func aSecretFromAPipeIsAPlainLine() {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("s3cret\r\nnext\n".utf8))
        try? pipe.fileHandleForWriting.close()
        defer { try? pipe.fileHandleForReading.close() }
        let fd = pipe.fileHandleForReading.fileDescriptor
        #expect(SecretReader.readSecret(prompt: "Password: ", input: fd) == "s3cret")
        #expect(SecretReader.readSecret(prompt: "Password: ", input: fd) == "next")
        #expect(SecretReader.readSecret(prompt: "Password: ", input: fd) == nil)
    }
}
