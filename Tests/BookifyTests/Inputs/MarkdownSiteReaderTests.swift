@testable import BookifyCore
import Foundation
import Testing

@Suite struct MarkdownSiteReaderTests {
    private func read(_ root: URL, drafts: Bool = false) async throws -> Blog {
        var settings = BookSettings()
        settings.input.includeDrafts = drafts
        let reader = InputReader(settings: settings)
        return try await reader.read(root.path)
    }

    @Test func readsAHugoSiteWithTOMLYAMLAndJSONFrontMatter() async throws {
        let root = try TestPaths.temporaryFolder(holding: [
            "hugo.toml": "baseURL = \"https://h.example/\"\ntitle = \"Hugo site\"\nlanguageCode = \"en-us\"\n[author]\n  name = \"Nate\"\n",
            "content/about.md": "+++\ntitle = \"About\"\n+++\nA page, not a post.",
            "content/blog/_index.md": "---\ntitle: Blog\n---\n",
            "content/blog/one.md": "+++\ndate = 2014-08-01T06:45:00Z\ntitle = \"One\"\nslug = \"first\"\ntags = [\n  \"go\",\n  \"hugo\",\n]\nseries = [\"Hugo 101\"]\nweight = 2\n+++\nBody {{< figure src=\"/img/a.png\" caption=\"A caption\" >}}",
            "content/blog/two.md": "---\ntitle: \"Two\"\ndate: 2014-08-02\ndraft: true\n---\nDraft",
            "content/blog/three.fr.md": "---\ntitle: Trois\n---\nTraduction",
            "content/blog/bundle/index.md": "{\n  \"title\": \"Bundle\",\n  \"date\": \"2015-01-01\",\n  \"categories\": [\"pics\"]\n}\nSee {{< ref \"blog/one.md\" >}} and {{< youtube abc123 >}}.{{< unknown x >}}",
        ])
        let blog = try await read(root)
        #expect(blog.title == "Hugo site" && blog.language == "en-us" && blog.authors.map(\.name) == ["Nate"])
        #expect(blog.posts.map(\.title).sorted() == ["Bundle", "One"])
        let one = try #require(blog.posts.first { $0.title == "One" })
        #expect(one.url?.absoluteString == "https://h.example/blog/first/")
        #expect(one.tags == ["go", "hugo"] && one.series == SeriesMembership(name: "Hugo 101", order: 2))
        #expect(one.published.map(FeedDate.iso8601) == "2014-08-01T06:45:00Z")
        #expect(one.content.contains(#"<figure><img src="/img/a.png" alt="A caption"/><figcaption>A caption</figcaption></figure>"#))
        let bundle = try #require(blog.posts.first { $0.title == "Bundle" })
        #expect(bundle.url?.absoluteString == "https://h.example/blog/bundle/" && bundle.tags == ["pics"])
        #expect(bundle.content.contains("See https://h.example/blog/one/ and [YouTube video](https://www.youtube.com/watch?v=abc123)."))
        #expect(!bundle.content.contains("{{"))
        #expect(try await read(root, drafts: true).posts.contains { $0.title == "Two" })
    }

    @Test func readsAJekyllSiteWithDatesFromFileNamesAndLiquid() async throws {
        let root = try TestPaths.temporaryFolder(holding: [
            "_config.yml": "title: Jekyll news\nurl: https://j.example\nbaseurl: /docs\n",
            "_posts/2013-05-06-first-release.markdown": "---\ntitle: First\ncategory: release\n---\nSee {% post_url 2014-01-02-second %} on {{ site.title }}.\n{% raw %}{{ kept }}{% endraw %}\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n{% include note.html %}",
            "_posts/2014-01-02-second.md": "---\ntitle: Second\ndate: 2014-01-02 10:00:00 +0200\ncategories: [release, news]\nauthor: parkr\n---\nText",
            "_drafts/idea.md": "---\ntitle: Idea\n---\nLater",
        ])
        let blog = try await read(root)
        #expect(blog.title == "Jekyll news" && blog.homePageURL?.absoluteString == "https://j.example/docs")
        #expect(blog.posts.map(\.title) == ["First", "Second"])
        let first = blog.posts[0]
        #expect(first.published.map(FeedDate.day) == "2013-05-06", "the date comes from the file name")
        #expect(first.url?.absoluteString == "https://j.example/docs/2013/05/06/first-release.html")
        #expect(first.content.contains("See https://j.example/docs/2014/01/02/second.html on Jekyll news."))
        #expect(first.content.contains("{{ kept }}") && first.content.contains("```ruby\nputs 1\n```"))
        #expect(!first.content.contains("{%"))
        let second = blog.posts[1]
        #expect(second.published.map(FeedDate.iso8601) == "2014-01-02T08:00:00Z" && second.tags == ["release", "news"])
        #expect(second.authors.map(\.name) == ["parkr"])
        #expect(try await read(root, drafts: true).posts.map(\.title).contains("Idea"))
    }

