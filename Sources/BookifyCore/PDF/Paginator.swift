/// Fills pages with the slices of each section: a section starts on a new page (a chapter on
/// a right-hand one), a slice that does not fit goes to the next page, a slice that keeps with
/// the next moves with it, a line's notes go to the foot of its page (continuing on the next
/// when long), and a page that continues a table starts with its header row.
struct Paginator {
    /// The height of the text block.
    var height: Double
    /// Space between the text and the notes under it (the rule sits in it).
    static let footnoteGap = 14.0

    /// The pages of `sections`; the first page gets the number `firstPageNumber` (odd numbers
    /// are right-hand pages).
    func paginate(_ sections: [PageSection], firstPageNumber: Int = 1) -> [LaidOutPage] {
        var pages: [LaidOutPage] = []
        for section in sections {
            if section.start == .rightHandPage, (firstPageNumber + pages.count) % 2 == 0 {
                pages.append(LaidOutPage(isBlank: true))
            }
            var filler = PageFiller(height: height, page: LaidOutPage(opensSection: true, runningHead: section.runningHead))
            for (index, original) in section.slices.enumerated() {
                var slice = original
                var needed = keptHeight(from: index, in: section.slices)
                if !filler.fits(slice, keeping: needed), let shrunk = slice.shrunk, filler.room(for: slice) >= shrunk.smallest {
                    slice = shrunk.to(filler.room(for: slice))
                    needed += slice.height - original.height
                }
                if !filler.fits(slice, keeping: needed) {
                    pages.append(filler.page)
                    filler = filler.nextPage()
                    // A row after a row of its table: the header row first.
                    if index > 0, !section.slices[index - 1].continuationHeader.isEmpty {
                        slice.continuationHeader.forEach { filler.place($0) }
                    }
                }
                filler.place(slice)
            }
            pages.append(filler.page)
            while filler.hasCarriedNotes {
                filler = filler.nextPage()
                pages.append(filler.page)
            }
        }
        return pages
    }

    /// The height the slice at `index` needs on its page: itself and, while it keeps with the
    /// next, what follows (at most a third of a page, so that a long run still breaks).
    private func keptHeight(from index: Int, in slices: [Slice]) -> Double {
        var total = slices[index].height
        var next = index
        while slices[next].keepWithNext, next + 1 < slices.count, total < height / 3 {
            next += 1
            total += slices[next].spaceBefore + slices[next].height
        }
        return total
    }
}

/// One page being filled: text from the top, notes from the foot.
private struct PageFiller {
    let height: Double
    var page: LaidOutPage
    /// Where the next text slice goes.
    private var y = 0.0
    /// Notes that did not fit on this page, for the next.
    private var carried: [Slice] = []

    init(height: Double, page: LaidOutPage, carried: [Slice] = []) {
        self.height = height
        self.page = page
        placeNotes(carried)
    }

    var hasCarriedNotes: Bool { !carried.isEmpty }

    /// The next page of the same section, with the notes this one could not hold.
    func nextPage() -> PageFiller {
        PageFiller(height: height, page: LaidOutPage(runningHead: page.runningHead), carried: carried)
    }

    /// The height the notes take, with the gap above them.
    private var notesHeight: Double {
        guard let last = page.footnotes.last else { return 0 }
        return Paginator.footnoteGap + last.y + last.slice.height
    }

    /// Whether `slice` (and `needed`, what keeps with it) goes on this page with the first line
    /// of each of its notes. An empty page takes anything.
    func fits(_ slice: Slice, keeping needed: Double) -> Bool {
        guard y > 0 else { return true }
        let notes = slice.footnotes.first.map { first in
            (page.footnotes.isEmpty ? Paginator.footnoteGap : first.spaceBefore) + first.height
        } ?? 0
        return y + slice.spaceBefore + needed + notesHeight + notes <= height
    }

    /// The height left for `slice` under the text and above the notes.
    func room(for slice: Slice) -> Double {
        height - notesHeight - (y == 0 ? 0 : y + slice.spaceBefore)
    }

    mutating func place(_ slice: Slice) {
        let top = y == 0 ? 0 : y + slice.spaceBefore
        page.slices.append((slice, top))
        y = top + slice.height
        placeNotes(slice.footnotes)
    }

    /// Adds notes at the foot while they fit under the text; the rest wait for the next page.
    private mutating func placeNotes(_ notes: [Slice]) {
        for note in notes {
            let top = page.footnotes.last.map { $0.y + $0.slice.height + note.spaceBefore } ?? 0
            if carried.isEmpty, y + Paginator.footnoteGap + top + note.height <= height || (y == 0 && page.footnotes.isEmpty) {
                page.footnotes.append((note, top))
            } else {
                carried.append(note)
            }
        }
    }
}
