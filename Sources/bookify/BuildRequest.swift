import BookifyCore
import Foundation

/// What one run is asked to do: the configuration file (if any) with the command line over it.
struct BuildRequest {
    var inputs: [String]
    var outputs: [String]
    var settings: BookSettings
    var tocDepth: Int

    init(inputs: [String], outputs: [String], book: BookOptions, planning: PlanningOptions) throws(BookifyError) {
        let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let configuration = try BookConfiguration.locate(explicit: planning.config, inputs: inputs,
                                                         workingDirectory: workingDirectory)
            .map { url throws(BookifyError) in try BookConfiguration.load(url) }
        var settings = configuration?.settings ?? BookSettings()
        book.apply(to: &settings)
        planning.apply(to: &settings)
        settings.sourceDate = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
            .flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) }
        self.inputs = inputs.isEmpty ? configuration?.inputs ?? [] : inputs
        self.outputs = outputs.isEmpty ? configuration?.outputs ?? [] : outputs
        self.settings = settings
        self.tocDepth = planning.tocDepth ?? configuration?.tocDepth ?? 2
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
