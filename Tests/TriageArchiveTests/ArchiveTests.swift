import Testing
import TriageArchive

/// What a writer writes, a reader reads back, byte for byte the same values; a damaged archive, or
/// a reader out of step with its writer, is an error at a byte, never a crash.
struct ArchiveTests {
    struct Sample: Equatable {
        var texts: [String]
        var numbers: [Int]
        var small: Int32
        var doubles: [Double]
        var flags: [Bool]
        var maybe: String?
        var nothing: String?
        var nested: [[String]]

        func write(to writer: inout ArchiveWriter) {
            writer.write(texts) { $0.write($1) }
            writer.write(numbers) { $0.write($1) }
            writer.write(small)
            writer.write(doubles) { $0.write($1) }
            writer.write(flags) { $0.write($1) }
            writer.write(maybe) { $0.write($1) }
            writer.write(nothing) { $0.write($1) }
            writer.write(nested) { $0.write($1) { $0.write($1) } }
        }

        static func read(_ reader: inout ArchiveReader) throws(ArchiveError) -> Sample {
            Sample(
                texts: try reader.list { r throws(ArchiveError) in try r.string() },
                numbers: try reader.list { r throws(ArchiveError) in try r.integer() },
                small: try reader.integer(Int32.self),
                doubles: try reader.list { r throws(ArchiveError) in try r.double() },
                flags: try reader.list { r throws(ArchiveError) in try r.bool() },
                maybe: try reader.optional { r throws(ArchiveError) in try r.string() },
                nothing: try reader.optional { r throws(ArchiveError) in try r.string() },
                nested: try reader.list { r throws(ArchiveError) in try r.list { r throws(ArchiveError) in try r.string() } })
        }
    }

    static let sample = Sample(
        texts: [
            "", "plain", "quote \" backslash \\ newline \n tab \t nul \u{0} escape \u{1b}[31m del \u{7f}", "ünïcödé ✓ 🚀",
            String(repeating: "long ", count: 2000),
        ],
        numbers: [0, 1, -1, 31, 32, -32, 1023, 1024, Int.max, Int.min],
        small: Int32.min,
        doubles: [0, -0.0, 0.31, 1e300, -2.5e-308, .infinity, 86_400],
        flags: [true, false],
        maybe: "n",
        nothing: nil,
        nested: [[], ["a"], ["b", "c"]])

    static func archive(_ sample: Sample) -> ArchiveWriter {
        var writer = ArchiveWriter()
        sample.write(to: &writer)
        return writer
    }

    @Test func whatIsWrittenReadsBackTheSame() throws {
        let writer = Self.archive(Self.sample)
        #expect(try ArchiveReader.read(writer.bytes, Sample.read) == Self.sample)
    }

    /// An archive goes into a Swift string literal: it is UTF-8, and outside strings every byte is
    /// printable ASCII.
    @Test func anArchiveIsTextWithPrintableStructure() {
        var writer = ArchiveWriter()
        writer.write([1, -700, 123_456_789]) { $0.write($1) }
        writer.write(true)
        writer.write(nil as String?) { $0.write($1) }
        writer.write(0.5)
        #expect(writer.bytes.allSatisfy { (0x20..<0x7f).contains($0) })
        #expect(Array(Self.archive(Self.sample).text.utf8) == Self.archive(Self.sample).bytes)
    }

    @Test func aStaticStringReadsAsItsBytes() throws {
        let archive: StaticString = "u1s5hello"
        let read = try ArchiveReader.read(archive) { r throws(ArchiveError) in try r.list { r throws(ArchiveError) in try r.string() } }
        #expect(read == ["hello"])
    }

    /// Every prefix of an archive, and every single byte changed, is refused with an error or reads
    /// some value; none crashes or reads past the end.
    @Test func damagedArchivesAreErrorsNotCrashes() {
        let bytes = Self.archive(Self.sample).bytes
        for end in 0..<bytes.count {
            #expect(throws: ArchiveError.self) { try ArchiveReader.read(Array(bytes[..<end]), Sample.read) }
        }
        for index in stride(from: 0, to: bytes.count, by: 7) {
            for replacement: UInt8 in [0, 0x30, 0x4f, 0x6f, UInt8(ascii: "u"), 0xff] {
                var damaged = bytes
                damaged[index] = replacement
                _ = try? ArchiveReader.read(damaged, Sample.read)
            }
        }
    }

    @Test func aReaderOutOfStepWithItsWriterFailsAtTheByte() {
        var writer = ArchiveWriter()
        writer.write("text")
        #expect(throws: ArchiveError("expected an integer, found byte 115", at: 0)) {
            try ArchiveReader.read(writer.bytes) { r throws(ArchiveError) in try r.integer() }
        }
        #expect(throws: ArchiveError("4 bytes follow the value", at: 6)) {
            try ArchiveReader.read(writer.bytes + Array("s0xx".utf8)) { r throws(ArchiveError) in try r.string() }
        }
        var big = ArchiveWriter()
        big.write(Int.max)
        #expect(throws: ArchiveError.self) { try ArchiveReader.read(big.bytes) { r throws(ArchiveError) in try r.integer(Int32.self) } }
    }
}
