import Crypto
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

/// Bytes as the archive stores them: raw-deflated, with their size and the SHA-256 of the
/// bytes themselves (which identifies them: equal bytes are stored once).
struct ArchiveBlob: Sendable {
    var hash: String
    var size: Int
    var deflated: Data

    init(_ bytes: [UInt8]) {
        hash = Hex.string(SHA256.hash(data: bytes))
        size = bytes.count
        // Only an allocation failure stops libdeflate; the bytes are then kept as they are.
        deflated = Data(RawDeflate.compress(bytes, level: 9) ?? bytes)
    }

    /// The bytes again from what `deflated` and `size` stored; nil when they are damaged.
    static func inflate(_ stored: Data, size: Int) -> [UInt8]? {
        let bytes = [UInt8](stored)
        return RawDeflate.decompress(bytes, size: size) ?? (bytes.count == size ? bytes : nil)
    }

    /// A stored post: its JSON inflated and decoded.
    static func post(_ deflated: Data, size: Int) throws -> Post {
        guard let json = inflate(deflated, size: size) else { throw ArchiveDamage() }
        return try ArchiveJSON.decode(Post.self, from: Data(json))
    }
}

/// A stored value that does not inflate.
struct ArchiveDamage: Error {}

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
