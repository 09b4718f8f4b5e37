import ArgumentParser
import BookifyCore

/// Options that say where the posts' images come from.
struct AssetOptions: SettingOptions {
    @Option(help: Setting.help("assets")) var assets: String?
    @Option(help: Setting.help("base-url")) var baseURL: String?
    @Option(help: Setting.help("cache-dir")) var cacheDir: String?

    var given: [String: SettingInput] {
        .init(given: [
            "assets": assets,
            "base-url": baseURL,
            "cache-dir": cacheDir,
        ])
    }
}
