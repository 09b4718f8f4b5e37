@testable import BookifyCore
import Testing

/// TOML 1.0 as Hugo sites write it, and what strangers write: every form of the spec's
/// examples is read to the values it stands for; each broken document is one error with its
/// line and column, never a crash.
struct TOMLDocumentTests {
    @Test func readsEveryKindOfValue() throws {
        let fields = try TOMLDocument.parse(#"""
        # Hugo front matter
        title = "Tab\there \u00E9 \U0001F600 \"q\""
        path = 'C:\Users\nodejs'
        poem = """
        Roses are red
        Violets are \
            blue"""
        raw = '''
        first line
        'quoted' ''''
        ints = [+99, 42, 0, -17, 1_000, 0xDEAD_beef, 0o755, 0b1101]
        floats = [1.0, 3.1415, -0.01, 5e+22, 1e06, -2E-2, 6.626e-34, 224_617.445_991]
        special = [inf, -inf]
        flags = [true, false]
        dates = [1979-05-27T07:32:00Z, 1979-05-27 00:32:00.999999-07:00, 1979-05-27t07:32:00, 1979-05-27, 07:32:00, 00:32:00.5]
        mixed = [ 1, "two", [3, 4], { five = 5 }, ]   # a trailing comma
        point = { x = 1, y.z = 2 }
        "quoted key" = 1
        site."google.com" = true
        """#)
        #expect(fields["title"] == .string("Tab\there é 😀 \"q\""))
        #expect(fields["path"] == .string(#"C:\Users\nodejs"#))
        #expect(fields["poem"] == .string("Roses are red\nViolets are blue"))
        #expect(fields["raw"] == .string("first line\n'quoted' '"))
        #expect(fields["ints"] == .array([99, 42, 0, -17, 1000, 0xDEADBEEF, 0o755, 0b1101].map { .number(Double($0)) }))
        #expect(fields["floats"] == .array([1.0, 3.1415, -0.01, 5e22, 1e6, -0.02, 6.626e-34, 224617.445991].map { .number($0) }))
        #expect(fields["special"] == .array([.number(.infinity), .number(-.infinity)]) && fields["flags"] == .array([.bool(true), .bool(false)]))
        #expect(fields["dates"] == .array(["1979-05-27T07:32:00Z", "1979-05-27T00:32:00.999999-07:00", "1979-05-27T07:32:00",
                                           "1979-05-27", "07:32:00", "00:32:00.5"].map { .string($0) }))
        #expect(fields["mixed"] == .array([.number(1), .string("two"), .array([.number(3), .number(4)]), .object(["five": .number(5)])]))
        #expect(fields["point"] == .object(["x": .number(1), "y": .object(["z": .number(2)])]))
        #expect(fields["quoted key"] == .number(1) && fields["site"] == .object(["google.com": .bool(true)]))
    }

    @Test func readsTablesArraysOfTablesAndDottedKeys() throws {
        let fields = try TOMLDocument.parse("""
        title = "T"
        [author]
          name = "Nate"
          social.twitter = "@nate"
        [params.cover]
          image = "cover.png"
        [params]
          show = true
        [[menu.main]]
          name = "Home"
        [[menu.main]]
          name = "About"
          [menu.main.params]
            icon = "i"
        """)
        #expect(fields["author"] == .object(["name": .string("Nate"), "social": .object(["twitter": .string("@nate")])]))
        #expect(fields["params"] == .object(["cover": .object(["image": .string("cover.png")]), "show": .bool(true)]))
        #expect(fields["menu"] == .object(["main": .array([
            .object(["name": .string("Home")]),
            .object(["name": .string("About"), "params": .object(["icon": .string("i")])]),
        ])]))
    }

    /// The first three are what the fuzz target found to stop toml++ (TOMLKit) with a failed
    /// assertion; the rest are the errors the spec names.
    @Test(arguments: [
        ("title = \"A\"\ndate = 2014-08-01Tp6:30:00Z\n", 2, 8, "is not a TOML value"),
        ("title = \"A\"\n[ = \"post\"\n", 2, 3, "expected a key"),
        ("type = \"post\"\n[\u{FFFD}author]\n", 2, 2, "expected a key"),
        ("a = 1\na = 2\n", 2, 1, "the key a is defined twice"),
        ("[t]\nx = 1\n[t]\n", 3, 1, "the table [t] is defined twice"),
        ("[fruit]\napple.color = \"red\"\n[fruit.apple]\n", 3, 1, "defined twice"),
        ("a = [1, 2\nb = 3\n", 2, 1, "expected , or ] in the array"),
        ("point = { x = 1,\n y = 2 }\n", 1, 9, "must end on the line"),
        ("s = \"never closed\nt = 1\n", 1, 18, "not closed on its line"),
        ("s = \"\\q\"\n", 1, 6, "unknown escape"),
        ("n = 99999999999999999999\n", 1, 5, "is not a TOML value"),
        ("d = 2014-13-01\n", 1, 5, "is not a TOML value"),
        ("n = 01\n", 1, 5, "is not a TOML value"),
        ("a = 1 b = 2\n", 1, 7, "expected the end of the line"),
        ("a = 1\na.b = 2\n", 2, 1, "a is already a value"),
        ("x = \"caf\u{E9}\" y\n", 1, 12, "expected the end of the line"),
    ])
    func brokenDocumentsAreOneErrorWithTheirPlace(_ text: String, line: Int, column: Int, message: String) {
        do {
            let fields = try TOMLDocument.parse(text)
            Issue.record("read \(fields) from \(text.debugDescription)")
        } catch {
            #expect(error.line == line && error.column == column, "\(error.line):\(error.column) \(error.message)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func nestingAndLongKeysStopAtTheLimit() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let long = "[" + Array(repeating: "a", count: 10_000).joined(separator: ".") + "]"
        for text in ["x = \(deep)", "x = " + String(repeating: "{ a = ", count: 10_000), long] {
            #expect(throws: TOMLDocument.SyntaxError.self) { _ = try TOMLDocument.parse(text) }
        }
        let fine = String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
        #expect((try? TOMLDocument.parse("x = \(fine)")) != nil)
    }
}
