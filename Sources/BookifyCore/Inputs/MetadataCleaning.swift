import Foundation

/// What every reader's blog goes through before the book sees it: text fields without the
/// characters XML forbids (a NUL or U+FFFE in a title would make every page that shows it
/// malformed), an empty title replaced, and every address a book could not hold as a link
/// (`LinkURL.isLinkable`) left out, as content links are, so that a feed's `javascript:` home
/// page or `file:` post URL never becomes a live link. Pictures must be http(s).
extension Blog {
    func cleaned() -> Blog {
        var blog = self
        blog.title = title.map(Self.clean).flatMap { $0.isEmpty ? nil : $0 }
        blog.description = description.map(Self.clean)
        blog.homePageURL = homePageURL.linkable()
        blog.feedURL = feedURL.linkable()
        blog.icon = icon.linkable(mail: false)
        blog.authors = authors.compactMap { $0.cleaned() }
        blog.posts = posts.map { $0.cleaned() }
        return blog
    }

    /// `text` without what XML forbids and without surrounding spaces.
    static func clean(_ text: String) -> String {
        XMLText.withoutForbiddenCharacters(text).trimmed
    }
}

extension Post {
    func cleaned() -> Post {
        var post = self
        post.title = Blog.clean(title)
        if post.title.isEmpty {
            post.title = Blog.clean(PostTitle.derived(summary: summary.map(Blog.clean), content: XMLText.withoutForbiddenCharacters(content),
                                                      format: contentFormat))
        }
        if post.title.isEmpty { post.title = "Untitled post" }
        post.summary = summary.map(Blog.clean)
        post.tags = tags.map(Blog.clean).filter { !$0.isEmpty }
        post.series = series.flatMap { series in
            var series = series
            series.name = Blog.clean(series.name)
            return series.name.isEmpty ? nil : series
        }
        post.url = url.linkable(mail: false)
        post.externalURL = externalURL.linkable()
        post.image = image.linkable(mail: false)
        post.bannerImage = bannerImage.linkable(mail: false)
        post.contentBase = contentBase.linkable(mail: false)
        post.aliases = aliases.filter { LinkURL.isLinkable($0, mail: false) }
        post.authors = authors.compactMap { $0.cleaned() }
        post.attachments = attachments.filter { LinkURL.isLinkable($0.url, mail: false) }.map { attachment in
            var attachment = attachment
            attachment.title = attachment.title.map(Blog.clean)
            return attachment
        }
        return post
    }
}

extension Author {
    /// The author with a clean name and linkable addresses; nil when no name is left.
    func cleaned() -> Author? {
        var author = self
        author.name = Blog.clean(name)
        author.url = url.linkable()
        author.avatar = avatar.linkable(mail: false)
        return author.name.isEmpty ? nil : author
    }
}

private extension Optional where Wrapped == URL {
    func linkable(mail: Bool = true) -> URL? {
        flatMap { LinkURL.isLinkable($0, mail: mail) ? $0 : nil }
    }
}
