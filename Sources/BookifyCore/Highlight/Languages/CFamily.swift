/// Languages with C's punctuation: braces, `//` and `/* */` comments.
extension LanguageGrammar {
    private static let cComments: [(open: String, close: String)] = [("/*", "*/")]

    static let c = LanguageGrammar(
        names: ["c", "h"],
        keywords: ["auto", "break", "case", "const", "continue", "default", "do", "else", "enum", "extern",
                   "for", "goto", "if", "inline", "register", "restrict", "return", "sizeof", "static",
                   "struct", "switch", "typedef", "union", "volatile", "while", "_Bool", "_Atomic"],
        types: ["char", "double", "float", "int", "long", "short", "signed", "unsigned", "void", "bool",
                "size_t", "ssize_t", "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t",
                "uint32_t", "uint64_t", "FILE"],
        literals: ["NULL", "true", "false"],
        builtins: ["printf", "fprintf", "malloc", "free", "memcpy", "memset", "strlen", "sizeof"],
        lineComments: ["//"], blockComments: cComments, preprocessorLines: true)

    static let cpp = LanguageGrammar(
        names: ["c++", "cpp", "cc", "cxx", "hpp"],
        keywords: c.keywords.union(["class", "namespace", "template", "typename", "public", "private",
                                    "protected", "virtual", "override", "final", "new", "delete", "using",
                                    "try", "catch", "throw", "constexpr", "noexcept", "operator", "this",
                                    "friend", "explicit", "mutable", "static_cast", "dynamic_cast",
                                    "reinterpret_cast", "const_cast", "co_await", "co_return", "auto"]),
        types: c.types.union(["string", "vector", "map", "unique_ptr", "shared_ptr", "std", "wchar_t"]),
        literals: ["nullptr", "true", "false", "NULL"],
        builtins: ["cout", "cin", "endl", "printf", "make_unique", "make_shared"],
        lineComments: ["//"], blockComments: cComments, preprocessorLines: true)

    static let csharp = LanguageGrammar(
        names: ["c#", "csharp", "cs"],
        keywords: ["abstract", "as", "async", "await", "base", "break", "case", "catch", "class", "const",
                   "continue", "default", "delegate", "do", "else", "enum", "event", "explicit", "extern",
                   "finally", "fixed", "for", "foreach", "get", "goto", "if", "implicit", "in", "interface",
                   "internal", "is", "lock", "namespace", "new", "operator", "out", "override", "params",
                   "private", "protected", "public", "readonly", "record", "ref", "return", "sealed", "set",
                   "sizeof", "static", "struct", "switch", "this", "throw", "try", "typeof", "using", "var",
                   "virtual", "void", "volatile", "while", "yield"],
        types: ["bool", "byte", "char", "decimal", "double", "float", "int", "long", "object", "sbyte",
                "short", "string", "uint", "ulong", "ushort", "dynamic"],
        literals: ["true", "false", "null"],
        lineComments: ["//"], blockComments: cComments,
        strings: [.init(open: "\"", close: "\""), .init(open: "'", close: "'"),
                  .init(open: "@\"", close: "\"", escape: nil, multiline: true)],
        preprocessorLines: true, capitalizedAreTypes: true)

    static let java = LanguageGrammar(
        names: ["java"],
        keywords: ["abstract", "assert", "break", "case", "catch", "class", "const", "continue", "default",
                   "do", "else", "enum", "extends", "final", "finally", "for", "goto", "if", "implements",
                   "import", "instanceof", "interface", "native", "new", "package", "private", "protected",
                   "public", "record", "return", "static", "strictfp", "super", "switch", "synchronized",
                   "this", "throw", "throws", "transient", "try", "var", "void", "volatile", "while", "yield"],
        types: ["boolean", "byte", "char", "double", "float", "int", "long", "short", "String", "Object"],
        literals: ["true", "false", "null"],
        lineComments: ["//"], blockComments: cComments,
        strings: [.triple("\""), .init(open: "\"", close: "\""), .init(open: "'", close: "'")],
        annotationPrefix: "@", capitalizedAreTypes: true)

    static let kotlin = LanguageGrammar(
        names: ["kotlin", "kt", "kts"],
        keywords: ["abstract", "as", "break", "by", "catch", "class", "companion", "const", "constructor",
                   "continue", "data", "do", "else", "enum", "external", "final", "finally", "for", "fun",
                   "get", "if", "import", "in", "init", "inline", "interface", "internal", "is", "lateinit",
                   "object", "open", "operator", "out", "override", "package", "private", "protected",
                   "public", "reified", "return", "sealed", "set", "super", "suspend", "this", "throw",
                   "try", "typealias", "val", "var", "vararg", "when", "where", "while"],
        types: ["Int", "Long", "Short", "Byte", "Double", "Float", "Boolean", "Char", "String", "Unit",
                "Any", "Nothing", "List", "Map", "Set"],
        literals: ["true", "false", "null"],
        builtins: ["println", "print", "listOf", "mapOf", "setOf", "mutableListOf", "require", "check"],
        lineComments: ["//"], blockComments: cComments,
        strings: [.triple("\""), .init(open: "\"", close: "\""), .init(open: "'", close: "'")],
        annotationPrefix: "@", capitalizedAreTypes: true)

