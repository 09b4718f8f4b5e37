import Foundation

/// Writes a converted book in one output format. Every writer reads the same `BookContent`
/// and writes atomically: a failed write leaves no partial file and keeps an existing one.
///
/// A writer says what it uses beyond the content (`needs`), and the builder prepares only
/// that: a build whose writers want no drawn cover never draws one.
public protocol BookWriter: Sendable {
    /// What this writer uses of the build besides the converted content.
    var needs: WriterNeeds { get }
    func write(_ content: BookContent, to destination: URL) throws(BookifyError)
}

/// What a writer asks the builder to prepare or do for it.
public struct WriterNeeds: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// A cover drawn from the title when the user gives none (`BookContent.drawnCover`).
    public static let drawnCover = WriterNeeds(rawValue: 1 << 0)
    /// Written in volumes when larger than `BookSettings.splitSize` (`BookVolumes`).
    public static let volumes = WriterNeeds(rawValue: 1 << 1)
    /// Made for the reading device (`BookSettings.device`), whose size budget its file keeps.
    public static let deviceProfile = WriterNeeds(rawValue: 1 << 2)
}

/// The output formats bookify writes, told from a file name's extension.
public enum BookFormat: String, Sendable, CaseIterable {
    case epub, pdf
    /// An EPUB for Kobo's own engine (`.kepub.epub`): sentence spans and column wrappers.
    case kepub

    /// The media type of a book of this format (for EPUBCheck, a mail attachment, a server).
    public var mediaType: String {
        switch self {
        case .epub, .kepub: "application/epub+zip"
        case .pdf: "application/pdf"
        }
    }
}

/// One book a build writes: its path as given, and its format, told once from the name.
public struct OutputBook: Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let format: BookFormat

    /// The book `path` names; a usage error for a name bookify cannot write.
    public init(path: String) throws(BookifyError) {
        self.path = path
        if path.lowercased().hasSuffix(".kepub.epub") { format = .kepub; return }
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "epub": format = .epub
        case "pdf": format = .pdf
        default: throw .usage("Cannot tell the format of '\(path)': the output must end in .epub, .kepub.epub or .pdf.")
        }
    }

    /// A book `path` already known to be of `format` (a volume of a book, say).
    public init(path: String, format: BookFormat) {
        self.path = path
        self.format = format
    }

    public var description: String { path }
}
