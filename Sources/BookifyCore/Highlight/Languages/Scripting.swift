/// Scripting languages and shells.
extension LanguageGrammar {
    static let python = LanguageGrammar(
        names: ["python", "py", "python3", "py3"],
        keywords: ["and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
                   "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
                   "lambda", "match", "case", "nonlocal", "not", "or", "pass", "raise", "return", "try",
                   "while", "with", "yield"],
        types: ["int", "float", "str", "bool", "list", "dict", "set", "tuple", "bytes", "object"],
        literals: ["True", "False", "None"],
        builtins: ["print", "len", "range", "open", "enumerate", "zip", "map", "filter", "sorted", "isinstance",
                   "super", "self"],
        lineComments: ["#"],
        strings: [.triple("\""), .triple("'"), .init(open: "\"", close: "\""), .init(open: "'", close: "'")],
        annotationPrefix: "@", capitalizedAreTypes: true)

    static let ruby = LanguageGrammar(
        names: ["ruby", "rb"],
        keywords: ["alias", "and", "begin", "break", "case", "class", "def", "defined?", "do", "else",
                   "elsif", "end", "ensure", "for", "if", "in", "module", "next", "not", "or", "redo",
                   "rescue", "retry", "return", "self", "super", "then", "undef", "unless", "until", "when",
                   "while", "yield", "require", "attr_accessor", "attr_reader", "private"],
        literals: ["true", "false", "nil"],
        builtins: ["puts", "print", "p", "raise", "lambda", "proc"],
        lineComments: ["#"], blockComments: [("=begin", "=end")],
        strings: [.init(open: "\"", close: "\""), .init(open: "'", close: "'")],
        identifierExtras: ["?", "!"], variablePrefixes: ["@", "$"], capitalizedAreTypes: true)

    static let lua = LanguageGrammar(
        names: ["lua"],
        keywords: ["and", "break", "do", "else", "elseif", "end", "for", "function", "goto", "if", "in",
                   "local", "not", "or", "repeat", "return", "then", "until", "while"],
        literals: ["true", "false", "nil"],
        builtins: ["print", "pairs", "ipairs", "require", "table", "string", "tostring", "tonumber", "type"],
        lineComments: ["--"], blockComments: [("--[[", "]]")],
        strings: [.init(open: "[[", close: "]]", escape: nil, multiline: true),
                  .init(open: "\"", close: "\""), .init(open: "'", close: "'")])

    static let shell = LanguageGrammar(
        names: ["bash", "sh", "shell", "zsh", "console", "shell-session", "ksh"],
        keywords: ["if", "then", "else", "elif", "fi", "for", "in", "do", "done", "while", "until", "case",
                   "esac", "function", "select", "return", "local", "export", "declare", "readonly", "unset",
                   "shift", "break", "continue", "exit", "source"],
        literals: ["true", "false"],
        builtins: ["echo", "cd", "printf", "read", "set", "test", "eval", "exec", "trap", "alias", "sudo",
                   "cat", "grep", "sed", "awk", "ls", "rm", "cp", "mv", "mkdir", "curl", "git", "make"],
        lineComments: ["#"], lineCommentNeedsSpaceBefore: true,
        strings: [.init(open: "\"", close: "\"", multiline: true), .init(open: "'", close: "'", escape: nil, multiline: true)],
        identifierExtras: ["-"], variablePrefixes: ["$"],
        operatorCharacters: Set("|&<>=!;"), punctuationCharacters: Set("()[]{}"))
}
