/// Fills pages with the slices of each section: a section starts on a new page (a chapter on
/// a right-hand one), a slice that does not fit goes to the next page, and a slice that keeps
/// with the next moves with it.
struct Paginator {
    /// The height of the text block.
    var height: Double

    /// The pages of `sections`; the first page gets the number `firstPageNumber` (odd numbers
    /// are right-hand pages).
    func paginate(_ sections: [PageSection], firstPageNumber: Int = 1) -> [LaidOutPage] {
        var pages: [LaidOutPage] = []
        for section in sections {
            if section.start == .rightHandPage, (firstPageNumber + pages.count) % 2 == 0 {
                pages.append(LaidOutPage(isBlank: true))
            }
            pages.append(LaidOutPage(opensSection: true, runningHead: section.runningHead))
            var y = 0.0
            for (index, slice) in section.slices.enumerated() {
                let space = y == 0 ? 0 : slice.spaceBefore
                if y > 0, y + space + keptHeight(from: index, in: section.slices) > height {
                    pages.append(LaidOutPage(runningHead: section.runningHead))
                    y = 0
                }
                let top = y + (y == 0 ? 0 : slice.spaceBefore)
                pages[pages.count - 1].slices.append((slice, top))
                y = top + slice.height
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
