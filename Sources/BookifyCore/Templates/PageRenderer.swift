import Foundation

/// Renders the book's pages (title page, posts, colophon) from the templates, as complete
/// XHTML documents.
struct PageRenderer: Sendable {
    static let generator = "bookify \(BookifyVersion.current)"

    let templates: TemplateLibrary
    let metadata: BookMetadata
    /// The stylesheet's path relative to the pages.
    let stylesheetHref: String

    func titlePage() -> String {
        templates.render(.titlePage, context(pageTitle: metadata.title, [
            "title": metadata.title,
            "subtitle": metadata.subtitle,
            "authors": Self.list(metadata.authors),
            "description": metadata.description,
            "source": metadata.source,
        ]))
    }

    /// A post's page; for a long post split over several pages, part `part` (from 0) of
    /// `count`, whose `body` is that part.
    func post(_ document: PostDocument, body: [XHTMLNode]? = nil, part: Int = 0, of count: Int = 1) -> String {
        let post = document.post
        let ownAuthors = post.authors.map(\.name)
        let showsAuthors = !ownAuthors.isEmpty && Set(ownAuthors) != Set(metadata.authors)
        return templates.render(.post, context(pageTitle: post.title, [
            "title": post.title,
            "date": post.date.map(displayDate),
            "dateISO": post.date.map(FeedDate.day),
            "authors": showsAuthors ? Self.list(ownAuthors) : nil,
            "tags": post.tags,
            "hasTags": !post.tags.isEmpty,
            "url": post.url?.absoluteString,
            "externalURL": post.externalURL.flatMap { $0 == post.url ? nil : $0.absoluteString },
            "body": XHTMLSerializer.serialize(body ?? document.body),
            "continued": part > 0,
            "continues": part < count - 1,
            "isLast": part == count - 1,
        ]))
    }

    /// A chapter's opening page: its title and the posts it holds, with links.
    func chapterOpener(title: String, posts: [(title: String, href: String, date: Date?)]) -> String {
        let dates = posts.compactMap(\.date)
        let years = Set(dates.map { Calendar(identifier: .gregorian).component(.year, from: $0) }).sorted()
        let span = years.count > 1 ? "\(years.first!)–\(years.last!)" : years.first.map(String.init)
        return templates.render(.chapter, context(pageTitle: title, [
            "title": title,
            "postCount": posts.count,
            "postNoun": posts.count == 1 ? "post" : "posts",
            "dates": span,
            "posts": posts.map { ["title": $0.title, "href": $0.href] },
        ]))
    }

    func cover(imageHref: String) -> String {
        templates.render(.cover, context(pageTitle: metadata.title,
                                         ["title": metadata.title, "image": imageHref, "bodyClass": "cover-page"]))
    }

    func colophon(postCount: Int) -> String {
        templates.render(.colophon, context(pageTitle: "About this book", [
            "title": metadata.title,
            "source": metadata.source,
            "modified": displayDate(metadata.modified),
            "postCount": postCount,
            "generator": Self.generator,
            "identifier": metadata.identifier,
        ]))
    }

    /// The values a template sees, with those every page has. Absent and empty values are
    /// left out, so that `{{#key}}` sections disappear for them.
    private func context(pageTitle: String, _ values: [String: Any?]) -> [String: Any] {
        var context: [String: Any] = ["language": metadata.language, "pageTitle": pageTitle,
                                      "stylesheet": stylesheetHref, "bookTitle": metadata.title]
        for case let (key, value?) in values {
            if let text = value as? String, text.isEmpty { continue }
            context[key] = value
        }
        return context
    }

    /// A long date in the book's language, in UTC so that builds do not depend on the machine.
    private func displayDate(_ date: Date) -> String {
        var style = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: metadata.language),
                                     calendar: Calendar(identifier: .gregorian))
        style.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(style)
    }

    private static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }
}

/// The version bookify reports in its books and on the command line.
public enum BookifyVersion {
    public static let current = "0.1.0"
}
