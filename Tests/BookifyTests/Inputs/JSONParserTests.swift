@testable import BookifyCore
import Testing

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#"{"a": [1, -2.5e1, true, false, null], "b": {"c": "d"}}"#)
        #expect(value["a"] == .array([.number(1), .number(-25), .bool(true), .bool(false), .null]))
        #expect(value["b"]?["c"] == .string("d"))
    }

    @Test func decodesEscapesIncludingSlashesAndSurrogatePairs() throws {
        let value = try parse(#"["https:\/\/example.org\/x", "\u00e9\ud83d\ude00\n\t\"\\"]"#)
        #expect(value.arrayValue[0] == .string("https://example.org/x"))
        #expect(value.arrayValue[1] == .string("é😀\n\t\"\\"))
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number(1)]))
    }

    @Test(arguments: [
        ("{\n  \"a\": 1,\n  \"b\": [1, 2,, 3]\n}", 3, 14),
        ("{\"a\": tru}", 1, 7),
        ("{\"a\": 1", 1, 8),
        ("{\"a\": 1} x", 1, 10),
        ("{\"é\": \"x\" \"y\"}", 1, 11),
        ("[\"unterminated", 1, 15),
    ])
    func reportsTheLineAndColumnOfASyntaxError(text: String, line: Int, column: Int) {
        #expect {
            _ = try parse(text)
        } throws: { error in
            (error as? JSONParser.SyntaxError)?.location == SourceLocation(line: line, column: column)
        }
    }

    @Test func refusesHostileNestingWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try parse(deep) }
    }

    @Test func rejectsRawControlCharactersInStrings() {
        #expect(throws: JSONParser.SyntaxError.self) { try parse("[\"a\u{1}b\"]") }
    }
}
