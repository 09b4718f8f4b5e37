import BookifyCore
import Foundation

/// What one run is asked to do: the configuration file (if any) with the command line over it.
struct BuildRequest {
    var inputs: [String]
    var outputs: [String]
    var settings: BookSettings
    var tocDepth: Int
    /// Images that cannot be embedded fail the build.
    var strict: Bool

    init(inputs: [String], outputs: [String], book: BookOptions, planning: PlanningOptions, assets: AssetOptions,
         strict: Bool = false) throws(BookifyError) {
        let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let configuration = try BookConfiguration.locate(explicit: planning.config, inputs: inputs,
                                                         workingDirectory: workingDirectory)
            .map { url throws(BookifyError) in try BookConfiguration.load(url) }
        var settings = configuration?.settings ?? BookSettings()
        book.apply(to: &settings)
        planning.apply(to: &settings)
        assets.apply(to: &settings)
        if settings.assets.cacheFolder == nil { settings.assets.cacheFolder = ImageCache.defaultFolder }
        if let folder = settings.assets.folder {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
                throw .inputNotFound(path: folder.path)
            }
            guard isDirectory.boolValue else { throw .usage("--assets takes a folder; \(folder.path) is a file.") }
        }
        settings.sourceDate = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
            .flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) }
        self.inputs = inputs.isEmpty ? configuration?.inputs ?? [] : inputs
        self.outputs = outputs.isEmpty ? configuration?.outputs ?? [] : outputs
        self.settings = settings
        self.tocDepth = planning.tocDepth ?? configuration?.tocDepth ?? 2
        self.strict = strict || configuration?.strict == true
        if self.inputs.isEmpty {
            throw .usage("Name at least one input (a feed file, or - for standard input), on the command line or as 'input' in bookify.yml.")
        }
    }

    var builder: BookBuilder {
        var builder = BookBuilder(settings: settings)
        builder.tocDepth = tocDepth
        return builder
    }
}
