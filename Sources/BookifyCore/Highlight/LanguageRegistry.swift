/// Finds the grammar for a code block's language name or alias.
enum LanguageRegistry {
    static let grammars: [LanguageGrammar] = [
        .c, .cpp, .csharp, .java, .kotlin, .go, .rust, .swift, .javascript, .typescript, .php,
        .python, .ruby, .lua, .shell, .json, .yaml, .toml, .sql, .html, .css, .diff, .dockerfile, .makefile,
    ]

    private static let byName: [String: LanguageGrammar] = {
        var table: [String: LanguageGrammar] = [:]
        for grammar in grammars {
            for name in grammar.names { table[name] = grammar }
        }
        return table
    }()

    /// The grammar for `name` (`Go`, `golang`, `language-go`, `c++`), or `nil`.
    static func grammar(named name: String) -> LanguageGrammar? {
        var key = name.lowercased()
        for prefix in ["language-", "lang-", "highlight-", "source-"] where key.hasPrefix(prefix) {
            key.removeFirst(prefix.count)
        }
        return byName[key]
    }
}
