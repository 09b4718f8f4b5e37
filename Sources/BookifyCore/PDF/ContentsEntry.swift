/// A line of the printed table of contents: the title (wrapping if long), leader dots, the
/// page number at the right edge, and the whole entry a link to its page.
struct ContentsEntry {
    var title: String
    /// The printed page number; `nil` leaves the number out.
    var page: Int?
    var destination: String
    var indent: Double
    var bold: Bool

    /// Room kept at the right for the page number.
    private static let numberWidth = 32.0

    func add(to slicer: BlockSlicer, typesetter: Typesetter) {
        let textWidth = slicer.style.textWidth
        let font = PDFStyle.Font(family: slicer.style.family, size: slicer.style.bodySize * 10.5 / 11, bold: bold)
        let width = textWidth - indent - Self.numberWidth
        let title = TextLayout(StyledText.plain(title), options: .init(font: font, width: width, lineSpacing: 1.1), typesetter: typesetter)
        let number = TextLayout(StyledText.plain(page.map(String.init) ?? ""), options: .init(font: font, width: Self.numberWidth),
                                typesetter: typesetter)
        let dotWidth = TextLayout(StyledText.plain(String(repeating: ". ", count: 10)), options: .init(font: font, width: 400),
                                  typesetter: typesetter).width(ofLine: 0) / 10
        let indent = self.indent
        let target = PDFLinkTarget.destination(destination)
        for index in title.lines.indices {
            let line = title.lines[index]
            let isLast = index == title.lines.count - 1
            var boxes: [LayoutBox] = [
                .textLine(title, index: index, x: indent, y: -line.top),
                .link(target, LayoutRect(x: indent, y: 0, width: textWidth - indent, height: line.height)),
            ]
            if isLast, !number.lines.isEmpty {
                let numberWidth = number.width(ofLine: 0)
                boxes.append(.textLine(number, index: 0, x: textWidth - numberWidth, y: line.ascent - number.lines[0].baseline))
                // Leader dots from after the title to before the number.
                boxes.append(.leaders(from: indent + title.width(ofLine: index) + 4, to: textWidth - numberWidth - 4,
                                      baseline: line.ascent, font: font, dotWidth: dotWidth))
            }
            slicer.add(Slice(height: line.height, spaceBefore: index == 0 ? (bold ? 8 : 3) : 0, keepWithNext: !isLast || bold,
                             boxes: boxes))
        }
    }
}