    @Test func aliasesAndYAMLErrorsAreRead() async throws {
        let root = try TestPaths.temporaryFolder(holding: ["hugo.toml": "baseURL = \"https://h.example/\"\n",
                             "content/blog/a.md": "+++\ntitle = \"A\"\naliases = [\"/old/a/\"]\n+++\nx",
                             "content/blog/b.md": "---\ntitle: B\n---\nSee [a](https://h.example/old/a/)."])
        let blog = try await read(root)
        #expect(blog.posts.first { $0.title == "A" }?.aliases.map(\.absoluteString) == ["https://h.example/old/a/"])
        let builder = BookBuilder(settings: .withoutNetwork)
        let content = await builder.convert(builder.plan([blog]))
        let b = try #require(content.chapters.flatMap(\.documents).first { $0.post.title == "B" })
        let a = try #require(content.chapters.flatMap(\.documents).first { $0.post.title == "A" })
        #expect(b.body.allElements.contains { $0.link == .post(a.documentID, anchor: nil) }, "a link to an alias stays in the book")

        let broken = try TestPaths.temporaryFolder(holding: ["notes/a.md": "---\ntitle: x\ntags: [unclosed\n---\nbody"])
        do {
            _ = try await read(broken)
            Issue.record("broken YAML was read")
        } catch let BookifyError.invalidInput(path, location, _) {
            #expect(path.hasSuffix("notes/a.md") && location?.line == 4, "\(String(describing: location))")
        }
    }

    @Test func brokenFrontMatterNamesTheFile() async throws {
        let root = try TestPaths.temporaryFolder(holding: ["notes/a.md": "---\ntitle: [unclosed\n---\nx", "notes/b.md": "+++\ntitle = \"never closed\"\n"])
        await #expect(throws: BookifyError.self) { _ = try await read(root) }
        do {
            _ = try await read(root)
        } catch {
            #expect("\(error)".contains("notes/a.md") || "\(error)".contains("notes/b.md"))
        }
    }

    @Test func parsesTheTOMLHugoUses() throws {
        let fields = try TOMLDocument.parse("""
        title = "A \\"quoted\\" title" # comment
        date = 2014-08-08T10:07:46Z
        draft = false
        weight = 3
        tags = ["a", 'b', "c # not a comment"]
        aliases = [
            "/x",
        ]
        [author]
          name = "Nate"
        """)
        #expect(fields["title"] == .string("A \"quoted\" title") && fields["draft"] == .bool(false))
        #expect(fields["date"] == .string("2014-08-08T10:07:46Z") && fields["weight"] == .number(3))
        #expect(fields["tags"] == .array([.string("a"), .string("b"), .string("c # not a comment")]))
        #expect(fields["aliases"] == .array([.string("/x")]) && fields["author"] == .object(["name": .string("Nate")]))
    }

    @Test func aBrokenTOMLDateNamesTheFileLineAndColumn() async throws {
        let root = try TestPaths.temporaryFolder(holding: ["posts/a.md": "+++\ntitle = \"A\"\ndate = 2014-08-01Tp6:30:00Z\n+++\n\nHello.\n"])
        do {
            _ = try await read(root)
            Issue.record("the broken date was read")
        } catch {
            #expect("\(error)".contains("posts/a.md") && "\(error)".contains("3:8"))
        }
    }
}
