@testable import BookifyCore
import Foundation
import Testing

/// The article taken out of real engines' post pages (fixtures written after each engine's
/// templates: class names, nesting, widgets, comment blocks), measured by word-level F1
/// against the article's true text.
@Suite struct ArticleExtractionTests {
    struct Engine: Sendable, CustomStringConvertible {
        var file: String
        var title: String
        var author: String
        var published: String
        var description: String { file }
    }

    static let engines = [
        Engine(file: "wordpress-astra", title: "Pruning an old orchard in winter", author: "Hal Furrow", published: "2024-01-14"),
        Engine(file: "ghost-casper", title: "Shipping a static site in ten minutes", author: "Mara Lind", published: "2024-02-14"),
        Engine(file: "hugo-papermod", title: "Profiling a slow build", author: "Theo Marsh", published: "2023-11-08"),
        Engine(file: "jekyll-minima", title: "Notes on mapping old footpaths", author: "June Hollow", published: "2022-06-19"),
        Engine(file: "blogger-contempo", title: "The nest on the old pylon", author: "Gwen Tarn", published: "2021-04-12"),
        Engine(file: "substack", title: "The slow kitchen", author: "Rosa Quill", published: "2024-01-21"),
        Engine(file: "medium", title: "Why our queue kept losing messages", author: "Ada Reed", published: "2024-03-03"),
    ]

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/articles")

    /// The extracted article's text, as a reader would see it.
    static func text(of article: ExtractedArticle) -> String {
        HTMLParser().parseFragment(article.html).map(\.textContent).joined(separator: " ")
    }

    static func score(_ engine: Engine) throws -> (f1: Double, article: ExtractedArticle) {
        let bytes = try [UInt8](Data(contentsOf: fixtures.appendingPathComponent(engine.file + ".html")))
        let truth = try String(contentsOf: fixtures.appendingPathComponent(engine.file + ".txt"), encoding: .utf8)
        let page = WebPage(url: URL(string: "https://\(engine.file).example/post/")!, bytes: bytes)
        let article = try #require(ArticleExtractor.extract(page), "no article in \(engine.file)")
        return (WordF1.score(extracted: text(of: article), truth: truth), article)
    }

    @Test func everyEngineExtractsWithF1OfAtLeast090() throws {
        var table = ["engine              F1     words"]
        var scores: [Double] = []
        for engine in Self.engines {
            let (f1, article) = try Self.score(engine)
            scores.append(f1)
            table.append(engine.file.padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "%.3f  %5d", f1, article.wordCount))
            #expect(f1 >= 0.90, "\(engine.file): F1 \(f1)\n\(Self.text(of: article))")
        }
        table.append("mean                " + String(format: "%.3f", scores.reduce(0, +) / Double(scores.count)))
        print(table.joined(separator: "\n"))
    }

    @Test(arguments: engines) func theTitleAuthorDateAndImagesComeFromThePage(engine: Engine) throws {
        let (_, article) = try Self.score(engine)
        #expect(article.metadata.title == engine.title)
        #expect(article.metadata.authors.first == engine.author, "\(article.metadata.authors)")
        let published = try #require(article.metadata.published, "no date")
        #expect(ISO8601DateFormatter().string(from: published).hasPrefix(engine.published))
        #expect(article.metadata.isPost)
        #expect(!article.html.contains("<script") && !article.html.contains("<form") && !article.html.contains("<iframe"))
        #expect(article.html.contains("<img"), "the article's picture was lost")
    }

    @Test func ourOwnSitesPostsExtractWithF1OfAtLeast095() throws {
        let site = try TestSite()
        let blog = WordPressSite(site: site)
        for post in blog.posts {
            let page = WebPage(url: URL(string: blog.postURL(post))!, bytes: Array(blog.postPage(post).utf8))
            let article = try #require(ArticleExtractor.extract(page))
            let f1 = WordF1.score(extracted: Self.text(of: article), truth: post.trueText)
            #expect(f1 >= 0.95, "\(post.title): F1 \(f1)\n\(Self.text(of: article))")
            #expect(article.metadata.title == post.title && article.metadata.published == post.date)
        }
    }
}
