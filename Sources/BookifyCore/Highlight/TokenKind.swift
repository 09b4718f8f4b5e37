/// What a run of code is, for colouring: each kind is a `tok-KIND` class in the stylesheet.
public enum TokenKind: String, Sendable, CaseIterable {
    case keyword, type, function, string, number, comment, `operator`, punctuation
    /// `true`, `nil`, `None`: constants the language names.
    case literal
    /// `$HOME`, `@name`, `${x}`.
    case variable
    /// Annotations, preprocessor lines, diff hunk headers.
    case meta
    /// Markup tag names and CSS selectors.
    case tag
    /// Markup attribute names.
    case attribute
    /// Keys of JSON, YAML, TOML; CSS properties.
    case property
    /// Well-known functions and commands (`print`, `echo`).
    case builtin
    /// Diff lines added and removed.
    case inserted, deleted
}
