@testable import BookifyCore
import Foundation
import Testing

@Suite struct XMLFeedReaderTests {
    private func read(_ xml: String, encoding: String.Encoding = .utf8) throws -> Blog {
        try InputReader().parse(Array(try #require(xml.data(using: encoding))), source: "feed.xml", documentURL: nil)
    }

    @Test func readsRSS2WithItsExtensions() throws {
        let blog = try read("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>News &amp; Notes</title><link>https://n.example/</link><description>About &lt;b&gt;things&lt;/b&gt;</description>
        <language>en-GB</language><image><url>https://n.example/logo.png</url></image>
        <item><title>First</title><link>https://n.example/1</link><guid isPermaLink="false">tag:n,1</guid>
          <description>Teaser</description><content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded>
          <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><dc:creator>Jane Doe</dc:creator>
          <category>Go</category><category domain="https://n.example/series">Deep dives</category>
          <enclosure url="https://n.example/a.mp3" length="1234" type="audio/mpeg"/></item>
        <item><description>&lt;p&gt;A note without a title.&lt;/p&gt;</description><link>https://n.example/2#x</link>
          <pubDate>5 Jul 21 9:30 +0200</pubDate></item>
        </channel></rss>
        """)
        #expect(blog.title == "News & Notes" && blog.description == "About things" && blog.language == "en-GB")
        #expect(blog.homePageURL?.absoluteString == "https://n.example/" && blog.icon?.absoluteString == "https://n.example/logo.png")
        let first = blog.posts[0]
        #expect(first.id == "tag:n,1" && first.url?.absoluteString == "https://n.example/1" && first.title == "First")
        #expect(first.content == "<p>Full <b>text</b></p>" && first.contentFormat == .html && first.summary == "Teaser")
        #expect(first.published.map(FeedDate.iso8601) == "2003-06-10T04:00:00Z")
        #expect(first.authors.map(\.name) == ["Jane Doe"] && first.tags == ["Go"] && first.series?.name == "Deep dives")
        #expect(first.attachments.first?.mimeType == "audio/mpeg" && first.attachments.first?.sizeInBytes == 1234)
        let second = blog.posts[1]
        #expect(second.title == "A note without a title.")
        #expect(second.published.map(FeedDate.iso8601) == "2021-07-05T07:30:00Z")
    }

    @Test func itemPicturesComeFromMediaRSSOrAnImageEnclosure() throws {
        let blog = try read("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
            <item><title>A</title><media:thumbnail url="https://x.example/a.jpg"/></item>
            <item><title>B</title><media:group><media:content url="https://x.example/b.png" medium="image"/></media:group></item>
            <item><title>C</title><enclosure url="https://x.example/c.jpg" type="image/jpeg" length="9"/>
            <enclosure url="https://x.example/c.mp3" type="audio/mpeg" length="9"/></item>
            </channel></rss>
            """)
        #expect(blog.posts.map(\.image?.absoluteString) == ["https://x.example/a.jpg", "https://x.example/b.png", "https://x.example/c.jpg"])
        #expect(blog.posts[2].attachments.map(\.url.absoluteString) == ["https://x.example/c.mp3"], "the picture is no attachment")
    }

    @Test func readsRSS1AndDublinCoreDates() throws {
        let blog = try read("""
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://r.example/"><title>RDF blog</title><link>https://r.example/</link><dc:language>fr</dc:language></channel>
        <item rdf:about="https://r.example/a"><title>A</title><link>https://r.example/a</link><dc:date>2004-02-03T10:00:00Z</dc:date></item>
        </rdf:RDF>
        """)
        #expect(blog.title == "RDF blog" && blog.language == "fr" && blog.posts.map(\.title) == ["A"])
        #expect(blog.posts[0].published.map(FeedDate.day) == "2004-02-03")
    }

    @Test func honoursTheDeclaredEncoding() throws {
        let blog = try read("""
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <rss version="2.0"><channel><title>Grüße aus Köln</title><item><title>Über Öl</title></item></channel></rss>
        """, encoding: .isoLatin1)
        #expect(blog.title == "Grüße aus Köln" && blog.posts[0].title == "Über Öl")
    }

    @Test func readsAtomWithXHTMLContentBasesAndInheritedAuthors() throws {
        let blog = try read("""
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="it" xml:base="https://a.example/blog/">
          <title type="html">Il &lt;em&gt;blog&lt;/em&gt;</title><subtitle>Note</subtitle>
          <link rel="alternate" href="./"/><link rel="self" href="feed.atom"/>
          <author><name>Andrea</name></author><icon>icon.png</icon>
          <entry xml:base="post-one/">
            <title>Uno</title><id>urn:uuid:1</id><link href="."/>
            <published>2024-05-06T07:08:09+02:00</published><updated>2024-06-01T00:00:00Z</updated>
            <category term="c" label="C language"/><category term="s" scheme="https://a.example/series" label="Windows"/>
            <summary>Short</summary>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <img src="pic.png" alt="pic"/></p></div></content>
          </entry>
          <entry><title>Due</title><id>https://a.example/blog/due</id><updated>2025-01-01T00:00:00Z</updated>
            <author><name>Guest</name></author><content type="html">&lt;p&gt;escaped&lt;/p&gt;</content></entry>
        </feed>
        """)
        #expect(blog.title == "Il blog" && blog.description == "Note" && blog.language == "it")
        #expect(blog.homePageURL?.absoluteString == "https://a.example/blog/")
        #expect(blog.feedURL?.absoluteString == "https://a.example/blog/feed.atom")
        #expect(blog.icon?.absoluteString == "https://a.example/blog/icon.png" && blog.authors.map(\.name) == ["Andrea"])
        let first = blog.posts[0]
        #expect(first.url?.absoluteString == "https://a.example/blog/post-one/")
        #expect(first.contentBase?.absoluteString == "https://a.example/blog/post-one/")
        #expect(first.content.contains(#"<img alt="pic" src="pic.png">"#) && first.contentFormat == .html)
        #expect(first.summary == "Short" && first.authors.isEmpty, "entries inherit the feed's author")
        #expect(first.tags == ["C language"] && first.series?.name == "Windows")
        #expect(first.published.map(FeedDate.iso8601) == "2024-05-06T05:08:09Z")
        let second = blog.posts[1]
        #expect(second.content == "<p>escaped</p>" && second.authors.map(\.name) == ["Guest"])
        #expect(second.url?.absoluteString == "https://a.example/blog/due", "an http id stands for a missing link")
        #expect(second.published.map(FeedDate.day) == "2025-01-01")

        let tree = PostConverter().convert(first, documentID: "p001").body.dump
        #expect(tree.contains(#"media image "https://a.example/blog/post-one/pic.png""#), "images resolve against xml:base")
    }

    @Test func brokenXMLNamesTheLineAndColumn() throws {
        #expect {
            _ = try read("<rss version=\"2.0\"><channel>\n<title>x</title>\n<item><title>unclosed</item>\n</channel></rss>")
        } throws: { error in
            guard case .invalidInput(_, let location?, let reason) = error as? BookifyError else { return false }
            return location.line == 3 && reason.hasPrefix("invalid XML")
        }
    }

    @Test func xmlThatIsNoFeedIsRefused() throws {
        #expect {
            _ = try read("<?xml version=\"1.0\"?>\n<html><body/></html>")
        } throws: { error in
            guard case .invalidInput(_, _, let reason) = error as? BookifyError else { return false }
            return reason.contains("no feed")
        }
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let blog = try read("""
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>T</title><item><title>A &secret; B</title></item></channel></rss>
        """)
        #expect(!(blog.posts.first?.title.contains("root:") ?? true))
    }

