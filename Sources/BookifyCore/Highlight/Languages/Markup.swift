/// Markup and style sheets, and line-oriented build files.
extension LanguageGrammar {
    static let html = LanguageGrammar(
        names: ["html", "xml", "xhtml", "svg", "htm", "rss", "atom", "plist", "vue"], mode: .markup)

    static let css = LanguageGrammar(
        names: ["css", "scss", "less"], mode: .stylesheet)

    static let diff = LanguageGrammar(
        names: ["diff", "patch", "udiff"], mode: .diff)

    static let dockerfile = LanguageGrammar(
        names: ["dockerfile", "docker", "containerfile"],
        keywords: ["as", "and"],
        builtins: ["apt-get", "apk", "pip", "npm", "yarn", "go", "make", "echo", "cd", "mkdir", "rm"],
        lineComments: ["#"], lineCommentNeedsSpaceBefore: true,
        strings: [.init(open: "\"", close: "\""), .init(open: "'", close: "'", escape: nil)],
        identifierExtras: ["-"], variablePrefixes: ["$"],
        lineStartRules: [.init(pattern: #"(?i)^(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)\b"#,
                               kind: .keyword)],
        operatorCharacters: Set("|&<>=!;\\"), punctuationCharacters: Set("()[]{},"))

    static let makefile = LanguageGrammar(
        names: ["makefile", "make", "mk", "mak"],
        keywords: ["ifeq", "ifneq", "ifdef", "ifndef", "else", "endif", "include", "define", "endef",
                   "export", "override", "vpath"],
        builtins: ["wildcard", "patsubst", "subst", "shell", "foreach", "call", "addprefix", "notdir"],
        lineComments: ["#"],
        strings: [.init(open: "\"", close: "\""), .init(open: "'", close: "'", escape: nil)],
        identifierExtras: ["-", "."], variablePrefixes: ["$"],
        lineStartRules: [.init(pattern: #"^([A-Za-z0-9_./%$()\- ]+?)\s*::?(?!=)"#, kind: .function),
                         .init(pattern: #"^([A-Za-z_][A-Za-z0-9_]*)\s*(?=[:+?]?=)"#, kind: .variable)],
        operatorCharacters: Set(":=+?|@"), punctuationCharacters: Set("(){}"))
}
