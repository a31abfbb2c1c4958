import Testing
import TriageJSON

/// The tree reader over the strict cursor.
struct JSONValueTests {
    @Test func readsEveryKindOfValueInOrder() throws {
        let value = try JSONValue.parse(#" {"b": [1, -2.5e3, true, false, null], "a": "x\u00e9\n", "c": {}} "#)
        #expect(value.members.map(\.key) == ["b", "a", "c"])
        #expect(value["b"]?.elements == [.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])
        #expect(value["a"]?.string == "xé\n")
        #expect(value["b"]?.elements[0].int == 1)
        #expect(value["b"]?.elements[1].int == nil)
        #expect(value[["c", "missing"]] == nil)
        #expect(value.json == #"{"b":[1,-2.5e3,true,false,null],"a":"xé\n","c":{}}"#)
    }

    @Test func refusesWhatIsNotJSON() {
        for bad in ["{\"a\":1,}", "[1 2]", "{'a':1}", "01", "\"\u{01}\"", "tru", "{\"a\" 1}", "[1]x", String(repeating: "[", count: 600)] {
            #expect(throws: JSONReadError.self, "\(bad.prefix(20))") { try JSONValue.parse(bad) }
        }
    }

    @Test func theLastOfARepeatedMemberWins() throws {
        #expect(try JSONValue.parse(#"{"kind":"Pod","kind":"Node"}"#)["kind"]?.string == "Node")
    }

    @Test func findsWhereAValueStartsForAMessage() {
        let text = "{\n  \"a\": [1, {\"b\": true}],\n  \"c\": {\"d\": 1, \"d\": \"x\"}\n}"
        #expect(JSONPosition.of([], in: text) == JSONPosition(line: 1, column: 1))
        #expect(JSONPosition.of([.member("a"), .element(1), .member("b")], in: text) == JSONPosition(line: 2, column: 18))
        #expect(JSONPosition.of([.member("c"), .member("d")], in: text) == JSONPosition(line: 3, column: 22))
        #expect(JSONPosition.of([.member("a"), .element(5)], in: text) == JSONPosition(line: 2, column: 8))
        #expect(JSONPosition.of([.member("c"), .member("e"), .member("f")], in: text) == JSONPosition(line: 3, column: 8))
        #expect(JSONPosition.of([.element(0)], in: text) == JSONPosition(line: 1, column: 1))
        #expect(JSONPosition.of([.member("a")], in: "{\"a\": [1,") == nil)
    }
}
