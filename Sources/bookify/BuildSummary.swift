import BookifyCore
import Foundation

/// The line a build ends with, one per book written: "Wrote blog.epub (1.4 MB): 59 posts in
/// 2 chapters, 40 images embedded and 16 missing, 2 warnings, in 1.2 s."
struct BuildSummary {
    let content: BookContent
    let missingImages: Int
    let warnings: Int
    let seconds: TimeInterval

    /// For one book (`files` holds its one file) or a book in volumes (`output` as asked for).
    func line(writtenTo files: [String], as output: String? = nil) -> String {
        let size = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1))?[.size] as? Int ?? 0) }
        let name = output.map { "\($0) in \(files.count) volumes (\(files.joined(separator: ", ")))" } ?? files[0]
        let chapters = content.book.chapters.filter { $0.title != nil }.count
        let images = content.images.count
        var parts = [Self.count(content.book.posts.count, "post") + (chapters > 0 ? " in " + Self.count(chapters, "chapter") : "")]
        if images + missingImages > 0 {
            parts.append(Self.count(images, "image") + " embedded" + (missingImages > 0 ? " and \(missingImages) missing" : ""))
        }
        if warnings > 0 { parts.append(Self.count(warnings, "warning")) }
        return "Wrote \(name) (\(readableSize(size))): " + parts.joined(separator: ", ") + String(format: ", in %.1f s.", seconds)
    }

    /// "1 post", "59 posts".
    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
