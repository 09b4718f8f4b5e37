/// Paints laid-out pages (values: slices of `LayoutBox`es) with a `PDFCanvas`: their boxes and destinations, the running head (the book's title on
/// left-hand pages, the section's on right-hand ones; none on opening or blank pages) and the
/// page number at the foot.
struct PageDrawer {
    let canvas: PDFCanvas
    let style: PDFStyle
    let bookTitle: String

    /// Draws `page` as physical page `number` (odd: right-hand) and ends it; a blank page shows
    /// no number whatever `showsFolio` says.
    func draw(_ page: LaidOutPage, number: Int, label: String, showsFolio: Bool) {
        canvas.setPageLabel(label)
        let left = style.textLeft(pageNumber: number)
        for placed in page.slices { draw(placed.slice, x: left, y: style.topMargin + placed.y) }
        if let last = page.footnotes.last {
            let top = style.topMargin + style.textHeight - last.y - last.slice.height
            canvas.line(from: (left, top - Paginator.footnoteGap / 2), to: (left + style.space(80), top - Paginator.footnoteGap / 2),
                        color: .rule)
            for placed in page.footnotes { draw(placed.slice, x: left, y: top + placed.y) }
        }
        if !page.isBlank, !page.opensSection { drawRunningHead(number % 2 == 1 ? page.runningHead : bookTitle, left: left) }
        if showsFolio, !page.isBlank { drawFolio(label, left: left) }
        canvas.showPage()
    }

    private func draw(_ slice: Slice, x: Double, y: Double) {
        for destination in slice.destinations { canvas.addDestination(destination, x: x, y: y) }
        canvas.setColor(.text)
        for box in slice.boxes { paint(box.offset(dx: x, dy: y)) }
    }

    /// One box, placed on the page: the only place layout values become Cairo calls.
    private func paint(_ box: LayoutBox) {
        switch box {
        case .textLine(let text, let index, let x, let y):
            text.drawLine(index, x: x, y: y, canvas: canvas)
        case .rule(let from, let to, let color, let width):
            canvas.line(from: (from.x, from.y), to: (to.x, to.y), color: color, width: width)
        case .fill(let rect, let color):
            canvas.fillRectangle(x: rect.x, y: rect.y, width: rect.width, height: rect.height, color: color)
        case .frame(let rect, let color):
            canvas.strokeRectangle(x: rect.x, y: rect.y, width: rect.width, height: rect.height, color: color)
        case .image(let image, let rect):
            let drawn = image.type == .svg ? canvas.drawSVG(image, x: rect.x, y: rect.y, width: rect.width, height: rect.height)
                                           : canvas.drawImage(image, x: rect.x, y: rect.y, width: rect.width, height: rect.height)
            if !drawn { canvas.strokeRectangle(x: rect.x, y: rect.y, width: rect.width, height: rect.height, color: .placeholder) }
        case .link(let target, let rect):
            canvas.addLink(target, x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        case .leaders(let from, let to, let baseline, let font, let dotWidth):
            paintLeaders(from: from, to: to, baseline: baseline, font: font, dotWidth: dotWidth)
        case .turned(let boxes, let length, let x, let y):
            // Links are areas of the page, not drawings: their rectangles are turned here.
            canvas.turnedQuarter(at: x, y: y + length) {
                for box in boxes { if case .link = box {} else { paint(box) } }
            }
            for case .link(let target, let rect) in boxes {
                paint(.link(target, rect.turned(length: length).offset(dx: x, dy: y)))
            }
        }
    }

    /// Dots on a grid of `dotWidth` from the page's edge, so that the dots of all entries line up.
    private func paintLeaders(from start: Double, to end: Double, baseline: Double, font: PDFStyle.Font, dotWidth: Double) {
        let dotX = (start / dotWidth).rounded(.up) * dotWidth
        let count = Int(((end - dotX) / dotWidth).rounded(.down))
        guard count > 0 else { return }
        let dots = TextLayout(StyledText.plain(String(repeating: ". ", count: count), style: StyledText.Style(color: .muted)),
                              options: .init(font: font, width: 1000), typesetter: canvas.typesetter)
        dots.drawLine(0, x: dotX, y: baseline - dots.lines[0].baseline, canvas: canvas)
    }

    /// A full-page cover image on the first page.
    func drawCover(_ cover: ImageAsset) {
        guard let size = ImageSize.read(cover.bytes, type: cover.type) else { return }
        let scale = min(canvas.width / Double(size.width), canvas.height / Double(size.height))
        let width = Double(size.width) * scale
        let height = Double(size.height) * scale
        _ = canvas.drawImage(bytes: cover.bytes, type: cover.type, pixelWidth: size.width, pixelHeight: size.height,
                             x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width: width, height: height)
    }

    private func drawRunningHead(_ text: String?, left: Double) {
        guard let text, !text.isEmpty else { return }
        let layout = TextLayout(StyledText.plain(text, style: StyledText.Style(italic: true, color: .muted)),
                                options: .init(font: style.runningHead, width: style.textWidth, center: true, singleLine: true),
                                typesetter: canvas.typesetter)
        guard !layout.lines.isEmpty else { return }
        layout.drawLine(0, x: left, y: style.runningHeadTop, canvas: canvas)
    }

    private func drawFolio(_ label: String, left: Double) {
        let layout = TextLayout(StyledText.plain(label, style: StyledText.Style(color: .muted)),
                                options: .init(font: style.small, width: style.textWidth, center: true), typesetter: canvas.typesetter)
        layout.drawLine(0, x: left, y: style.pageHeight - style.folioBottom, canvas: canvas)
    }
}
