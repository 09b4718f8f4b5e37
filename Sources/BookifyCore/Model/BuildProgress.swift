/// Where a running build is, for a progress display: its stage and how far into it.
public struct BuildProgress: Sendable, Hashable {
    /// The stages a build goes through, in order.
    public enum Stage: Sendable, Hashable {
        /// Reading the inputs (feeds, folders, the archive); counts inputs.
        case read
        /// Converting posts to the book's content; counts posts.
        case convert
        /// Loading the images the posts show; counts distinct images.
        case images
        /// Writing the books; counts outputs.
        case write
        /// A PDF's posts laid out into lines and blocks; counts posts.
        case layOut
        /// A PDF's pages drawn; counts pages.
        case draw
    }

    /// The stage the build is in.
    public var stage: Stage
    /// How many of the stage's items are done.
    public var done: Int
    /// How many items the stage has.
    public var total: Int

    /// `done` of `total` items of `stage`.
    public init(stage: Stage, done: Int, total: Int) {
        self.stage = stage
        self.done = done
        self.total = total
    }
}
