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

    @Option(help: "How to read feed HTML that may be Markdown: auto, markdown or html.")
    var contentFormat: ContentFormatOption = .auto

    @Option(help: "Post order: oldest-first or newest-first.")
    var order: PostOrder = .oldestFirst

    @Option(help: "How deep the table of contents goes: 1 lists posts, 2 adds their sections, up to 6.")
    var tocDepth: Int = 2

    func validate() throws {
        if let language, LanguageTag.normalized(language) == nil {
            throw ValidationError("'\(language)' is not a language tag (examples: en, de-DE, pt-BR).")
        }
        if !(1...6).contains(tocDepth) { throw ValidationError("--toc-depth takes a number from 1 to 6.") }
        for (name, value) in [("--title", title), ("--author", authors.first { $0.isBlank }), ("--identifier", identifier)] {
            if let value, value.isBlank { throw ValidationError("\(name) must not be empty.") }
        }
    }

    func settings() -> BookSettings {
        var settings = BookSettings()
        settings.title = title
        settings.subtitle = subtitle
        settings.authors = authors
        settings.language = language.flatMap(LanguageTag.normalized)
        settings.publisher = publisher
        settings.identifier = identifier
        settings.stylesheet = css.map { URL(fileURLWithPath: $0) }
        settings.templatesDirectory = templates.map { URL(fileURLWithPath: $0) }
        settings.contentFormat = contentFormat.format
        settings.order = order
        return settings
    }
}

enum ContentFormatOption: String, ExpressibleByArgument, CaseIterable {
    case auto, markdown, html

    var format: ContentFormat? {
        switch self {
        case .auto: return nil
        case .markdown: return .markdown
        case .html: return .html
        }
    }
}

extension PostOrder: ExpressibleByArgument {}

private extension String {
    var isBlank: Bool { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}
