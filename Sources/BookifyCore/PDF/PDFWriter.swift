import Foundation

/// Writes a book as a PDF laid out natively with Pango and Cairo (ARCHITECTURE §6): cover, title page,
/// contents with page numbers, chapters on right-hand pages, each post on a new page, running
/// heads and page numbers, an outline, links, page labels and metadata.
///
/// The body is laid out first (its pages do not depend on the front matter, which has an even
/// number of pages), so the contents print the right page numbers in one pass.
public struct PDFWriter: BookWriter {
    let style: PDFStyle
    /// The family `--font` asked for, checked before anything is laid out.
    private let chosenFamily: String?
    /// Told how far the layout (`.layOut`, posts) and the drawing (`.draw`, pages) have got:
    /// most of a PDF's time goes there.
    public var progress: BuildProgress.Report?

    /// A PDF prints the given cover only, in one file, for paper or any screen.
    public var needs: WriterNeeds { [] }

    /// A writer that lays the book out on `pages`.
    public init(pages: PDFPageSettings = PDFPageSettings(), progress: BuildProgress.Report? = nil) {
        style = PDFStyle(pages)
        chosenFamily = pages.fontFamily
        self.progress = progress
    }

    /// Lays `content` out and writes the PDF to `destination` atomically: an existing file is
    /// replaced only by a finished book.
    public func write(_ content: BookContent, to destination: URL) throws(BookifyError) {
        if let family = chosenFamily, !FontCatalog.isInstalled(family: family) {
            throw .setting(SettingError("no font family '\(family)' is installed (fc-list : family lists those that are)", key: "font"))
        }
        try OutputFile.write(to: destination) { (temporary: URL) throws(BookifyError) in
            let canvas = try PDFCanvas(path: temporary.path, width: style.pageWidth, height: style.pageHeight)
            let sections = BookSections(content: content, style: style, typesetter: canvas.typesetter)
            let body = Paginator(height: style.textHeight).paginate(sections.body(progress: progress))
            let pageNumbers = Self.pageNumbers(of: body)
            var front = Paginator(height: style.textHeight).paginate([sections.titlePage(), sections.contents(pageNumbers: pageNumbers)],
                                             firstPageNumber: content.cover == nil ? 1 : 2)
            if content.cover != nil { front.insert(LaidOutPage(opensSection: true), at: 0) }
            if front.count % 2 == 1 { front.append(LaidOutPage(isBlank: true)) }
            let drawer = PageDrawer(canvas: canvas, style: style, bookTitle: content.book.metadata.title)
            for (index, page) in front.enumerated() {
                if index == 0, let cover = content.cover { drawer.drawCover(cover) }
                // The cover and title page show no number; the contents do.
                drawer.draw(page, number: index + 1, label: RomanNumeral.lowercase(index + 1),
                            showsFolio: !page.opensSection || page.runningHead != nil)
            }
            for (index, page) in body.enumerated() {
                drawer.draw(page, number: index + 1, label: String(index + 1), showsFolio: true)
                progress?(BuildProgress(stage: .draw, done: front.count + index + 1, total: front.count + body.count))
            }
            Self.addOutline(content, to: canvas)
            Self.setMetadata(content.book.metadata, on: canvas)
            try canvas.finish(path: destination.path)
        }
    }

    /// The printed page number of every destination on the pages.
    static func pageNumbers(of pages: [LaidOutPage]) -> [String: Int] {
        var numbers: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            for placed in page.slices + page.footnotes {
                for destination in placed.slice.destinations where numbers[destination] == nil { numbers[destination] = index + 1 }
            }
        }
        return numbers
    }

    /// Bookmarks: chapters → posts → their top-level sections.
    private static func addOutline(_ content: BookContent, to canvas: PDFCanvas) {
        for (index, chapter) in content.chapters.enumerated() {
            var parent: Int32 = 0
            if let title = chapter.title {
                parent = canvas.addOutline(title, destination: BookSections.chapterDestination(index))
            }
            for document in chapter.documents {
                let post = canvas.addOutline(document.header.title, destination: document.documentID, parent: parent)
                for heading in document.headings where heading.level == 2 {
                    canvas.addOutline(heading.text, destination: heading.id, parent: post)
                }
            }
        }
        canvas.addOutline("About this book", destination: "colophon")
    }

    private static func setMetadata(_ metadata: BookMetadata, on canvas: PDFCanvas) {
        canvas.setMetadata(.title, metadata.title)
        if !metadata.authors.isEmpty { canvas.setMetadata(.author, metadata.authors.joined(separator: ", ")) }
        if let description = metadata.description { canvas.setMetadata(.subject, description) }
        if !metadata.subjects.isEmpty { canvas.setMetadata(.keywords, metadata.subjects.joined(separator: ", ")) }
        canvas.setMetadata(.creator, "bookify \(BookifyVersion.current)")
        let date = FeedDate.iso8601(metadata.modified)
        canvas.setMetadata(.createDate, date)
        canvas.setMetadata(.modifyDate, date)
    }
}

/// Lower-case Roman numerals for front-matter page labels.
enum RomanNumeral {
    static func lowercase(_ number: Int) -> String {
        let symbols: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = number
        var result = ""
        for (value, symbol) in symbols {
            while rest >= value { result += symbol; rest -= value }
        }
        return result
    }
}
