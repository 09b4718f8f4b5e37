@testable import BookifyCore
import Foundation
import Testing

/// The catalog's addresses: a fixed set, so that nothing a reader asks for names a file.
@Suite struct CatalogRouteTests {
    @Test func theCatalogsAddresses() {
        #expect(CatalogRoute(path: "/", query: [:]) == .page)
        #expect(CatalogRoute(path: "/", query: ["q": " rust "]) == .search("rust"))
        #expect(CatalogRoute(path: "/opds", query: [:]) == .root)
        #expect(CatalogRoute(path: "/opds/blogs", query: [:]) == .blogs)
        #expect(CatalogRoute(path: "/opds/new", query: [:]) == .newest)
        #expect(CatalogRoute(path: "/opds/search", query: ["q": "go"]) == .search("go"))
        #expect(CatalogRoute(path: "/opds/search.xml", query: [:]) == .searchDescription)
        #expect(CatalogRoute(path: "/books/0123456789ab.epub", query: [:]) == .book(.blog("0123456789ab"), .epub))
        #expect(CatalogRoute(path: "/books/0123456789ab.kepub.epub", query: [:]) == .book(.blog("0123456789ab"), .kepub))
        #expect(CatalogRoute(path: "/books/0123456789ab", query: [:]) == .book(.blog("0123456789ab"), nil))
        #expect(CatalogRoute(path: "/books/0123456789ab", query: ["format": "KEPUB"]) == .book(.blog("0123456789ab"), .kepub))
        #expect(CatalogRoute(path: "/books/new.epub", query: [:]) == .book(.newest(0), .epub))
        #expect(CatalogRoute(path: "/books/new-3", query: [:]) == .book(.newest(2), nil))
        #expect(CatalogRoute(path: "/covers/0123456789ab.png", query: [:]) == .cover(.blog("0123456789ab"), thumbnail: false))
        #expect(CatalogRoute(path: "/covers/new-2-thumbnail.png", query: [:]) == .cover(.newest(1), thumbnail: true))
    }

    @Test func everythingElseIsNoRoute() {
        for path in ["/books/../etc/passwd", "/books/%2e%2e%2fpasswd", "/books/0123456789AB.epub", "/books/0123456789a.epub",
                     "/books/0123456789abc.epub", "/books/new-1", "/books/new-02", "/books/new-x", "/books/", "/books/new.pdf",
                     "/opds/blogs/", "//opds", "/etc/passwd", "/opds/../opds", "", "/covers/0123456789ab.epub.png",
                     "/covers/0123456789ab", "/covers/../../etc/passwd.png", "/covers/-thumbnail.png"] {
            #expect(CatalogRoute(path: path, query: [:]) == nil, "\(path)")
        }
        #expect(CatalogRoute(path: "/books/new", query: ["format": "pdf"]) == nil)
        #expect(CatalogRoute(path: "/books/new", query: ["format": "../../x"]) == nil)
    }

    @Test func linksCarryTheTokenOnlyWhenTheReaderGaveItThatWay() {
        #expect(CatalogLinks().book(.blog("0123456789ab"), .kepub) == "/books/0123456789ab.kepub.epub")
        #expect(CatalogLinks(token: "a b&c").href("/opds/search", query: [("q", "x y")]) == "/opds/search?q=x%20y&token=a%20b%26c")
    }

    @Test func theTokenIsComparedWhole() {
        let access = CatalogAccess(token: "s3cret-token")
        let request = { (query: [String: String], headers: [String: String]) in
            CatalogRequest(method: "GET", path: "/opds", query: query, headers: headers)
        }
        #expect(access.admits(request(["token": "s3cret-token"], [:])))
        #expect(!access.admits(request(["token": "s3cret-toke"], [:])))
        #expect(!access.admits(request(["token": "s3cret-token2"], [:])))
        #expect(access.admits(request([:], ["authorization": "Basic " + Data("anyone:s3cret-token".utf8).base64EncodedString()])))
        #expect(access.admits(request([:], ["authorization": "Bearer s3cret-token"])))
        #expect(!access.admits(request([:], ["authorization": "Basic !!!"])))
        #expect(!access.admits(request([:], [:])))
        #expect(CatalogAccess(token: nil).admits(request([:], [:])))
    }
}
