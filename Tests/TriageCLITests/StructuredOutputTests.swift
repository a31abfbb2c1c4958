import Testing
import TriageCommandSupport
import TriageJSON

/// A report built as a `JSONValue` document prints exactly as an `Encodable` value of the same
/// fields does through `JSONEncoder`: scripts see one layout, one key order and one escaping,
/// whichever way a command builds its output.
struct StructuredOutputTests {
    struct Sample: Encodable {
        var text: String
        var number: Double
        var count: Int
        var flag: Bool
        var missing: String?
        var list: [String]
        var empty: [String]
        var nothing: [String: String]
        var nested: [String: [Double]]
    }

    static let texts = [
        "plain", "quote \" backslash \\ slash / and a URL https://x.example/a?b=c",
        "controls \u{0} \u{1} \u{8} \u{B} \u{C} \u{1B}[2J \u{1F} line\nfeed\r\ttab",
        "DEL \u{7F}, C1 \u{80} \u{85} \u{9B}31m \u{9F}, then \u{A0} and \u{C2}",
        "é ü — 日本語 \u{2028} 🙂", "hidden \u{200B} \u{202E}txt.exe \u{FEFF} \u{E0001} \u{AD}", "",
    ]
    static let numbers = [0.31, 1.0, -0.0, 0, 1e-7, 0.1 + 0.2, 12345678.9, 1e21, 3.5e300, -2.5]

    @Test(arguments: [OutputFormat.json, .yaml])
    func documentPrintsAsEncoderPrints(format: OutputFormat) throws {
        for (index, text) in Self.texts.enumerated() {
            let number = Self.numbers[index % Self.numbers.count]
            let sample = Sample(
                text: text, number: number, count: -index, flag: index % 2 == 0, missing: nil, list: Self.texts, empty: [], nothing: [:],
                nested: [text: Self.numbers, "b": [], "a": [number]])
            let document = JSONValue.object([
                ("nested", .object([(text, .array(Self.numbers.map(JSONValue.init))), ("b", .array([])), ("a", .array([JSONValue(number)]))])),
                ("text", .string(text)), ("number", JSONValue(number)), ("count", .number(String(-index))), ("flag", .bool(index % 2 == 0)),
                ("list", .array(Self.texts.map(JSONValue.string))), ("empty", .array([])), ("nothing", .object([])),
            ])
            #expect(StructuredOutput.render(document, as: format) == (try StructuredOutput.render(sample, as: format)), "\(text.debugDescription)")
        }
    }

    @Test func numbersThatJSONCannotWriteAreNull() {
        #expect(JSONValue(.nan) == .null)
        #expect(JSONValue(-.infinity) == .null)
        #expect(JSONValue(2.0) == .number("2"))
    }
}
