import BookifyCore
import Foundation

/// The line a build ends with, one per book written: "Wrote blog.epub (1.4 MB): 59 posts in
/// 2 chapters, 40 images embedded and 16 missing, 2 warnings, in 1.2 s."
struct BuildSummary {
    let content: BookContent
    let warnings: BuildWarnings
    let seconds: TimeInterval

    /// For one book (`files` holds its one file) or a book in volumes (`output` as asked for).
    func line(writtenTo files: [String], as output: String? = nil) -> String {
        let size = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1))?[.size] as? Int ?? 0) }
        let name = output.map { "\($0) in \(files.count) volumes (\(files.joined(separator: ", ")))" } ?? files[0]
        let chapters = content.book.chapters.filter { $0.title != nil }.count
        let images = content.images.count
        var parts = [plural(content.book.posts.count, "post") + (chapters > 0 ? " in " + plural(chapters, "chapter") : "")]
        let missing = warnings.missingImages
        if images + missing > 0 {
            parts.append(plural(images, "image") + " embedded" + (missing > 0 ? " and \(missing) missing" : ""))
        }
        if warnings.count > 0 { parts.append(plural(warnings.count, "warning")) }
        return "Wrote \(name) (\(readableSize(size))): " + parts.joined(separator: ", ") + String(format: ", in %.1f s.", seconds)
    }
}
