@testable import BookifyCore
import Testing

/// The slicer on the book model: the slices and boxes it makes, read as values, and how the
/// paginator then places them. Text is laid out by Pango for real; nothing is drawn.
@Suite struct BlockSlicerTests {
    private let style = PDFStyle()

    private func slices(_ nodes: [ContentNode], notes: [Note] = []) -> [Slice] {
        let typesetter = Typesetter()
        FontLock.install(on: typesetter)
        let slicer = BlockSlicer(style: style, typesetter: typesetter, images: [:])
        for note in notes { if let id = note.id { slicer.footnotes[id] = note } }
        slicer.addBlocks(nodes)
        return slicer.slices
    }

    private func paragraph(_ text: String, id: String? = nil) -> ContentNode {
        .element(ContentElement(.p, id: id, children: [.text(text)]))
    }

    private func words(_ count: Int) -> String {
        (1...count).map { "word\($0)" }.joined(separator: " ")
    }

    /// The text lines a slice shows, as (the laid-out text, line index).
    private func textLines(_ slice: Slice) -> [(TextLayout, Int)] {
        slice.boxes.compactMap { box in
            if case .textLine(let text, let index, _, _) = box { return (text, index) } else { return nil }
        }
    }

    @Test func aParagraphIsALineASliceAndItsEndsKeepTwoLinesTogether() {
        let lines = slices([paragraph(words(120), id: "p-1")])
        #expect(lines.count > 4, "a long paragraph wraps")
        #expect(lines.allSatisfy { textLines($0).count == 1 })
        #expect(lines[0].destinations == ["p-1"] && lines.dropFirst().allSatisfy(\.destinations.isEmpty))
        // No orphan (the first line alone at a page's foot) and no widow (the last alone at the top).
        #expect(lines.map(\.keepWithNext) == [true] + Array(repeating: false, count: lines.count - 3) + [true, false])
        #expect(lines[0].spaceBefore == style.paragraphGap && lines.dropFirst().allSatisfy { $0.spaceBefore == 0 })
    }

    /// A PDF holds every laid-out line until its contents pages are set: the lines must not keep
    /// the room Pango reserved while breaking (a third of a large book's memory).
    @Test func laidOutLinesKeepNoSpareGlyphRoom() {
        let code = ContentNode.element(ContentElement(.pre, children: [.element(ContentElement(.code, children: [
            .text((1...40).map { "let value\($0) = compute(item\($0), factor: \($0))" }.joined(separator: "\n")),
        ]))]))
        let lines = slices([paragraph(words(300)), paragraph("Short."), code]).flatMap(textLines)
        #expect(lines.count > 40)
        for (text, _) in lines { #expect(text.spareGlyphSlots == 0) }
    }

    @Test func noPageEndsWithAParagraphsFirstLineOrStartsWithItsLastLine() {
        let body = slices([paragraph(words(40)), paragraph(words(90), id: "second"), paragraph(words(60))])
        let lineHeight = body[0].height
        // Page heights that leave room for one line of the second paragraph at the foot, then
        // for all but its last line: each must move a line rather than strand it.
        for lines in 3...14 {
            let pages = Paginator(height: Double(lines) * lineHeight + 1).paginate([PageSection(start: .newPage, slices: body)])
            for page in pages.dropLast() {
                #expect(page.slices.last?.slice.keepWithNext == false, "a page of \(lines) lines ends inside a kept pair")
            }
            #expect(pages.flatMap(\.slices).count == body.count)
        }
    }

    @Test func aHeadingKeepsWithTheTextAfterIt() {
        let body = slices([.element(ContentElement(.h2, id: "h", children: [.text("A heading")])), paragraph(words(30))])
        #expect(body[0].keepWithNext && body[0].destinations == ["h"])
        let pages = Paginator(height: body[0].height + body[1].spaceBefore + 1).paginate([
            PageSection(start: .newPage, slices: [Slice(height: 1, destinations: ["before"])] + body),
        ])
        #expect(pages[0].slices.flatMap(\.slice.destinations) == ["before"], "the heading left with its text")
    }

    @Test func aLinkIsABoxOverItsTextAndALinkToANoteBringsTheNote() {
        let note = Note(id: "n1", number: 1, children: [paragraph("The note.")])
        let reference = ContentElement(.a, link: .post("post", anchor: "n1"), role: .noteReference, children: [.text("1")])
        let line = ContentElement(.p, children: [.text("Text"), .element(reference), .text(" and more.")])
        let body = slices([.element(line)], notes: [note])
        #expect(body.count == 1)
        let links = body[0].boxes.compactMap { box -> (PDFLinkTarget, LayoutRect)? in
            if case .link(let target, let rect) = box { return (target, rect) } else { return nil }
        }
        #expect(links.count == 1 && links[0].0 == .destination("n1"))
        #expect(links[0].1.x > 0 && links[0].1.width > 0 && links[0].1.height == body[0].height)
        #expect(body[0].footnotes.first?.destinations == ["n1"], "the note goes to the foot of the line's page")
    }

    @Test func aCodeBlockIsSetOnATintedGroundLineByLine() {
        let code = ContentElement(.pre, children: [.element(ContentElement(.code, children: [.text("let a = 1\nlet b = 2\nlet c = 3\n")]))])
        let rows = slices([.element(code)])
        #expect(rows.count == 3)
        for row in rows {
            guard case .fill(let rect, let color)? = row.boxes.first else { Issue.record("no ground under \(row.boxes)"); continue }
            #expect(color == .codeBackground && rect.height == row.height && rect.width > style.textWidth * 0.9)
            #expect(textLines(row).count == 1)
        }
        #expect(rows.map(\.keepWithNext) == [true, true, false])
    }

    @Test func aTableIsARowASliceWithItsHeaderRepeatedOnTheNextPage() {
        func row(_ kind: ElementKind, _ texts: String...) -> ContentNode {
            .element(ContentElement(.tr, children: texts.map { .element(ContentElement(kind, children: [.text($0)])) }))
        }
        let table = ContentElement(.table, children: [
            .element(ContentElement(.thead, children: [row(.th, "Name", "Value")])),
            .element(ContentElement(.tbody, children: (1...30).map { row(.td, "key \($0)", "\($0 * 7)") })),
        ])
        let rows = slices([.element(table)])
        #expect(rows.count == 31)
        #expect(rows[0].boxes.contains { if case .fill(_, .codeBackground) = $0 { true } else { false } }, "the header is shaded")
        #expect(rows.dropFirst().allSatisfy { $0.continuationHeader.count == 1 })
        let pages = Paginator(height: rows[0].height * 10).paginate([PageSection(start: .newPage, slices: rows)])
        #expect(pages.count > 2)
        for page in pages {
            let first = page.slices[0].slice
            #expect(textLines(first).map { String(decoding: $0.0.text.bytes, as: UTF8.self) } == ["Name", "Value"], "every page starts with the header row")
        }
    }

    @Test func aQuotationHasARuleAlongItsLeftSide() {
        let quote = ContentElement(.blockquote, children: [paragraph(words(40))])
        let lines = slices([.element(quote)])
        #expect(lines.count > 1)
        for line in lines {
            let rules = line.boxes.compactMap { box -> LayoutPoint? in
                if case .rule(let from, let to, _, let width) = box, from.x == to.x, width > 1 { return from } else { return nil }
            }
            #expect(rules.count == 1)
            let text = line.boxes.compactMap { box -> Double? in if case .textLine(_, _, let x, _) = box { x } else { nil } }
            #expect(text.allSatisfy { $0 > rules[0].x }, "the rule stands left of the text")
        }
    }
}
