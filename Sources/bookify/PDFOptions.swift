import ArgumentParser
import BookifyCore

/// Options that shape the PDF's pages (ignored for an EPUB, whose reader sets the page).
struct PDFOptions: SettingOptions {
    @Option(help: Setting.help("page-size")) var pageSize: String?
    @Option(help: Setting.help("margins")) var margins: String?
    @Option(help: Setting.help("font-size")) var fontSize: String?
    @Option(help: Setting.help("font")) var font: String?

    var given: [String: SettingInput] {
        .init(given: [
            "page-size": pageSize,
            "margins": margins,
            "font-size": fontSize,
            "font": font,
        ])
    }
}
