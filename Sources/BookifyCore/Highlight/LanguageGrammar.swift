/// The rules that colour one language: data, read by `Tokenizer`. One value per language,
/// grouped by family in `Languages/`.
struct LanguageGrammar: Sendable {
    /// How the text is scanned: most languages are `.code`; some need their own scanner.
    enum Mode: Sendable {
        case code, markup, stylesheet, diff
    }

    /// A string literal: from `open` to `close`; `escape` skips the next character.
    struct StringRule: Sendable {
        var open: String
        var close: String
        var escape: Character? = "\\"
        var multiline = false
        var kind: TokenKind = .string
    }

    /// A pattern tried only where a line starts (after indentation): YAML keys, make targets,
    /// Dockerfile instructions. Group 1, when present, is the coloured part.
    struct LineStartRule: Sendable {
        var pattern: String
        var kind: TokenKind
    }

    /// Names (lower case) and aliases a code block's language may be given as.
    var names: [String]
    var mode: Mode = .code
    var keywords: Set<String> = []
    var types: Set<String> = []
    var literals: Set<String> = []
    var builtins: Set<String> = []
    /// SQL and Dockerfile keywords match in any case.
    var caseInsensitiveKeywords = false
    var lineComments: [String] = []
    /// A line comment counts only at the start of a word (shell `#` is text in `a#b`).
    var lineCommentNeedsSpaceBefore = false
    var blockComments: [(open: String, close: String)] = []
    var strings: [StringRule] = [StringRule(open: "\"", close: "\""), StringRule(open: "'", close: "'")]
    /// Characters an identifier may contain besides letters, digits and `_`.
    var identifierExtras: Set<Character> = []
    /// `$name` (shell, PHP) or `@name` (Ruby): variables.
    var variablePrefixes: Set<Character> = []
    /// `println!`: a name directly followed by this character is a macro call (Rust).
    var macroSuffix: Character?
    /// `@Annotation` (Java, Kotlin, Python decorators, Swift attributes): meta.
    var annotationPrefix: Character?
    /// `#include`, `#if`: a line starting with `#` is meta (C family).
    var preprocessorLines = false
    /// Identifiers starting with a capital are types (Swift, Java, Go exported types…).
    var capitalizedAreTypes = false
    /// A string followed by `:` is a key (JSON).
    var keysBeforeColon = false
    var lineStartRules: [LineStartRule] = []
    var operatorCharacters: Set<Character> = Set("+-*/%=&|<>!~^?:")
    var punctuationCharacters: Set<Character> = Set("()[]{};,.")
}

extension LanguageGrammar.StringRule {
    /// Triple-quoted strings that span lines (Python, Kotlin, Swift).
    static func triple(_ quote: String) -> Self {
        .init(open: quote + quote + quote, close: quote + quote + quote, multiline: true)
    }
}