    static let go = LanguageGrammar(
        names: ["go", "golang"],
        keywords: ["break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
                   "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
                   "return", "select", "struct", "switch", "type", "var"],
        types: ["bool", "byte", "complex64", "complex128", "error", "float32", "float64", "int", "int8",
                "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64",
                "uintptr", "any"],
        literals: ["true", "false", "nil", "iota"],
        builtins: ["append", "cap", "close", "copy", "delete", "len", "make", "new", "panic", "print",
                   "println", "recover"],
        lineComments: ["//"], blockComments: cComments,
        strings: [.init(open: "\"", close: "\""), .init(open: "'", close: "'"),
                  .init(open: "`", close: "`", escape: nil, multiline: true)])

    static let rust = LanguageGrammar(
        names: ["rust", "rs"],
        keywords: ["as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
                   "extern", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
                   "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "type",
                   "unsafe", "use", "where", "while"],
        types: ["bool", "char", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "str", "u8",
                "u16", "u32", "u64", "u128", "usize", "String", "Vec", "Option", "Result", "Box"],
        literals: ["true", "false", "None", "Some", "Ok", "Err"],
        builtins: ["println", "print", "format", "vec", "panic", "assert", "assert_eq", "eprintln"],
        lineComments: ["//"], blockComments: cComments,
        strings: [.init(open: "\"", close: "\"", multiline: true)],
        macroSuffix: "!", capitalizedAreTypes: true)

    static let swift = LanguageGrammar(
        names: ["swift"],
        keywords: ["actor", "any", "as", "associatedtype", "async", "await", "break", "case", "catch",
                   "class", "continue", "default", "defer", "deinit", "do", "else", "enum", "extension",
                   "fallthrough", "fileprivate", "for", "func", "guard", "if", "import", "in", "init",
                   "inout", "internal", "is", "let", "mutating", "nonisolated", "open", "operator",
                   "private", "protocol", "public", "repeat", "rethrows", "return", "self", "Self", "some",
                   "static", "struct", "subscript", "super", "switch", "throw", "throws", "try", "typealias",
                   "var", "where", "while"],
        types: ["Int", "Double", "Float", "Bool", "String", "Character", "Array", "Dictionary", "Set",
                "Optional", "Void", "Any", "UInt8", "Data", "URL"],
        literals: ["true", "false", "nil"],
        builtins: ["print", "fatalError", "precondition", "assert", "min", "max", "zip", "stride"],
        lineComments: ["//"], blockComments: cComments,
        strings: [.triple("\""), .init(open: "\"", close: "\"")],
        annotationPrefix: "@", capitalizedAreTypes: true)

    static let javascript = LanguageGrammar(
        names: ["javascript", "js", "jsx", "mjs", "cjs", "node"],
        keywords: ["async", "await", "break", "case", "catch", "class", "const", "continue", "debugger",
                   "default", "delete", "do", "else", "export", "extends", "finally", "for", "from",
                   "function", "if", "import", "in", "instanceof", "let", "new", "of", "return", "static",
                   "super", "switch", "this", "throw", "try", "typeof", "var", "void", "while", "with",
                   "yield"],
        literals: ["true", "false", "null", "undefined", "NaN", "Infinity"],
        builtins: ["console", "document", "window", "JSON", "Math", "Promise", "require", "module"],
        lineComments: ["//"], blockComments: cComments,
        strings: [.init(open: "\"", close: "\""), .init(open: "'", close: "'"),
                  .init(open: "`", close: "`", multiline: true)],
        identifierExtras: ["$"])

    static let typescript: LanguageGrammar = {
        var grammar = javascript
        grammar.names = ["typescript", "ts", "tsx"]
        grammar.keywords.formUnion(["abstract", "as", "declare", "enum", "implements", "interface",
                                    "keyof", "namespace", "private", "protected", "public", "readonly",
                                    "type", "satisfies"])
        grammar.types = ["string", "number", "boolean", "any", "unknown", "never", "void", "object",
                         "Array", "Record", "Promise", "Partial"]
        grammar.annotationPrefix = "@"
        grammar.capitalizedAreTypes = true
        return grammar
    }()

    static let php = LanguageGrammar(
        names: ["php"],
        keywords: ["abstract", "as", "break", "case", "catch", "class", "const", "continue", "declare",
                   "default", "do", "echo", "else", "elseif", "extends", "final", "finally", "fn", "for",
                   "foreach", "function", "global", "if", "implements", "include", "interface", "match",
                   "namespace", "new", "private", "protected", "public", "readonly", "require", "return",
                   "static", "switch", "throw", "trait", "try", "use", "while", "yield"],
        types: ["int", "float", "string", "bool", "array", "object", "mixed", "void", "callable"],
        literals: ["true", "false", "null", "TRUE", "FALSE", "NULL"],
        lineComments: ["//", "#"], blockComments: cComments,
        variablePrefixes: ["$"], capitalizedAreTypes: true)
}
