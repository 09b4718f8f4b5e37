/// The version bookify reports in its books and on the command line, and those of the system
/// libraries it runs on (which shape its output as much as its own code does).
public enum BookifyVersion {
    /// bookify's own version.
    public static let current = "0.1.0"
    /// Where bookify is described: its User-Agent names it for the owners of the sites it reads.
    public static let projectURL = "https://github.com/bookify-org/bookify"

    /// The libraries loaded now, as "name version", in the order of the pipeline: Markdown,
    /// HTML and XML, the EPUB's ZIP, the PDF's text layout and drawing.
    public static var libraries: [String] {
        ["cmark-gfm " + MarkdownRenderer.libraryVersion, "libxml2 " + LibXML2.version, "libzip " + ZipArchive.libraryVersion]
            + GraphicsLibraries.versions
    }
}
