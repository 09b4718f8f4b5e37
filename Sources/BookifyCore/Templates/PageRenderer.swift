import Foundation

/// Renders the book's page chrome (cover, title page, chapter openers, post pages, colophon)
/// from the Mustache templates, as complete XHTML documents.
struct PageRenderer: Sendable {
    let templates: TemplateLibrary
    let metadata: BookMetadata
    /// The stylesheet's path relative to the pages.
    let stylesheetHref: String

    func titlePage(_ page: TitlePage) -> String {
        templates.render(.titlePage, context(pageTitle: page.title, [
            "title": page.title,
            "subtitle": page.subtitle,
            "authors": Self.list(page.authors),
            "description": page.description,
            "source": page.source,
        ]))
    }

    /// A post's page around `body` (the post's text, already markup); for a long post split
    /// over several pages, part `part` (from 0) of `count`.
    func post(_ header: PostHeader, body: String, part: Int = 0, of count: Int = 1) -> String {
        templates.render(.post, context(pageTitle: header.title, [
            "title": header.title,
            "date": header.date.map(metadata.longDate),
            "dateISO": header.date.map(FeedDate.day),
            "authors": Self.list(header.authors),
            "tags": header.tags,
            "hasTags": !header.tags.isEmpty,
            "url": header.url?.absoluteString,
            "externalURL": header.externalURL?.absoluteString,
            "body": body,
            "continued": part > 0,
            "continues": part < count - 1,
            "isLast": part == count - 1,
        ]))
    }

    /// A chapter's opening page: its title and the posts it holds, linked with `href`.
    func chapterOpener(_ opener: ChapterOpener, href: (String) -> String) -> String {
        templates.render(.chapter, context(pageTitle: opener.title, [
            "title": opener.title,
            "postCount": opener.posts.count,
            "postNoun": opener.posts.count == 1 ? "post" : "posts",
            "dates": opener.yearsText,
            "posts": opener.listedPosts.map { ["title": $0.title, "href": href($0.documentID)] },
            "hasPosts": !opener.listedPosts.isEmpty,
        ]))
    }

    func cover(imageHref: String) -> String {
        templates.render(.cover, context(pageTitle: metadata.title,
                                         ["title": metadata.title, "image": imageHref, "bodyClass": "cover-page"]))
    }

    func colophon(_ colophon: Colophon) -> String {
        templates.render(.colophon, context(pageTitle: "About this book", [
            "title": colophon.title,
            "source": colophon.source,
            "modified": metadata.longDate(colophon.modified),
            "postCount": colophon.postCount,
            "postNoun": colophon.postCount == 1 ? "post" : "posts",
            "generator": colophon.generator,
            "identifier": colophon.identifier,
            "archiveNote": colophon.archiveNote(longDate: metadata.longDate),
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

    private static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }
}