    /// "Billion laughs": ten levels of ten references each, a gigabyte once expanded.
    static let entityBomb = "<!ENTITY l0 \"lol\">" + (1...9).map { level in
        "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
    }.joined()

    @Test func anEntityBombIsRefusedNotExpanded() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [\(Self.entityBomb)]><rss version=\"2.0\"><channel>"
            + "<title>&l9;</title><item><title a=\"&l9;\">x</title></item></channel></rss>"
        #expect(throws: BookifyError.self) { try read(xml) }
    }

    @Test(arguments: [
        ("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"),
        ("Wed, 02 Oct 2002 08:00:00 EST", "2002-10-02T13:00:00Z"),
        ("Sat, 7 Jan 2023 18:30 +0100", "2023-01-07T17:30:00Z"),
        ("Thu, 25 October 2018 19:03:00 +0200", "2018-10-25T17:03:00Z"),
        ("10 Jun 03 04:00:00 Z", "2003-06-10T04:00:00Z"),
        ("2019-03-01T16:02:00-05:00", "2019-03-01T21:02:00Z"),
    ])
    func parsesRFC822DatesAndTheirDeviations(text: String, expected: String) throws {
        #expect(FeedDate.parseRFC822(text).map(FeedDate.iso8601) == expected)
    }
}
