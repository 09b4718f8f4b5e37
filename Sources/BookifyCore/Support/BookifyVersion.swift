import CCmarkGFM
import CLibXML2
import CLibZip
import CPangoCairo

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
        [
            "cmark-gfm " + String(cString: cmark_version_string()),
            "libxml2 " + libXML2Version,
            "libzip " + String(cString: zip_libzip_version()),
            "Pango " + String(cString: pango_version_string()),
            "Cairo " + String(cString: cairo_version_string()),
        ]
    }

    /// libxml2 gives its version as digits, "20914" for 2.9.14.
    private static var libXML2Version: String {
        guard let digits = __xmlParserVersion()?.pointee, let number = Int(String(cString: digits)) else { return "unknown" }
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }
}
