import Foundation

/// One build as a caller asks for it: the inputs, the books to write, and the settings, with
/// the configuration file (`bookify.yml`) under the caller's own choices. The command line
/// makes one from its flags; a Swift caller gets the same behaviour.
public struct BuildRequest: Sendable {
    /// Feed files, http(s) URLs, Markdown folders or files, or `-` for standard input.
    public var inputs: [String]
    /// The books to write, each in the format its extension names; empty: one EPUB named
    /// after the book's title.
    public var outputs: [OutputBook]
    /// The settings of bookify.yml with the caller's overrides laid over them.
    public var settings: BookSettings

    /// Reads the configuration (`configFile`, else `bookify.yml` beside the first input or in
    /// `workingDirectory`), then lays `overrides` over its settings, as command-line flags do.
    /// Inputs and outputs given here win over the file's; `SOURCE_DATE_EPOCH` in `environment`
    /// fixes the book's date.
    public init(inputs: [String], outputs: [String] = [], configFile: String? = nil,
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                environment: [String: String] = ProcessInfo.processInfo.environment,
                overrides: (inout BookSettings) -> Void = { _ in }) throws(BookifyError) {
        let configuration = try BookConfiguration.locate(explicit: configFile, inputs: inputs, workingDirectory: workingDirectory)
            .map { url throws(BookifyError) in try BookConfiguration.load(url) }
        var settings = configuration?.settings ?? BookSettings()
        overrides(&settings)
        try self.init(inputs: inputs.isEmpty ? configuration?.inputs ?? [] : inputs,
                      outputs: outputs.isEmpty ? configuration?.outputs ?? [] : outputs, settings: settings, environment: environment)
    }

    /// A build of `inputs` into `outputs` with exactly `settings` (no bookify.yml is read).
    public init(inputs: [String], outputs: [String], settings: BookSettings,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws(BookifyError) {
        var settings = settings
        if settings.assets.cacheFolder == nil { settings.assets.cacheFolder = DownloadCache.defaultFolder }
        if let folder = settings.assets.folder { try Self.requireFolder(folder) }
        settings.sourceDate = environment["SOURCE_DATE_EPOCH"].flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) }
        self.inputs = inputs
        self.outputs = try outputs.map { path throws(BookifyError) in try OutputBook(path: path) }
        do throws(SettingError) { try settings.mail.checked() } catch { throw .setting(error) }
        // Send to Kindle takes files up to 50 MB: a larger book goes as volumes, one message each.
        if settings.mail.sendsToKindle, settings.epub.splitSize == nil { settings.epub.splitSize = 45 * 1024 * 1024 }
        self.settings = settings
        if self.inputs.isEmpty, settings.archive == nil {
            throw .usage("Name at least one input (a feed file, or - for standard input), on the command line or as 'input' in bookify.yml"
                         + " (or build from an archive alone with --archive FILE).")
        }
        if settings.archive == nil, settings.archiveQuery.asOf != nil || settings.archiveQuery.newOnly {
            throw .setting(SettingError("chooses posts of an archive", key: settings.archiveQuery.asOf != nil ? "as-of" : "new-only",
                                        needs: "archive"))
        }
    }

    private static func requireFolder(_ folder: URL) throws(BookifyError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw .inputNotFound(path: folder.path)
        }
        guard isDirectory.boolValue else { throw .setting(SettingError("takes a folder; \(folder.path) is a file", key: "assets")) }
    }
}
