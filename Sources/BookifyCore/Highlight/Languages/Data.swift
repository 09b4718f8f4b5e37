/// Data and query languages.
extension LanguageGrammar {
    static let json = LanguageGrammar(
        names: ["json", "jsonc", "json5", "geojson"],
        literals: ["true", "false", "null"],
        lineComments: ["//"], blockComments: [("/*", "*/")],
        strings: [.init(open: "\"", close: "\"")],
        keysBeforeColon: true)

    static let yaml = LanguageGrammar(
        names: ["yaml", "yml"],
        literals: ["true", "false", "null", "yes", "no", "on", "off", "True", "False", "Null", "~"],
        lineComments: ["#"], lineCommentNeedsSpaceBefore: true,
        strings: [.init(open: "\"", close: "\""), .init(open: "'", close: "'", escape: nil)],
        variablePrefixes: ["&", "*"],
        lineStartRules: [.init(pattern: #"^(?:- +)*([^\s:#"'\[\]{},&*!|>-][^:#]*?)\s*:(?=\s|$)"#, kind: .property),
                         .init(pattern: #"^(---|\.\.\.)\s*$"#, kind: .meta)],
        operatorCharacters: Set("|>-:"), punctuationCharacters: Set("[]{},"))

    static let toml = LanguageGrammar(
        names: ["toml"],
        literals: ["true", "false"],
        lineComments: ["#"],
        strings: [.triple("\""), .init(open: "'''", close: "'''", escape: nil, multiline: true),
                  .init(open: "\"", close: "\""), .init(open: "'", close: "'", escape: nil)],
        lineStartRules: [.init(pattern: #"^(\[\[?[^\]]+\]\]?)"#, kind: .type),
                         .init(pattern: #"^([A-Za-z0-9_.\-"']+)\s*(?==)"#, kind: .property)],
        operatorCharacters: Set("="), punctuationCharacters: Set("[]{},."))

    static let sql = LanguageGrammar(
        names: ["sql", "postgresql", "postgres", "psql", "mysql", "sqlite", "plsql"],
        keywords: ["select", "from", "where", "and", "or", "not", "insert", "into", "values", "update", "set",
                   "delete", "create", "table", "index", "view", "drop", "alter", "add", "column", "primary",
                   "key", "foreign", "references", "join", "inner", "left", "right", "outer", "full", "on",
                   "as", "group", "by", "order", "having", "limit", "offset", "union", "all", "distinct",
                   "case", "when", "then", "else", "end", "in", "is", "like", "between", "exists", "with",
                   "begin", "commit", "rollback", "transaction", "returning", "default", "unique", "check",
                   "constraint", "if", "explain", "analyze", "asc", "desc", "using", "vacuum", "pragma"],
        types: ["int", "integer", "bigint", "smallint", "text", "varchar", "char", "boolean", "bool", "date",
                "timestamp", "timestamptz", "numeric", "decimal", "real", "float", "double", "serial",
                "uuid", "jsonb", "json", "blob", "INT", "INTEGER", "BIGINT", "TEXT", "VARCHAR", "BOOLEAN",
                "TIMESTAMP", "NUMERIC", "REAL", "BLOB", "SERIAL", "UUID", "JSONB"],
        literals: ["null", "true", "false"],
        builtins: ["count", "sum", "avg", "min", "max", "coalesce", "now", "COUNT", "SUM", "AVG", "MIN",
                   "MAX", "COALESCE", "NOW"],
        caseInsensitiveKeywords: true,
        lineComments: ["--"], blockComments: [("/*", "*/")],
        strings: [.init(open: "'", close: "'", escape: nil, multiline: true),
                  .init(open: "\"", close: "\"", escape: nil, kind: .variable)],
        variablePrefixes: ["$", "@"])
}
