import ArgumentParser
import BookifyCore
import Foundation

/// Options that set the book's metadata and look.
struct BookOptions: ParsableArguments {
    @Option(help: "The book's title (default: the feed's).")
    var title: String?

    @Option(help: "A subtitle for the title page.")
    var subtitle: String?

    @Option(name: .customLong("author"), help: "An author of the book; repeat for several (default: the feed's).")
    var authors: [String] = []

    @Option(help: "The book's language as a BCP 47 tag, e.g. en or de-DE (default: the feed's, else en).")
    var language: String?

    @Option(help: "The publisher named in the book's metadata.")
    var publisher: String?

    @Option(help: "The book's unique identifier (default: a UUID derived from the feed's URL).")
    var identifier: String?

    @Option(help: "A stylesheet to use instead of the built-in one.")
    var css: String?

    @Option(help: "A folder of Mustache templates (layout, title-page, post, colophon) to use instead of the built-in ones.")
    var templates: String?

    @Option(help: "A cover image (PNG or JPEG): a file or an http(s) URL; none for no cover (default: a cover drawn with the title, byline and address).")
    var cover: String?

    @Option(help: "The reading device: generic, kindle, kobo, remarkable or phone (images sized, converted and made gray for it; a warning when the book is larger than it takes).")
    var device: DeviceProfile.Name?

    @Option(help: ArgumentHelp("The largest EPUB, e.g. 45MB or 500KB: a larger book is written in volumes NAME-1.epub, NAME-2.epub, … (each complete, at post boundaries).",
                               valueName: "size"))
    var splitSize: String?

    func validate() throws {
        if let splitSize, BookSettings.byteCount(splitSize) == nil {
            throw ValidationError("--split-size takes a size such as 45MB or 500KB (at least 10KB), not '\(splitSize)'.")
        }
        if let language, LanguageTag.normalized(language) == nil {
            throw ValidationError("'\(language)' is not a language tag (examples: en, de-DE, pt-BR).")
        }
        for (name, value) in [("--title", title), ("--author", authors.first { $0.isBlank }), ("--identifier", identifier)] {
            if let value, value.isBlank { throw ValidationError("\(name) must not be empty.") }
        }
    }

    /// Applies the options given on the command line over `settings` (from a config file).
    func apply(to settings: inout BookSettings) {
        if let title { settings.title = title }
        if let subtitle { settings.subtitle = subtitle }
        if !authors.isEmpty { settings.authors = authors }
        if let language { settings.language = LanguageTag.normalized(language) }
        if let publisher { settings.publisher = publisher }
        if let identifier { settings.identifier = identifier }
        if cover?.lowercased() == "none" {
            (settings.cover, settings.drawsCover) = (nil, false)
        } else if let cover {
            settings.cover = URL(webAddress: cover) ?? URL(fileURLWithPath: cover)
        }
        if let device { settings.device = DeviceProfile(device) }
        if let splitSize { settings.splitSize = BookSettings.byteCount(splitSize) }
        if let css { settings.stylesheet = URL(fileURLWithPath: css) }
        if let templates { settings.templatesDirectory = URL(fileURLWithPath: templates) }
    }
}

extension DeviceProfile.Name: ExpressibleByArgument {}

private extension String {
    var isBlank: Bool { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}
