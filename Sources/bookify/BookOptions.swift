import ArgumentParser
import BookifyCore

/// Options that set the book's metadata and look.
struct BookOptions: SettingOptions {
    @Option(help: Setting.help("title")) var title: String?
    @Option(help: Setting.help("subtitle")) var subtitle: String?
    @Option(name: .customLong("author"), help: Setting.help("author")) var authors: [String] = []
    @Option(help: Setting.help("language")) var language: String?
    @Option(help: Setting.help("publisher")) var publisher: String?
    @Option(help: Setting.help("identifier")) var identifier: String?
    @Option(help: Setting.help("css")) var css: String?
    @Option(help: Setting.help("templates")) var templates: String?
    @Option(help: Setting.help("cover")) var cover: String?
    @Option(help: Setting.help("device")) var device: DeviceProfile.Name?
    @Option(help: Setting.help("split-size")) var splitSize: String?

    var given: [String: SettingInput] {
        var given: [String: SettingInput] = [:]
        given.add("title", title)
        given.add("subtitle", subtitle)
        given.add("author", authors)
        given.add("language", language)
        given.add("publisher", publisher)
        given.add("identifier", identifier)
        given.add("css", css)
        given.add("templates", templates)
        given.add("cover", cover)
        given.add("device", device)
        given.add("split-size", splitSize)
        return given
    }
}

extension DeviceProfile.Name: ExpressibleByArgument {}
