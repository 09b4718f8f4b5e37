import Foundation

/// Drawn covers kept between runs. Drawing one costs more than converting a whole blog (Pango
/// at poster sizes, then four million pixels filtered and deflated into a PNG: about 45 ms of a
/// core, a quarter of the seed's EPUB), while the same title, byline and address always give the
/// same bytes. A rebuild of a blog (`--watch`, a daily digest, a new post) takes its cover from
/// here. Kept in the download cache's `covers` section, keyed by `DrawnCover.fingerprint`:
/// everything the pixels depend on that bookify can name.
struct CoverCache: Sendable {
    private let downloads: DownloadCache

    /// The covers kept under `folder` (the download cache's folder).
    init(folder: URL) {
        downloads = DownloadCache(folder: folder, section: "covers")
    }

    /// `cover` as a PNG: the one kept for its fingerprint, else drawn now and kept. `nil` only
    /// when drawing fails (memory).
    func png(for cover: DrawnCover) -> ImageAsset? {
        let key = URL(string: "urn:bookify:drawn-cover:" + cover.fingerprint)!
        if let kept = downloads.lookup(key)?.bytes, ImageType.sniff(kept) == .png {
            return ImageAsset(bytes: kept, type: .png)
        }
        guard let drawn = cover.png() else { return nil }
        downloads.store(drawn.bytes, for: key, etag: nil, lastModified: nil, contentType: ImageType.png.mediaType)
        return drawn
    }
}
