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
        var given: [String: SettingInput] = [:]
        given.add("latest", number: latest)
        given.add("feed-only", flag: feedOnly)
        given.add("full-text", fullText)
        given.add("per-host", number: perHost)
        given.add("delay", number: delay)
        return given
    }
}

extension FullTextMode: ExpressibleByArgument {}
