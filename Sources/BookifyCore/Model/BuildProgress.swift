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
    }

    public var stage: Stage
    public var done: Int
    public var total: Int

    public init(stage: Stage, done: Int, total: Int) {
        self.stage = stage
        self.done = done
        self.total = total
    }
}
