import Foundation

/// A blog's own metadata (everything but its posts) as the archive keeps it with each fetch.
struct ArchivedBlog: Codable, Sendable, Hashable {
    var title: String?
    var homePageURL: URL?
    var feedURL: URL?
    var description: String?
    var icon: URL?
    var language: String?
    var authors: [Author]
    var extensions: [String: JSONValue]

    init(_ blog: Blog) {
        title = blog.title
        homePageURL = blog.homePageURL
        feedURL = blog.feedURL
        description = blog.description
        icon = blog.icon
        language = blog.language
        authors = blog.authors
        extensions = blog.extensions
    }

    /// The blog again, with `posts`, read from `source`.
    func blog(posts: [Post], source: String) -> Blog {
        Blog(title: title, homePageURL: homePageURL, feedURL: feedURL, description: description, icon: icon,
             language: language, authors: authors, posts: posts, extensions: extensions, source: source)
    }

    /// The archive's key for a blog: its feed URL, else its home page, else where it was read
    /// from (a folder or file by its absolute path), so that every read of one blog, whatever
    /// input names it, adds to the same posts.
    static func key(of blog: Blog, input: String) -> String {
        if let feed = blog.feedURL?.absoluteString { return feed }
        if let home = blog.homePageURL?.absoluteString { return home }
        if input == "-" || input.contains("://") { return input }
        return URL(fileURLWithPath: input).standardizedFileURL.path
    }
}

/// The archive's JSON: sorted keys, so that equal values give equal bytes (and hashes).
enum ArchiveJSON {
    static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(value)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(type, from: data)
    }
}
