import Testing
import TriageModel

/// `Template(parsing:)` splits text into literal runs and `{{name}}` placeholders byte by byte;
/// these pin what it finds against the template grammar, at the edges a byte scan can get wrong.
struct TemplateParsingTests {
    @Test(
        arguments: [
            ("", []),
            ("plain prose, no placeholder", [Template.Segment.literal("plain prose, no placeholder")]),
            ("{{pod}}", [.placeholder("pod")]),
            ("{{ pod  }}", [.placeholder("pod")]),
            ("a{{x}}b", [.literal("a"), .placeholder("x"), .literal("b")]),
            ("{{a}}{{b}}", [.placeholder("a"), .placeholder("b")]),
            ("x{{a}}", [.literal("x"), .placeholder("a")]),
            ("{{a}}x", [.placeholder("a"), .literal("x")]),
            ("a{b}c {{x.y-z_1}} }}", [.literal("a{b}c "), .placeholder("x.y-z_1"), .literal(" }}")]),
            ("{ {{x}}", [.literal("{ "), .placeholder("x")]),
            ("{{{x}}", nil),
            ("{{images*}}", [.placeholder("images*")]),
            ("é {{ñ_ok}}", nil),
            ("état {{x}} — fin", [.literal("état "), .placeholder("x"), .literal(" — fin")]),
        ] as [(String, [Template.Segment]?)])
    func segments(source: String, expected: [Template.Segment]?) {
        let parsed = try? Template(parsing: source)
        #expect(parsed?.segments == expected)
        #expect(parsed.map(\.source) == expected.map { _ in source })
    }

    @Test(arguments: ["{{x", "a {{x}} {{y", "{{x}", "}}{{"])
    func unclosed(source: String) {
        #expect(throws: TemplateError.unclosed(source)) { try Template(parsing: source) }
    }

    @Test(arguments: [("{{}}", ""), ("{{ 1x }}", "1x"), ("{{a b}}", "a b"), ("{{a*b}}", "a*b"), ("{{*}}", "*"), ("{{é}}", "é")])
    func badName(source: String, name: String) {
        #expect(throws: TemplateError.badName(name, source)) { try Template(parsing: source) }
    }

    @Test func identifiers() {
        #expect(Template.isIdentifier("a"))
        #expect(Template.isIdentifier("Image_as-written.2"))
        #expect(!Template.isIdentifier(""))
        #expect(!Template.isIdentifier("_a"))
        #expect(!Template.isIdentifier("2a"))
        #expect(!Template.isIdentifier("é"))
        #expect(!Template.isIdentifier("a@b"))
        #expect(!Template.isIdentifier("a[0]"))
    }
}
