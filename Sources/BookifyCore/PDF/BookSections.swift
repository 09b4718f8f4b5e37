import Foundation

/// The sections of the PDF book as slices: title page, contents, chapter openers, posts (header,
/// body, notes) and colophon, each laid out from the book model and its chrome values.
struct BookSections {
    let content: BookContent
    let style: PDFStyle
    let typesetter: Typesetter
    let images: [String: EmbeddedImage]

    init(content: BookContent, style: PDFStyle, typesetter: Typesetter) {
        self.content = content
        self.style = style
        self.typesetter = typesetter
        images = Dictionary(content.images.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func chapterDestination(_ index: Int) -> String { "chapter-\(index + 1)" }

    /// Chapter openers, posts and the colophon, in reading order. Posts are laid out on every
    /// core: a post's lines do not depend on the page it starts on. `progress` counts them.
    func body(progress: BuildProgress.Report? = nil) -> [PageSection] {
        let counter = BuildProgressCounter(.layOut, total: content.documents.count, report: progress)
        let posts = Typesetter.layOutConcurrently(content.documents) { document, typesetter in
            let section = PageSection(start: .newPage, slices: postSlices(document, typesetter: typesetter), runningHead: document.header.title)
            counter.advance()
            return section
        }
        var sections: [PageSection] = []
        var next = 0
        for (index, chapter) in content.chapters.enumerated() {
            if let opener = chapter.opener {
                sections.append(PageSection(start: .rightHandPage, slices: openerSlices(opener, index: index), runningHead: opener.title))
            }
            sections += posts[next..<next + chapter.documents.count]
            next += chapter.documents.count
        }
        sections.append(PageSection(start: .newPage, slices: colophonSlices(), runningHead: "About this book"))
        return sections
    }

    func titlePage() -> PageSection {
        let page = content.titlePage
        let slicer = BlockSlicer(style: style, typesetter: typesetter, images: images)
        slicer.add(Slice(height: 140))
        centered(page.title, font: style.bookTitle, to: slicer)
        if let subtitle = page.subtitle { centered(subtitle, font: PDFStyle.Font(family: style.family, size: style.bodySize * 14 / 11, italic: true), to: slicer) }
        if !page.authors.isEmpty { centered(page.authors.joined(separator: ", "), font: PDFStyle.Font(family: style.family, size: style.bodySize * 13 / 11, italic: true), to: slicer, space: 28) }
        if let description = page.description { centered(description, font: style.small, to: slicer, space: 40) }
        if let source = page.source { centered(source, font: style.small, to: slicer, space: 8, link: .uri(source)) }
        return PageSection(start: .rightHandPage, slices: slicer.slices)
    }

    /// The table of contents: chapters and posts with leader dots to their page numbers, each
    /// entry a link to its page.
    func contents(pageNumbers: [String: Int]) -> PageSection {
        let slicer = BlockSlicer(style: style, typesetter: typesetter, images: images)
        slicer.addParagraph([.text("Contents")], indent: 0, font: style.postTitle, spaceBefore: 0, justify: false)
        slicer.add(Slice(height: 14))
        for (index, chapter) in content.chapters.enumerated() {
            if let title = chapter.title {
                let destination = Self.chapterDestination(index)
                ContentsEntry(title: title, page: pageNumbers[destination], destination: destination, indent: 0, bold: true)
                    .add(to: slicer, typesetter: typesetter)
            }
            for document in chapter.documents {
                ContentsEntry(title: document.header.title, page: pageNumbers[document.documentID],
                              destination: document.documentID, indent: chapter.title == nil ? 0 : 14, bold: false)
                    .add(to: slicer, typesetter: typesetter)
            }
        }
        return PageSection(start: .rightHandPage, slices: slicer.slices, runningHead: "Contents")
    }

    private func openerSlices(_ opener: ChapterOpener, index: Int) -> [Slice] {
        let slicer = BlockSlicer(style: style, typesetter: typesetter, images: images)
        slicer.mark(Self.chapterDestination(index))
        slicer.add(Slice(height: 110))
        slicer.addParagraph([.text(opener.title)], indent: 0, font: style.chapterTitle, spaceBefore: 0, justify: false)
        let years = opener.yearsText.map { " · \($0)" } ?? ""
        slicer.addParagraph([.text("\(opener.posts.count) post\(opener.posts.count == 1 ? "" : "s")\(years)")], indent: 0,
                            font: style.small, style: StyledText.Style(color: .muted), spaceBefore: 6)
        slicer.add(Slice(height: 18))
        for post in opener.listedPosts {
            let link = ContentElement(.a, link: .post(post.documentID, anchor: nil), children: [.text(post.title)])
            slicer.addParagraph([.element(link)], indent: 0, spaceBefore: 3, justify: false)
        }
        return slicer.slices
    }

    private func postSlices(_ document: PostDocument, typesetter: Typesetter) -> [Slice] {
        let header = document.header
        let slicer = BlockSlicer(style: style, typesetter: typesetter, images: images)
        let language = document.language ?? content.book.metadata.language
        slicer.hyphenator = Hyphenator.forLanguage(language)
        slicer.rightToLeft = TextDirection.isRightToLeft(language: language)
        slicer.footnotes = Self.notes(in: document.body)
        slicer.mark(document.documentID)
        slicer.addParagraph([.text(header.title)], indent: 0, font: style.postTitle, spaceBefore: 0, keepWithNext: true, justify: false)
        let meta = [header.date.map(content.book.metadata.longDate), header.authors.isEmpty ? nil : header.authors.joined(separator: ", ")]
            .compactMap { $0 }.joined(separator: " · ")
        let muted = StyledText.Style(color: .muted)
        if !meta.isEmpty { slicer.addParagraph([.text(meta)], indent: 0, font: style.small, style: muted, spaceBefore: 6, keepWithNext: true) }
        if !header.tags.isEmpty {
            slicer.addParagraph([.text(header.tags.joined(separator: " · "))], indent: 0, font: style.small, style: muted, spaceBefore: 2, keepWithNext: true)
        }
        if let url = header.url {
            let link = ContentElement(.a, link: .external(url.absoluteString), children: [.text(url.absoluteString)])
            slicer.addParagraph([.element(link)], indent: 0, font: style.small, style: muted, spaceBefore: 2, keepWithNext: true, justify: false)
        }
        slicer.add(Slice(height: 10, keepWithNext: true, boxes: [
            .rule(from: LayoutPoint(x: 0, y: 5), to: LayoutPoint(x: style.textWidth, y: 5), color: .rule, width: 0.5),
        ]))
        slicer.addBlocks(document.body)
        addNotes(slicer)
        return slicer.slices
    }

    /// The notes no line referred to, after the post's text.
    private func addNotes(_ slicer: BlockSlicer) {
        let notes = slicer.notes
        guard !notes.isEmpty else { return }
        slicer.add(Slice(height: 12, spaceBefore: 12, keepWithNext: true, boxes: [
            .rule(from: LayoutPoint(x: 0, y: 6), to: LayoutPoint(x: 80, y: 6), color: .rule, width: 0.5),
        ]))
        notes.flatMap(slicer.noteSlices).forEach(slicer.add)
    }

    /// Every note of a post by id, wherever it sits.
    private static func notes(in nodes: [ContentNode]) -> [String: Note] {
        var found: [String: Note] = [:]
        for node in nodes {
            switch node {
            case .note(let note): if let id = note.id { found[id] = note }
            case .element(let element): found.merge(notes(in: element.children)) { first, _ in first }
            default: break
            }
        }
        return found
    }

    private func colophonSlices() -> [Slice] {
        let colophon = content.colophon
        let slicer = BlockSlicer(style: style, typesetter: typesetter, images: images)
        slicer.mark("colophon")
        slicer.addParagraph([.text("About this book")], indent: 0, font: style.postTitle, spaceBefore: 0, justify: false)
        var source: [ContentNode] = [.text(colophon.title)]
        if let address = colophon.source {
            source = [.element(ContentElement(.a, link: .external(address), children: [.text(colophon.title)]))]
        }
        slicer.addParagraph([.text("This book collects \(colophon.postCount) \(colophon.postCount == 1 ? "post" : "posts") from ")] + source
                            + [.text(", as of \(content.book.metadata.longDate(colophon.modified)).")], indent: 0, spaceBefore: 12)
        if let note = colophon.archiveNote(longDate: content.book.metadata.longDate) {
            slicer.addParagraph([.text(note)], indent: 0)
        }
        slicer.addParagraph([.text("Made with \(colophon.generator).")], indent: 0)
        slicer.addParagraph([.text(colophon.identifier)], indent: 0, font: style.small, style: StyledText.Style(color: .muted))
        return slicer.slices
    }

    private func centered(_ text: String, font: PDFStyle.Font, to slicer: BlockSlicer, space: Double = 12, link: PDFLinkTarget? = nil) {
        var styled = StyledText.plain(text)
        if let link { styled.addLink(0..<styled.bytes.count, to: link) }
        let layout = TextLayout(styled, options: .init(font: font, width: style.textWidth, center: true, lineSpacing: 1.1), typesetter: typesetter)
        slicer.addLines(of: layout, indent: 0, spaceBefore: space)
    }
}
