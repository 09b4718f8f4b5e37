/// One entry of the book's table of contents; the same tree feeds nav.xhtml and the NCX.
struct TOCEntry: Sendable, Hashable {
    var title: String
    /// The target, relative to the package document.
    var href: String
    var children: [TOCEntry] = []
}

enum TableOfContents {
    /// Chapters (when titled) → posts → the posts' headings down to `depth`
    /// (1: posts only; 2: posts and their top-level headings; …).
    ///
    /// `chapterHref` gives a titled chapter's opening page; `href` a post's page, or the page
    /// and fragment of one of its ids (a long post is split over several pages).
    static func entries(chapters: [BookContent.ChapterContent], depth: Int, chapterHref: (Int) -> String,
                        href: (PostDocument, _ id: String?) -> String) -> [TOCEntry] {
        chapters.enumerated().flatMap { index, chapter -> [TOCEntry] in
            let posts = chapter.documents.map { document in
                TOCEntry(title: document.post.title, href: href(document, nil),
                         children: headingEntries(document.headings, maximumLevel: depth) { href(document, $0) })
            }
            guard let title = chapter.title else { return posts }
            return [TOCEntry(title: title, href: chapterHref(index), children: posts)]
        }
    }

    /// Nests headings by level: an h3 goes under the h2 before it.
    private static func headingEntries(_ headings: [Heading], maximumLevel: Int, href: (String) -> String) -> [TOCEntry] {
        var roots: [TOCEntry] = []
        var stack: [(level: Int, path: [Int])] = []
        for heading in headings where heading.level <= maximumLevel {
            let entry = TOCEntry(title: heading.text, href: href(heading.id))
            while let last = stack.last, last.level >= heading.level { stack.removeLast() }
            if let parent = stack.last {
                let path = parent.path + [insert(entry, at: parent.path, into: &roots)]
                stack.append((heading.level, path))
            } else {
                roots.append(entry)
                stack.append((heading.level, [roots.count - 1]))
            }
        }
        return roots
    }

    /// Appends `entry` to the children of the entry at `path`; returns its index there.
    private static func insert(_ entry: TOCEntry, at path: [Int], into entries: inout [TOCEntry]) -> Int {
        if path.count == 1 {
            entries[path[0]].children.append(entry)
            return entries[path[0]].children.count - 1
        }
        return insert(entry, at: Array(path.dropFirst()), into: &entries[path[0]].children)
    }
}
