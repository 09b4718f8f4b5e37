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
        .init(given: [
            "title": title,
            "subtitle": subtitle,
            "author": authors,
            "language": language,
            "publisher": publisher,
            "identifier": identifier,
            "css": css,
            "templates": templates,
            "cover": cover,
            "device": device,
            "split-size": splitSize,
        ])
    }
}

extension DeviceProfile.Name: ExpressibleByArgument {}
