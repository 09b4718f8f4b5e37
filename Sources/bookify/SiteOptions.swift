import ArgumentParser
import BookifyCore

/// Options for a blog named by its web address: how much of its history, full text, and how
/// politely it is read.
struct SiteOptions: SettingOptions {
    @Option(help: Setting.help("latest")) var latest: Int?
    @Flag(help: ArgumentHelp(Setting.help("feed-only").abstract)) var feedOnly = false
    @Option(help: Setting.help("full-text")) var fullText: FullTextMode?
    @Option(help: Setting.help("per-host")) var perHost: Int?
    @Option(help: Setting.help("delay")) var delay: Double?

    var given: [String: SettingInput] {
        .init(given: [
            "latest": latest,
            "feed-only": feedOnly,
            "full-text": fullText,
            "per-host": perHost,
            "delay": delay,
        ])
    }
}

extension FullTextMode: ExpressibleByArgument {}
