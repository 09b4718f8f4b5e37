import Synchronization

/// Where a running build is, for a progress display: its stage and how far into it.
public struct BuildProgress: Sendable, Hashable {
    /// The stages a build goes through, in order.
    public enum Stage: Sendable, Hashable {
        /// Reading the inputs (feeds, folders, the archive); counts inputs.
        case read
        /// Reading a web site's feed history; counts feed pages (the total is not known).
        case history
        /// Reading posts from their own pages (full text, sitemap posts); counts pages.
        case fullText
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

extension BuildProgress {
    /// Where a build tells its progress (from any thread).
    public typealias Report = @Sendable (BuildProgress) -> Void
}

/// Counts the items of one stage done on many threads, telling `report` of each (and of the
/// start, at 0).
final class BuildProgressCounter: Sendable {
    private let stage: BuildProgress.Stage
    private let total: Int
    private let report: BuildProgress.Report?
    private let done = Atomic(0)

    init(_ stage: BuildProgress.Stage, total: Int, report: BuildProgress.Report?) {
        (self.stage, self.total, self.report) = (stage, total, report)
        report?(BuildProgress(stage: stage, done: 0, total: total))
    }

    /// One more item done.
    func advance() {
        guard let report else { return }
        report(BuildProgress(stage: stage, done: done.add(1, ordering: .relaxed).newValue, total: total))
    }
}
