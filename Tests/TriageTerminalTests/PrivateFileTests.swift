import Foundation
import Testing
import TriageTerminal

/// Transcript and recording targets: created 0600, an existing file made private, and nothing
/// written through a symbolic link, onto a device or into a pipe.
struct PrivateFileTests {
    func withDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-private-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func aNewFileIsPrivate() throws {
        try withDirectory { directory in
            let path = directory.appendingPathComponent("t.md").path
            let fd = try PrivateFile.openForWriting(path)
            close(fd)
            #expect(try mode(path) == 0o600)
        }
    }

    @Test func anExistingWorldReadableFileIsMadePrivateAndEmptied() throws {
        try withDirectory { directory in
            let path = directory.appendingPathComponent("t.md").path
            try "old secret text".write(toFile: path, atomically: false, encoding: .utf8)
            chmod(path, 0o644)
            let fd = try PrivateFile.openForWriting(path)
            close(fd)
            #expect(try mode(path) == 0o600)
            #expect(try String(contentsOfFile: path, encoding: .utf8).isEmpty)
        }
    }

    @Test func aSymbolicLinkIsNotWrittenThrough() throws {
        try withDirectory { directory in
            let target = directory.appendingPathComponent("elsewhere").path
            try "keep".write(toFile: target, atomically: false, encoding: .utf8)
            chmod(target, 0o644)
            let link = directory.appendingPathComponent("t.md").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
            #expect(throws: TerminalError.unsafeOutputFile(path: link, reason: "is a symbolic link; refusing to write through it")) {
                try PrivateFile.openForWriting(link)
            }
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
            #expect(try mode(target) == 0o644)
        }
    }

    @Test func aDeviceIsRefused() throws {
        let error = #expect(throws: TerminalError.self) { try PrivateFile.openForWriting("/dev/full") }
        #expect(
            error?.localizedDescription
                == "Will not write /dev/full: it exists and is not a regular file (a device, a pipe or a socket); refusing to write to it.")
        #expect(PrivateFile.problem(with: "/dev/null") != nil)
    }

    @Test func aPipeIsRefusedWithoutBlocking() throws {
        try withDirectory { directory in
            let fifo = directory.appendingPathComponent("fifo").path
            #expect(mkfifo(fifo, 0o600) == 0)
            #expect(throws: TerminalError.self) { try PrivateFile.openForWriting(fifo) }
        }
    }

    @Test func aDirectoryIsRefused() throws {
        try withDirectory { directory in
            #expect(PrivateFile.problem(with: directory.path) == "is a directory")
        }
    }
}
