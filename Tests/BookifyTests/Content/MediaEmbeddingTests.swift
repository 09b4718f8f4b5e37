@testable import BookifyCore
import Foundation
import Testing

/// How a post shows its media once the images are loaded: figures, inline images,
/// placeholders, lead images.
@Suite struct MediaEmbeddingTests {
    /// The body of each post after conversion, offline, with `assets` as the asset folder.
    private func convert(_ posts: [Post], assets: URL) async -> (bodies: [String], content: BookContent) {
        var settings = BookSettings.withoutNetwork
        settings.assets.folder = assets
        let builder = BookBuilder(settings: settings)
        let content = await builder.convert(builder.plan([Blog(posts: posts, source: "test")]))
        let bodies = content.documents.map(\.body.dump)
        return (bodies, content)
    }

    private func post(_ id: String, _ html: String, image: URL? = nil) -> Post {
        var post = Post(id: id, url: URL(string: "https://blog.example/posts/\(id)/"), title: "Post \(id)", content: html,
                        contentFormat: .html, image: image, published: Date(timeIntervalSince1970: Double(id)! * 86_400))
        post.siteURL = URL(string: "https://blog.example/")
        return post
    }

    @Test func imagesAreFiguresAloneAndInlineInTextAndPlaceholdersWhenMissing() async throws {
        let assets = TestPaths.temporaryFolder()
        try FileManager.default.createDirectory(at: assets.appendingPathComponent("img"), withIntermediateDirectories: true)
        try TestImage.png(seed: 1).write(to: assets.appendingPathComponent("img/a.png"))
        let (bodies, content) = await convert([post("1", """
            <p><img src="/img/a.png" alt="A" title="The caption"></p>
            <p>Text <img src="/img/a.png" alt="again"> more.</p>
            <p><a href="https://elsewhere.example/"><img src="/img/none.png" alt="linked"></a></p>
            <p><img src="/img/none.png"></p>
            """)], assets: assets)
        let image = try #require(content.images.first)
        #expect(content.images.count == 1, "one file for the image shown twice")
        #expect(image.id.hasPrefix("a-") && image.width == 48 && image.height == 48, "named after the reference, its size read once")
        #expect(bodies[0] == """
            figure (image figure)
              image \(image.id) 48×48 alt="A"
              figcaption
                "The caption"
            "\\n"
            p
              "Text "
              image \(image.id) 48×48 alt="again"
              " more."
            "\\n"
            p
              a → https://elsewhere.example/
                placeholder inline image "linked"
            "\\n"
            placeholder figure image "Image" → https://blog.example/img/none.png
            """)
        #expect(content.warnings.map(\.reference) == ["https://blog.example/img/none.png"], "one warning per missing image and post")
        #expect(content.everyImageDescribed, "every embedded image has alt text")
    }

    @Test func anImageSeveralPostsShowIsStoredOnceUnderTheNameItFirstHadInTheBook() async throws {
        let assets = TestPaths.temporaryFolder()
        try TestImage.png(seed: 4).write(to: assets.appendingPathComponent("first.png"))
        try TestImage.png(seed: 4).write(to: assets.appendingPathComponent("copy.png"))
        try TestImage.png(seed: 5).write(to: assets.appendingPathComponent("other.png"))
        // Posts are put in order of date: "3" is the book's first post.
        let (bodies, content) = await convert([
            post("5", #"<p><img src="/copy.png" alt="the copy"></p><p><img src="/other.png"></p>"#),
            post("4", #"<p><img src="/other.png" alt="other"></p>"#),
            post("3", #"<p><img src="/first.png" alt="first"></p>"#),
        ], assets: assets)
        let ids = content.images.map(\.id)
        #expect(ids.count == 2 && ids[0].hasPrefix("first-") && ids[1].hasPrefix("other-"), "\(ids)")
        #expect(bodies[0].contains("image \(ids[0]) ") && bodies[1].contains("image \(ids[1]) "), "\(bodies)")
        #expect(bodies[2].contains("image \(ids[0]) ") && bodies[2].contains("image \(ids[1]) "), "the copy is the first's file: \(bodies[2])")
        #expect(!content.everyImageDescribed, "the last post's second image has no alt text")
        #expect(content.images.allSatisfy { $0.informative })
    }

    @Test func aLeadImageThatCannotBeHadLeavesNoPlaceholder() async throws {
        let assets = TestPaths.temporaryFolder()
        try TestImage.png(seed: 2).write(to: assets.appendingPathComponent("lead.png"))
        let (bodies, content) = await convert([
            post("1", "<p>Text.</p>", image: URL(string: "https://blog.example/lead.png")),
            post("2", "<p>Text.</p>", image: URL(string: "https://blog.example/gone.png")),
        ], assets: assets)
        #expect(bodies[0].hasPrefix("figure (lead image)\n  image lead-") && bodies[0].contains(#"alt="""#))
        #expect(bodies[1] == "p\n  \"Text.\"")
        #expect(content.warnings.count == 1)
        #expect(content.images.map(\.informative) == [false], "a lead image is decoration")
    }

    @Test func anImageThreePostsShareIsTheSitesDefaultAndLeadsNone() async throws {
        let assets = TestPaths.temporaryFolder()
        try TestImage.png(seed: 3).write(to: assets.appendingPathComponent("favicon.png"))
        let favicon = URL(string: "https://blog.example/favicon.png")
        let (bodies, content) = await convert((1...3).map { post(String($0), "<p>Text.</p>", image: favicon) }, assets: assets)
        #expect(bodies == Array(repeating: "p\n  \"Text.\"", count: 3))
        #expect(content.images.isEmpty && content.warnings.isEmpty)
    }

    @Test func anAttachedEpisodeIsAFigureLinkingToItAfterTheText() async throws {
        var episode = post("1", "<p>Show notes.</p>")
        episode.attachments = [Attachment(url: URL(string: "https://pod.example/e1.mp3")!, mimeType: "audio/mpeg", title: "Episode 1"),
                               Attachment(url: URL(string: "https://pod.example/notes.pdf")!, mimeType: "application/pdf")]
        let (bodies, _) = await convert([episode], assets: TestPaths.temporaryFolder())
        #expect(bodies[0] == "p\n  \"Show notes.\"\nplaceholder figure audio \"Episode 1\" → https://pod.example/e1.mp3")
    }
}
