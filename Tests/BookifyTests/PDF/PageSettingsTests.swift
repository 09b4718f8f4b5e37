@testable import BookifyCore
import Testing

@Suite struct PageSettingsTests {
    @Test(arguments: [("a4", 595.0, 842.0), ("A5", 420, 595), ("letter", 612, 792), ("6x9in", 432, 648),
                      ("150x200mm", 425.197, 566.929), ("10x15cm", 283.465, 425.197), ("400x600pt", 400, 600), ("6inx9in", 432, 648)])
    func pageSizesAreReadInPoints(text: String, width: Double, height: Double) throws {
        let size = try PageSize.parse(text)
        #expect(abs(size.width - width) < 0.01 && abs(size.height - height) < 0.01)
    }

    @Test(arguments: ["", "a3x", "6x9", "10x10mm", "-5x9in", "axbin", "30x30in",
                      "1e308x1e308in", "1e300x9in", "nanx9in", "infx9in"])  // the last four trapped
    func wrongPageSizesAreRefused(text: String) {
        #expect(throws: PageSettingError.self) { try PageSize.parse(text) }
    }

    @Test func marginsReadLikeCSS() throws {
        #expect(try PageMargins.parse("72pt") == PageMargins(top: 72, outer: 72, bottom: 72, inner: 72))
        #expect(try PageMargins.parse("1in,0.5in") == PageMargins(top: 72, outer: 36, bottom: 72, inner: 36))
        #expect(try PageMargins.parse("10pt 20pt 30pt 40pt") == PageMargins(top: 10, outer: 20, bottom: 30, inner: 40))
        #expect(abs(try PageMargins.parse("25.4").top - 72) < 0.001, "a bare number is millimetres")
        #expect(throws: PageSettingError.self) { try PageMargins.parse("1 2 3") }
        #expect(throws: PageSettingError.self) { try PageMargins.parse("10furlongs") }
    }

    @Test func unchosenMarginsAndBodySizeFollowThePage() {
        let trade = PDFStyle(PDFPageSettings())
        #expect(trade.bodySize == 11 && abs(trade.textWidth - 332.2) < 0.1)
        var a4 = PDFPageSettings()
        a4.pageSize = PageSize.named["a4"]!
        #expect(PDFStyle(a4).bodySize == 12, "a wide page gets larger type, not 100-character lines")
        a4.fontSize = 9
        #expect(PDFStyle(a4).bodySize == 9 && PDFStyle(a4).small.size < 9)
    }
}
