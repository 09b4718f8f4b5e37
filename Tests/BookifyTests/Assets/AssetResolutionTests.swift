@testable import BookifyCore
import Foundation
import Testing

/// How image references become paths inside a site, local files and rebased URLs.
@Suite struct AssetResolutionTests {
    private func location(_ post: String?, site: String? = "https://blog.example/") -> PostLocation {
        PostLocation(url: post.flatMap { URL(string: $0) }, siteURL: site.flatMap { URL(string: $0) })
    }

    @Test func aReferenceOnTheSiteHasItsSitePathPostPathAndBundlePath() {
        // The seed's posts have no final slash: "x.png" resolves beside them, or in a bundle.
        let paths = ReferencePaths(source: "https://blog.example/posts/x.png", location: location("https://blog.example/posts/2026_post"))
        #expect(paths.isOnSite && paths.sitePath == "posts/x.png" && paths.postRelative == "x.png")
        #expect(paths.bundlePath == "posts/2026_post/x.png")
        let moved = paths.rebased(onto: URL(string: "http://127.0.0.1:8080/mirror")!)
        #expect(moved?.absoluteString == "http://127.0.0.1:8080/mirror/posts/x.png")
    }

    @Test func aSiteUnderAPathAndWWWAndHTTPAreTheSameSite() {
        let paths = ReferencePaths(source: "http://www.blog.example/blog/img/a%20b.png?v=2",
                                   location: location("https://blog.example/blog/p/", site: "https://blog.example/blog/"))
        #expect(paths.isOnSite && paths.sitePath == "img/a b.png" && paths.postRelative == nil)
        #expect(paths.rebased(onto: URL(string: "https://mirror.example/")!)?.absoluteString == "https://mirror.example/img/a%20b.png?v=2")
    }

    @Test func otherSitesAreNeitherLookedUpLocallyNorMoved() {
        let paths = ReferencePaths(source: "https://cdn.example/a.png", location: location("https://blog.example/p/"))
        #expect(!paths.isOnSite && paths.sitePath == nil && paths.rebased(onto: URL(string: "https://m.example/")!) == nil)
    }

    @Test func relativePathsOfPostsWithoutURLsStayPaths() {
        let relative = ReferencePaths(source: "img/a%20b.png", location: location(nil, site: nil))
        #expect(relative.isOnSite && relative.sitePath == "img/a b.png" && relative.postRelative == "img/a b.png")
        let query = ReferencePaths(source: "img/d.png?v=2#x", location: location(nil, site: nil))
        #expect(query.sitePath == "img/d.png")
        let absolute = ReferencePaths(source: "/img/c.png", location: location(nil, site: nil))
        #expect(absolute.sitePath == "img/c.png" && absolute.postRelative == nil)
    }

    @Test func anAssetFolderKeepsEveryPathInside() throws {
        let root = TestPaths.temporaryFolder()
        let outside = TestPaths.temporaryFolder()
        try Data("in".utf8).write(to: root.appendingPathComponent("in.png"))
        try Data("out".utf8).write(to: outside.appendingPathComponent("out.png"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("sub/link.png"),
                                                   withDestinationURL: outside.appendingPathComponent("out.png"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("inner.png"),
                                                   withDestinationURL: root.appendingPathComponent("in.png"))
        let folder = AssetFolder(root)
        #expect(try folder.file(at: "./in.png")?.get().lastPathComponent == "in.png")
        #expect(try folder.file(at: "inner.png")?.get().lastPathComponent == "in.png", "a link that stays inside is followed")
        #expect(folder.file(at: "none.png") == nil)
        #expect(folder.file(at: "sub") == nil, "a folder is no image")
        for escaping in ["../\(outside.lastPathComponent)/out.png", "sub/../../x.png", "sub/link.png"] {
            guard case .failure(.outsideRoot)? = folder.file(at: escaping) else {
                Issue.record("\(escaping) was not refused")
                continue
            }
        }
        #expect(folder.filesByName()["in.png"] == ["in.png"])
    }

    @Test func theCacheReturnsWhatItKeptWithItsValidators() {
        let cache = DownloadCache(folder: TestPaths.temporaryFolder())
        let url = URL(string: "https://blog.example/a.png")!
        #expect(cache.lookup(url) == nil)
        cache.store([1, 2, 3], for: url, etag: "\"v1\"", lastModified: nil)
        #expect(cache.lookup(url)?.bytes == [1, 2, 3] && cache.lookup(url)?.entry.etag == "\"v1\"")
        #expect(cache.lookup(URL(string: "https://blog.example/b.png")!) == nil)
    }

    @Test func imagesAreToldByTheirBytes() {
        #expect(ImageType.sniff(Array(TestImage.png(seed: 1))) == .png)
        #expect(ImageType.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == nil, "a signature alone is no image")
        #expect(ImageType.sniff(Array(TestImage.notAnImage)) == nil)
        let gif = Array("GIF89a".utf8) + [UInt8](repeating: 0, count: 20)
        #expect(ImageType.sniff(gif) == .gif)
    }

    @Test func svgLosesScriptsHandlersAndOutsideReferencesAndKeepsTheDrawing() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:ink="urn:ink" viewBox="0 0 4 4" onload="x()">
            <defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>
            <script>alert(1)</script><ink:meta>m</ink:meta><metadata>rdf</metadata>
            <rect width="4" height="4" fill="url(#g)" style="stroke: url(https://evil.example/x)" ink:label="r"/>
            <use xlink:href="#g"/><use href="#gone"/><circle fill="url(#gone)" r="2"/><use href="https://evil.example/s.svg#a"/><a href="https://evil.example"><circle r="1"/></a>
            <text xml:space="preserve">Hello &amp; bye</text></svg>
            """
        let clean = String(decoding: try #require(SVGSanitizer.sanitize(Array(svg.utf8))), as: UTF8.self)
        for kept in [#"viewBox="0 0 4 4""#, ##"fill="url(#g)""##, ##"xlink:href="#g""##, "<circle", "Hello &amp; bye", "<linearGradient"] {
            #expect(clean.contains(kept), "\(kept) is gone: \(clean)")
        }
        for dropped in ["onload", "script", "alert", "evil.example", "ink:label", "ink:meta", "urn:ink", "metadata", "<a ", "url(#gone)"] {
            #expect(!clean.contains(dropped), "\(dropped) survived: \(clean)")
        }
        #expect(XMLChecker.check(clean) == nil, "the result is well-formed")
        #expect(SVGSanitizer.sanitize(Array("<html><svg></svg></html>".utf8)) == nil)
        let bomb = "<!DOCTYPE svg [\(XMLFeedReaderTests.entityBomb)]><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"&l9;\"><text>&l9;</text></svg>"
        #expect(SVGSanitizer.sanitize(Array(bomb.utf8)) == nil, "an entity bomb is refused, not expanded")
        #expect(SVGSanitizer.sanitize(Array("<svg xmlns='http://www.w3.org/2000/svg'><g>".utf8)) == nil)
    }
}
