import ArgumentParser
import BookifyCore

/// Options that shape the PDF's pages (ignored for an EPUB, whose reader sets the page).
struct PDFOptions: ParsableArguments {
    @Option(help: ArgumentHelp("PDF page size: a4, a5, a6, b5, letter, 6x9in (default), or WxH with mm, cm, in or pt, like 150x220mm.",
                               valueName: "size"))
    var pageSize: String?

    @Option(help: ArgumentHelp("PDF margins: one length for all, two (top and bottom, inner and outer) or four (top, outer, bottom, inner), in mm unless a unit is given: 18mm, \"20mm 15mm\".",
                               valueName: "lengths"))
    var margins: String?

    @Option(help: ArgumentHelp("PDF body text size in points, 6 to 24 (default: from the page width, 9 to 12).", valueName: "points"))
    var fontSize: String?

    func validate() throws {
        _ = try settings(over: PDFPageSettings())
    }

    /// Applies the options given on the command line over `settings` (from a config file).
    func apply(to settings: inout BookSettings) {
        if let pages = try? self.settings(over: settings.pdf) { settings.pdf = pages }
    }

    private func settings(over base: PDFPageSettings) throws -> PDFPageSettings {
        var pages = base
        do {
            if let pageSize { pages.pageSize = try PageSize.parse(pageSize) }
            if let margins { pages.margins = try PageMargins.parse(margins) }
            if let fontSize { pages.fontSize = try PDFPageSettings.fontSize(fontSize) }
        } catch {
            throw ValidationError(error.description.prefix(1).uppercased() + error.description.dropFirst() + ".")
        }
        return pages
    }
}
