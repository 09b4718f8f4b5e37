/// The unit the paginator places: a line of a paragraph, a row of a table, an image, a rule.
/// A page break may fall between any two slices (unless the first keeps with the next). A slice
/// is data: its height, what keeps it with its neighbours, and the boxes it shows.
struct Slice {
    var height: Double
    /// Space above the slice, dropped at the top of a page.
    var spaceBefore: Double = 0
    /// Headings and the first lines of blocks stay on the page of what follows them.
    var keepWithNext = false
    /// Ids whose destination is the slice's top (what links and the outline open).
    var destinations: [String] = []
    /// The notes this line refers to, laid out for the foot of its page.
    var footnotes: [Slice] = []
    /// What a page that continues this slice's run starts with (a table's header row).
    var continuationHeader: [Slice] = []
    /// A slice that may be set smaller to end a page (an image): the same at a height down
    /// to `smallest`.
    var shrunk: (smallest: Double, to: (Double) -> Slice)?
    /// What the slice shows, placed from its top-left corner (x at the text block's left edge).
    var boxes: [LayoutBox] = []
}

/// A run of pages that starts on a new page: a chapter opener, a post, the colophon.
struct PageSection {
    enum Start {
        /// The next page, whichever side.
        case newPage
        /// The next right-hand page, leaving a blank left-hand page when needed.
        case rightHandPage
    }

    var start: Start
    var slices: [Slice]
    /// What the right-hand running head says on its pages (the book title is on the left).
    var runningHead: String?
}

/// A page as the paginator filled it.
struct LaidOutPage {
    var slices: [(slice: Slice, y: Double)] = []
    /// Notes at the foot of the page, in order, from the top of the notes area.
    var footnotes: [(slice: Slice, y: Double)] = []
    /// The first page of a section shows no running head; a blank page shows nothing.
    var opensSection = false
    var isBlank = false
    var runningHead: String?
}
