import ArgumentParser
import BookifyCore
import Foundation

/// Options that say where the posts' images come from.
struct AssetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A local copy of the site: images are looked for here first (the path from the post, from the site root, then a file name found once).",
                               valueName: "dir"))
    var assets: String?

    @Option(help: ArgumentHelp("Where the site lives now: images on the feed's home-page site are fetched from this URL instead.",
                               valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Where downloaded images are kept between runs (default: $XDG_CACHE_HOME/bookify or ~/.cache/bookify).",
                               valueName: "dir"))
    var cacheDir: String?

    func validate() throws {
        if let baseURL, URL(webAddress: baseURL) == nil {
            throw ValidationError("--base-url takes an http or https URL, not '\(baseURL)'.")
        }
    }

    /// Applies the options given on the command line over `settings` (from a config file).
    func apply(to settings: inout BookSettings) {
        if let assets { settings.assets.folder = URL(fileURLWithPath: assets) }
        if let baseURL { settings.assets.baseURL = URL(webAddress: baseURL) }
        if let cacheDir { settings.assets.cacheFolder = URL(fileURLWithPath: cacheDir) }
    }
}
