import Foundation

/// A static site's own settings (Hugo `hugo.toml`/`config.*`, Jekyll `_config.yml`): what a
/// book needs of them.
struct SiteConfig {
    var title: String?
    var author: String?
    var baseURL: URL?
    var language: String?
    var description: String?

    static let fileNames = ["hugo.toml", "config.toml", "hugo.yaml", "hugo.yml", "config.yaml", "config.yml",
                            "_config.yml", "_config.yaml", "hugo.json", "config.json"]

    /// The first config file found in `root`, or an empty config.
    static func load(in root: URL) throws(BookifyError) -> SiteConfig {
        for name in fileNames {
            let file = root.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let fence = name.hasSuffix(".toml") ? "+++" : name.hasSuffix(".json") ? "" : "---"
            let fields = try FrontMatter.split(fence.isEmpty ? text : "\(fence)\n\(text)\n\(fence)\n", path: file.path).fields
            return SiteConfig(fields: fields)
        }
        return SiteConfig()
    }

    init() {}

    init(fields: [String: JSONValue]) {
        let value = { (keys: [String]) -> JSONValue? in keys.lazy.compactMap { Self.lookup($0, in: fields) }.first }
        title = value(["title"])?.stringValue
        author = value(["author.name", "author", "params.author", "copyright"])?.arrayValue.first?.stringValue
            ?? value(["author"])?["name"]?.stringValue
        description = value(["description", "params.description"])?.stringValue
        language = value(["languagecode", "defaultcontentlanguage", "language", "lang", "locale"])?.stringValue
            .flatMap(LanguageTag.normalized)
        // Jekyll: `url` is the host, `baseurl` the path below it; Hugo: `baseURL` is the whole.
        if let host = value(["url"])?.stringValue {
            let path = value(["baseurl"])?.stringValue ?? ""
            baseURL = URL(webAddress: host.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path)
        } else {
            baseURL = value(["baseurl"])?.stringValue.flatMap(URL.init(webAddress:))
        }
    }

    /// A key case-insensitively, with `a.b` reaching into tables (TOML keys come flattened).
    private static func lookup(_ key: String, in fields: [String: JSONValue]) -> JSONValue? {
        if let direct = fields.first(where: { $0.key.lowercased() == key })?.value { return direct }
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let table = fields.first(where: { $0.key.lowercased() == parts[0] })?.value else { return nil }
        return table.objectValue.first { $0.key.lowercased() == parts[1] }?.value
    }
}
