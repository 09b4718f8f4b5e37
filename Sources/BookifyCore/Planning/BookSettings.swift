import Foundation

/// What the user asked for, by stage: how inputs are read, what the planner makes of the posts,
/// how the content is read, where images come from, and each writer's options; then what holds
/// for the whole build. `Setting.all` maps each flag and bookify.yml key to its place here.
public struct BookSettings: Sendable {
    /// How inputs are read (`Inputs/`).
    public var input = InputSettings()
    /// The book's metadata overrides, the posts chosen, chapters and order (`Planning/`).
    public var planning = PlanningSettings()
    /// How posts' bodies are read (`Content/`).
    public var content = ContentSettings()
    /// Where images come from: local folders, the cache, the network (`Assets/`).
    public var assets = AssetSettings()
    /// The EPUB writer's options (`EPUB/`).
    public var epub = EPUBOptions()
    /// The PDF's page size, margins and body size (`PDF/`).
    public var pdf = PDFPageSettings()
    /// Mailing the books written (`--send-to`, `mail:` in bookify.yml).
    public var mail = MailSettings()

    /// An image for the cover (PNG or JPEG): a file URL or an http(s) URL.
    public var cover: URL?
    /// Without `cover`, an EPUB gets a drawn cover (`DrawnCover`); `--cover none` turns it off.
    public var drawsCover = true
    /// Reproducible-builds date (`SOURCE_DATE_EPOCH`): the book's modified date when set.
    public var sourceDate: Date?
    /// An image that cannot be embedded or a link that leads nowhere fails the build.
    public var strict = false
    /// How many threads convert posts and write pages (`--jobs`); `nil`: one per core.
    public var jobs: Int?
    /// An archive to add the inputs to and build the book from (`--archive FILE`, `archive:`).
    public var archive: String?
    /// Which archived posts the book holds (`--as-of`, `--new-only`); its blogs are those of
    /// the inputs, or every blog of the archive when there is no input.
    public var archiveQuery = ArchiveQuery()

    /// Settings that take everything from the input and the defaults.
    public init() {}
}

extension BookSettings {
    /// Bytes from a size as people write it: `45MB`, `0.15MB`, `500KB`, `1GB` (binary units:
    /// 1 MB = 1,048,576 bytes) or a number of bytes; nil when it is none, or below 10 KB.
    public static func byteCount(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let (kilo, mega, giga) = (1024.0, 1024.0 * 1024, 1024.0 * 1024 * 1024)
        let units: [(String, Double)] = [("GB", giga), ("MB", mega), ("KB", kilo), ("G", giga), ("M", mega), ("K", kilo), ("B", 1)]
        let (number, unit) = units.first { trimmed.hasSuffix($0.0) }.map { (String(trimmed.dropLast($0.0.count)), $0.1) } ?? (trimmed, 1)
        guard let value = Double(number.trimmingCharacters(in: .whitespaces)), value.isFinite, value * unit >= 10_240, value * unit < 1e15 else { return nil }
        return Int(value * unit)
    }
}

/// The order of posts within a chapter (`--order`).
public enum PostOrder: String, Sendable, CaseIterable {
    case oldestFirst = "oldest-first"
    case newestFirst = "newest-first"
}
