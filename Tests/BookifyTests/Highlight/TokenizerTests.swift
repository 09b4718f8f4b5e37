@testable import BookifyCore
import Testing

/// Each language against tokens checked by hand: a snippet, and the coloured runs it must give.
@Suite struct TokenizerTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        var language: String
        var code: String
        var expected: [(TokenKind, String)]
        var testDescription: String { language }
    }

    static let samples: [Sample] = [
        Sample(language: "bash", code: "# build\nfor f in *.md; do echo \"$f\" ${HOME}; done # end\nurl=a#b",
               expected: [(.comment, "# build"), (.keyword, "for"), (.keyword, "in"), (.keyword, "do"), (.builtin, "echo"),
                          (.string, "\"$f\""), (.variable, "${HOME}"), (.keyword, "done"), (.comment, "# end")]),
        Sample(language: "c", code: "#include <stdio.h>\nint main(void) { return 0; } /* done */",
               expected: [(.meta, "#include <stdio.h>"), (.type, "int"), (.function, "main"), (.type, "void"),
                          (.keyword, "return"), (.number, "0"), (.comment, "/* done */")]),
        Sample(language: "c++", code: "std::vector<int> v; auto p = nullptr; // note",
               expected: [(.type, "std"), (.type, "vector"), (.type, "int"), (.keyword, "auto"), (.literal, "nullptr"),
                          (.comment, "// note")]),
        Sample(language: "c#", code: "public class A { string s = @\"C:\\x\"; }",
               expected: [(.keyword, "public"), (.keyword, "class"), (.type, "A"), (.type, "string"), (.string, "@\"C:\\x\"")]),
        Sample(language: "css", code: "/* c */\n.post > h1 { color: #fff; margin: 0.5em; }\n@media print {}",
               expected: [(.comment, "/* c */"), (.tag, ".post"), (.tag, "h1"), (.property, "color"), (.number, "#fff"),
                          (.property, "margin"), (.number, "0.5em"), (.keyword, "@media")]),
        Sample(language: "diff", code: "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same",
               expected: [(.meta, "--- a/x"), (.meta, "+++ b/x"), (.meta, "@@ -1 +1 @@"), (.deleted, "-old"), (.inserted, "+new")]),
        Sample(language: "dockerfile", code: "FROM swift:6.0 AS build\nRUN apt-get update # deps\nENV PATH=$PATH:/x",
               expected: [(.keyword, "FROM"), (.keyword, "RUN"), (.builtin, "apt-get"), (.comment, "# deps"),
                          (.keyword, "ENV"), (.variable, "$PATH")]),
        Sample(language: "go", code: "func main() {\n\tfmt.Println(`raw`, len(x), nil)\n}",
               expected: [(.keyword, "func"), (.function, "main"), (.function, "Println"), (.string, "`raw`"),
                          (.builtin, "len"), (.literal, "nil")]),
        Sample(language: "html", code: "<!-- c --><a href=\"/x\" hidden>Hi &amp; bye</a>",
               expected: [(.comment, "<!-- c -->"), (.tag, "a"), (.attribute, "href"), (.string, "\"/x\""),
                          (.attribute, "hidden"), (.literal, "&amp;"), (.tag, "a")]),
        Sample(language: "java", code: "@Override public String name() { return \"n\"; }",
               expected: [(.meta, "@Override"), (.keyword, "public"), (.type, "String"), (.function, "name"),
                          (.keyword, "return"), (.string, "\"n\"")]),
        Sample(language: "javascript", code: "const f = async (x) => `v=${x}`; // js",
               expected: [(.keyword, "const"), (.keyword, "async"), (.string, "`v=${x}`"), (.comment, "// js")]),
        Sample(language: "json", code: "{\"name\": \"bookify\", \"n\": 2, \"ok\": true}",
               expected: [(.property, "\"name\""), (.string, "\"bookify\""), (.property, "\"n\""), (.number, "2"),
                          (.literal, "true")]),
        Sample(language: "kotlin", code: "data class P(val x: Int)\nfun main() = println(\"hi\")",
               expected: [(.keyword, "data"), (.keyword, "class"), (.function, "P"), (.keyword, "val"), (.type, "Int"),
                          (.keyword, "fun"), (.builtin, "println")]),
        Sample(language: "lua", code: "local t = {} -- table\nfor k, v in pairs(t) do print(k) end",
               expected: [(.keyword, "local"), (.comment, "-- table"), (.keyword, "for"), (.builtin, "pairs"),
                          (.keyword, "end")]),
        Sample(language: "makefile", code: "CC := gcc\nall: main.o\n\t$(CC) -o $@ $^ # link",
               expected: [(.variable, "CC"), (.function, "all"), (.variable, "$(CC)"), (.variable, "$@"), (.comment, "# link")]),
        Sample(language: "php", code: "<?php function f($a) { return null; } // x",
               expected: [(.keyword, "function"), (.function, "f"), (.variable, "$a"), (.keyword, "return"),
                          (.literal, "null"), (.comment, "// x")]),
        Sample(language: "python", code: "@dataclass\ndef f(x: int) -> None:\n    \"\"\"Doc.\"\"\"\n    return 0x1F  # hex",
               expected: [(.meta, "@dataclass"), (.keyword, "def"), (.function, "f"), (.type, "int"), (.literal, "None"),
                          (.string, "\"\"\"Doc.\"\"\""), (.keyword, "return"), (.number, "0x1F"), (.comment, "# hex")]),
        Sample(language: "ruby", code: "def hi?(name)\n  puts \"hi #{name}\" if @loud\nend",
               expected: [(.keyword, "def"), (.function, "hi?"), (.builtin, "puts"), (.string, "\"hi #{name}\""),
                          (.keyword, "if"), (.variable, "@loud"), (.keyword, "end")]),
        Sample(language: "rust", code: "fn main() { let v: Vec<u8> = vec![1]; println!(\"{}\", v.len()); }",
               expected: [(.keyword, "fn"), (.function, "main"), (.keyword, "let"), (.type, "Vec"), (.type, "u8"),
                          (.builtin, "vec!"), (.builtin, "println!"), (.string, "\"{}\"")]),
        Sample(language: "sql", code: "SELECT id, COUNT(*) FROM posts WHERE title LIKE 'a%' -- n",
               expected: [(.keyword, "SELECT"), (.builtin, "COUNT"), (.keyword, "FROM"), (.keyword, "WHERE"),
                          (.keyword, "LIKE"), (.string, "'a%'"), (.comment, "-- n")]),
        Sample(language: "swift", code: "@MainActor struct A { let x: Int? = nil }",
               expected: [(.meta, "@MainActor"), (.keyword, "struct"), (.type, "A"), (.keyword, "let"), (.type, "Int"),
                          (.literal, "nil")]),
        Sample(language: "toml", code: "[package]\nname = \"bookify\" # n\nversion = 1",
               expected: [(.type, "[package]"), (.property, "name"), (.string, "\"bookify\""), (.comment, "# n"),
                          (.property, "version"), (.number, "1")]),
        Sample(language: "typescript", code: "interface P { id: number }\nlet p: P | null = null;",
               expected: [(.keyword, "interface"), (.type, "P"), (.type, "number"), (.keyword, "let"), (.literal, "null")]),
        Sample(language: "yaml", code: "---\ntitle: \"Blog\"\ntags:\n  - go # lang\ndraft: false\nbase: &b 1",
               expected: [(.meta, "---"), (.property, "title"), (.string, "\"Blog\""), (.property, "tags"),
                          (.comment, "# lang"), (.property, "draft"), (.literal, "false"), (.variable, "&b")]),
    ]

    @Test(arguments: samples)
    func colorsEachLanguageAsCheckedByHand(sample: Sample) throws {
        let grammar = try #require(LanguageRegistry.grammar(named: sample.language))
        let tokens = Tokenizer.tokenize(sample.code, grammar: grammar)
        #expect(tokens.map(\.text).joined() == sample.code, "the code reads as written")
        let coloured = tokens.compactMap { token in token.kind.map { ($0, token.text) } }
        var remaining = coloured[...]
        for (kind, text) in sample.expected {
            guard let index = remaining.firstIndex(where: { $0.0 == kind && $0.1 == text }) else {
                Issue.record("\(sample.language): expected \(kind) '\(text)' in order; got \(coloured)")
                return
            }
            remaining = remaining[(index + 1)...]
        }
    }

    @Test(arguments: ["sh", "shell", "js", "ts", "py", "yml", "golang", "cpp", "cs", "rb", "rs", "kt", "xml",
                      "patch", "Dockerfile", "make", "language-go", "postgresql", "jsonc"])
    func knowsCommonAliases(alias: String) {
        #expect(LanguageRegistry.grammar(named: alias) != nil)
    }

    @Test func unterminatedConstructsStillGiveTheTextBack() {
        for (language, code) in [("c", "/* open"), ("python", "'''never"), ("html", "<a href=\"x"), ("css", "a { b: \"c")] {
            let tokens = Tokenizer.tokenize(code, grammar: LanguageRegistry.grammar(named: language)!)
            #expect(tokens.map(\.text).joined() == code)
        }
    }

    @Test func codeBlocksWithAKnownLanguageBecomeTokens() {
        let post = Post(id: "1", title: "T", content: "```go\nfunc f() {}\n```\n\n```\nplain\n```\n\n```unknownlang\nx\n```",
                        contentFormat: .markdown)
        let tree = PostConverter().convert(post, documentID: "p001").body.dump
        #expect(tree.contains("code .language-go\n    token keyword \"func\"\n    \" \"\n    token function \"f\""))
        #expect(tree.contains("pre\n  code\n    \"plain\\n\""))
        #expect(tree.contains("code .language-unknownlang\n    \"x\\n\""))
    }
}
