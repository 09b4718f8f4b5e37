@testable import BookifyCore
import Testing

/// The paginator on slices as values: which slice lands on which page, at which height.
@Suite struct PaginatorTests {
    /// A slice named `name` (its destination) of `height` points.
    private func slice(_ name: String, _ height: Double, space: Double = 0, keep: Bool = false, notes: [Slice] = []) -> Slice {
        Slice(height: height, spaceBefore: space, keepWithNext: keep, destinations: [name], footnotes: notes)
    }

    /// The names of the slices on each page (text, then notes after a "|").
    private func names(_ pages: [LaidOutPage]) -> [[String]] {
        pages.map { page in
            page.slices.flatMap(\.slice.destinations) + (page.footnotes.isEmpty ? [] : ["|"] + page.footnotes.flatMap(\.slice.destinations))
        }
    }

    private func paginate(_ slices: [Slice], height: Double = 100) -> [LaidOutPage] {
        Paginator(height: height).paginate([PageSection(start: .newPage, slices: slices)])
    }

    @Test func slicesFillAPageAndTheSpaceAboveASliceIsDroppedAtTheTopOfAPage() {
        let pages = paginate([slice("a", 40), slice("b", 40, space: 10), slice("c", 40, space: 10)])
        #expect(names(pages) == [["a", "b"], ["c"]])
        #expect(pages[0].slices.map(\.y) == [0, 50])
        #expect(pages[1].slices.map(\.y) == [0], "no space above the first slice of a page")
        #expect(pages[0].opensSection && !pages[1].opensSection)
    }

    @Test func aHeadingThatKeepsWithTheNextLineMovesToThePageOfThatLine() {
        let pages = paginate([slice("text", 70), slice("heading", 15, keep: true), slice("line", 20)])
        #expect(names(pages) == [["text"], ["heading", "line"]])
    }

    @Test func aRunThatKeepsTogetherLongerThanAThirdOfAPageStillBreaks() {
        // Six lines that each keep with the next: the page takes what fits, not an empty page.
        let pages = paginate([slice("first", 30)] + (1...6).map { slice("l\($0)", 20, keep: true) })
        #expect(pages.count == 2 && pages.allSatisfy { !$0.slices.isEmpty })
        #expect(names(pages).flatMap { $0 } == ["first"] + (1...6).map { "l\($0)" })
    }

    @Test func aLineIsFollowedOnItsPageByTheNoteItRefersTo() {
        let note = slice("note", 10)
        let pages = paginate([slice("a", 30), slice("b", 30, notes: [note]), slice("c", 30)])
        #expect(names(pages) == [["a", "b", "|", "note"], ["c"]])
        // The notes sit at the foot, under the text and the gap the rule sits in.
        #expect(pages[0].footnotes.map(\.y) == [0])
    }

    @Test func aLineWhoseNoteDoesNotFitUnderItMovesToTheNextPageWithTheNote() {
        // 80 points of text leave 20: the line (10) fits, its note (10) and the gap (14) do not.
        let pages = paginate([slice("a", 80), slice("b", 10, notes: [slice("note", 10)])])
        #expect(names(pages) == [["a"], ["b", "|", "note"]])
    }

    @Test func aLongNoteContinuesAtTheFootOfTheNextPage() {
        let note = [slice("n1", 12), slice("n2", 12), slice("n3", 12), slice("n4", 12)]
        let pages = paginate([slice("a", 40), slice("b", 10, notes: note), slice("c", 10)])
        #expect(names(pages) == [["a", "b", "|", "n1", "n2", "n3"], ["c", "|", "n4"]])
    }

    @Test func aTablesHeaderRowIsRepeatedOnThePageItContinuesOn() {
        let header = slice("header", 20, keep: true)
        var rows = (1...6).map { slice("row\($0)", 20) }
        for index in rows.indices { rows[index].continuationHeader = [header] }
        let pages = paginate([header] + rows)
        #expect(names(pages) == [["header", "row1", "row2", "row3", "row4"], ["header", "row5", "row6"]])
    }

    @Test func anImageAtTheFootOfAPageIsSetSmallerRatherThanMoved() {
        var image = slice("image", 50)
        image.shrunk = (30, { height in Slice(height: height, destinations: ["image"]) })
        let pages = paginate([slice("text", 60), image])
        #expect(names(pages) == [["text", "image"]])
        #expect(pages[0].slices.last?.slice.height == 40, "shrunk to the room left")

        var tooSmall = image
        tooSmall.shrunk = (45, tooSmall.shrunk!.to)
        #expect(names(paginate([slice("text", 60), tooSmall])) == [["text"], ["image"]], "not below its smallest size")
    }

    @Test func aChapterStartsOnARightHandPageWithABlankPageBeforeItWhenNeeded() {
        let sections = [PageSection(start: .rightHandPage, slices: [slice("one", 10)]),
                        PageSection(start: .rightHandPage, slices: [slice("two", 10)]),
                        PageSection(start: .newPage, slices: [slice("three", 10)], runningHead: "Three")]
        let pages = Paginator(height: 100).paginate(sections)
        #expect(names(pages) == [["one"], [], ["two"], ["three"]])
        #expect(pages.map(\.isBlank) == [false, true, false, false])
        #expect(pages[3].runningHead == "Three" && pages[3].opensSection)
    }
}
