import Foundation

/// Writes a converted book in one output format. Every writer reads the same `BookContent`
/// and writes atomically: a failed write leaves no partial file and keeps an existing one.
public protocol BookWriter: Sendable {
    func write(_ content: BookContent, to destination: URL) throws(BookifyError)
}

/// The output formats bookify writes, told from a file name's extension.
public enum BookFormat: String, Sendable, CaseIterable {
    case epub, pdf
    /// An EPUB for Kobo's own engine (`.kepub.epub`): sentence spans and column wrappers.
    case kepub

    /// Whether books of this format are EPUB containers.
    public var isEPUB: Bool { self != .pdf }

    /// The format of the book `path` names; a usage error for a name bookify cannot write.
    public init(outputPath path: String) throws(BookifyError) {
        if path.lowercased().hasSuffix(".kepub.epub") { self = .kepub; return }
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "epub": self = .epub
        case "pdf": self = .pdf
        default: throw .usage("Cannot tell the format of '\(path)': the output must end in .epub, .kepub.epub or .pdf.")
        }
    }
}
