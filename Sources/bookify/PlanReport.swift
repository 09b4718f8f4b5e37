import BookifyCore
import Foundation

/// The plan of a book as `inspect` shows it: a readable table or JSON.
struct PlanReport: Encodable {
    struct Chapter: Encodable {
        var title: String?
        var posts: [Post]
    }

    struct Post: Encodable {
        var title: String
        var date: String?
        var url: String?
        var tags: [String]
        var series: String?
        var warnings: [String]
    }

    var title: String
    var authors: [String]
    var language: String
    var identifier: String
    var groupBy: String
    var postCount: Int
    var chapters: [Chapter]

    init(content: BookContent, groupBy: GroupingRule) {
        let metadata = content.book.metadata
        title = metadata.title
        authors = metadata.authors
        language = metadata.language
        identifier = metadata.identifier
        self.groupBy = groupBy.rawValue
        let missing = Dictionary(grouping: content.warnings, by: \.documentID)
        chapters = content.chapters.map { chapter in
            Chapter(title: chapter.title, posts: chapter.documents.map { Self.post($0, missing: missing[$0.documentID] ?? []) })
        }
        postCount = chapters.reduce(0) { $0 + $1.posts.count }
    }

    private static func post(_ document: PostDocument, missing: [AssetWarning]) -> Post {
        var warnings: [String] = []
        if document.post.date == nil { warnings.append("no date: placed after the dated posts") }
        warnings += missing.map { "image not embedded: \($0.reference): \($0.failure)" }
        warnings += document.brokenLinks.map { "link \($0) leads to no section of the book" }
        return Post(title: document.post.title, date: document.post.date.map(FeedDate.day),
                    url: document.post.url?.absoluteString, tags: document.post.tags,
                    series: document.post.series?.name, warnings: warnings)
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    func table() -> String {
        let chapterCount = chapters.filter { $0.title != nil }.count
        var lines = ["\(title)" + (authors.isEmpty ? "" : " by \(authors.joined(separator: ", "))"),
                     plural(postCount, "post") + (chapterCount > 0 ? " in \(plural(chapterCount, "chapter"))" : "")
                        + " (group by \(groupBy), language \(language))", ""]
        var warnings: [String] = []
        var number = 0
        for (index, chapter) in chapters.enumerated() {
            if let title = chapter.title { lines.append(String(format: "%2d  ", index + 1) + "\(title) (\(chapter.posts.count))") }
            for post in chapter.posts {
                number += 1
                lines.append("      \(post.date ?? "no date   ")  \(post.title)")
                warnings += post.warnings.map { "  \(post.title): \($0)" }
            }
        }
        if !warnings.isEmpty {
            lines += ["", "Warnings (\(warnings.count)):"] + warnings
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
