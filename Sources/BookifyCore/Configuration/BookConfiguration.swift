import Foundation

/// A `bookify.yml`: every command-line setting, plus the `chapters:` list that curates the
/// book. Paths in it are relative to the file's folder. Command-line flags win over it.
public struct BookConfiguration: Sendable {
    /// The file bookify looks for beside the first input and in the working folder.
    public static let fileName = "bookify.yml"

    /// Where the configuration was read from.
    public var file: URL
    /// Inputs named by `input:`, used when the command line names none.
    public var inputs: [String] = []
    /// Books named by `output:`, used when the command line names none.
    public var outputs: [String] = []
    /// The settings the file makes.
    public var settings = BookSettings()
    /// The blogs of `blogs:`, which `bookify digest` reads, each with settings of its own.
    public var blogs: [DigestBlog] = []

    /// An empty configuration read from `file` (for messages).
    public init(file: URL) {
        self.file = file
    }

    /// The configuration to use: `explicit` when given, else `bookify.yml` beside the first
    /// input, else in `workingDirectory`; `nil` when there is none.
    public static func locate(explicit: String?, inputs: [String], workingDirectory: URL) throws(BookifyError) -> URL? {
        if let explicit {
            guard FileManager.default.fileExists(atPath: explicit) else { throw .inputNotFound(path: explicit) }
            return URL(fileURLWithPath: explicit)
        }
        return candidates(inputs: inputs, workingDirectory: workingDirectory).first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Where a `bookify.yml` is looked for, in order, whether or not it exists: beside the
    /// first input (in it, for a folder), then in `workingDirectory`.
    public static func candidates(inputs: [String], workingDirectory: URL) -> [URL] {
        var candidates: [URL] = []
        if let input = inputs.first, input != "-", !input.contains("://") {
            var isDirectory: ObjCBool = false
            let url = URL(fileURLWithPath: input)
            let exists = FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory)
            let folder = exists && isDirectory.boolValue ? url : url.deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent(fileName))
        }
        candidates.append(workingDirectory.appendingPathComponent(fileName))
        return candidates
    }

    /// Reads and checks a configuration file; unknown keys and wrong types are errors that
    /// name the key, line and column.
    public static func load(_ file: URL) throws(BookifyError) -> BookConfiguration {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .inputNotReadable(path: file.path, reason: "cannot read the configuration")
        }
        let text = String(decoding: data, as: UTF8.self)
        let root = try YAMLDocument.compose(text, path: file.path, what: "YAML")
        var configuration = BookConfiguration(file: file)
        guard let root else { return configuration }  // an empty file
        try ConfigurationReader(file: file).read(root, into: &configuration)
        return configuration
    }
}

/// A blog of a digest (`blogs:` in bookify.yml): its address or path, and the settings that
/// read it differently from the others (`latest`, `feed-only`, `full-text`, …).
public struct DigestBlog: Sendable {
    /// A web address, feed file or Markdown folder (relative paths resolved against the file).
    public var input: String
    /// Settings of reading this blog, by key, laid over the file's own.
    public var settings: [String: SettingInput]

    /// The blog `input`, read with `settings` (by key) over the others'.
    public init(input: String, settings: [String: SettingInput] = [:]) {
        self.input = input
        self.settings = settings
    }

    /// The settings that may differ per blog: how it is read, not how the book looks.
    public static let keys: Set<String> = Set(Setting.all.filter { $0.stage == .site || $0.stage == .images }.map(\.key))
        .union(["drafts", "offline", "content-format", "connect-timeout", "timeout", "size-limit"])

    /// The settings for reading this blog: `base` with this blog's own over them.
    public func settings(over base: BookSettings, paths: SettingPaths) throws(SettingError) -> BookSettings {
        var settings = base
        try Setting.apply(self.settings, to: &settings, paths: paths)
        return settings
    }
}
