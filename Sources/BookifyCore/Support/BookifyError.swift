/// A line and column in an input file, both counted from 1.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The line, counted from 1.
    public var line: Int
    /// The column, counted from 1, in characters.
    public var column: Int

    /// A position in a file.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`, as compilers print it.
    public var description: String { "\(line):\(column)" }
}

/// Everything that can stop a build, with the context a user needs to fix it.
/// The command line turns these into messages and exit codes; the library never prints.
public enum BookifyError: Error, Sendable, Equatable {
    /// A named input does not exist.
    case inputNotFound(path: String)
    /// An input exists but could not be read.
    case inputNotReadable(path: String, reason: String)
    /// An input was read but its content is not valid.
    case invalidInput(path: String, location: SourceLocation?, reason: String)
    /// A user-supplied template or stylesheet is broken.
    case invalidTemplate(path: String, reason: String)
    /// The output file cannot be created where it was asked for.
    case outputNotCreatable(path: String, reason: String)
    /// Writing failed part-way.
    case writeFailed(path: String, reason: String)
    /// The request itself is wrong.
    case usage(String)
    /// A setting's value is wrong, or the setting needs another: named by its key (the command
    /// line names its flag).
    case setting(SettingError)
    /// A book could not be mailed (and what had been sent by then).
    case mail(MailFailure)
}
