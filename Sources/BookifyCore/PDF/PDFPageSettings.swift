import Foundation

/// What the user chose for the PDF's pages (`--page-size`, `--margins`, `--font-size`, `--font`,
/// or the same keys in bookify.yml). `nil` margins and font size follow from the page size.
public struct PDFPageSettings: Sendable, Equatable {
    /// The trimmed page's size (`--page-size`); 6 × 9 inches by default.
    public var pageSize = PageSize.sixByNine
    /// The margins (`--margins`); `nil`: in proportion to the page.
    public var margins: PageMargins?
    /// The body text's size in points.
    public var fontSize: Double?
    /// The family the text is set in (`--font`); `nil`: TeX Gyre Pagella. Code stays in
    /// JetBrains Mono.
    public var fontFamily: String?

    /// A 6 × 9 inch page with margins and body size that follow it.
    public init() {}

    /// The sizes `--font-size` accepts, in points.
    public static let fontSizes = 6.0...24.0

    /// Checks a `--font-size` value.
    public static func fontSize(_ text: String) throws(PageSettingError) -> Double {
        guard let size = Double(text), fontSizes.contains(size) else {
            throw PageSettingError("a font size is points from 6 to 24, like 11 or 10.5; not '\(text)'")
        }
        return size
    }
}

/// A page's width and height in points.
public struct PageSize: Sendable, Equatable {
    /// The width in points.
    public var width: Double
    /// The height in points.
    public var height: Double

    /// A page `width` by `height` points.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// 6 × 9 in, the US trade paperback (see `PDFStyle`).
    public static let sixByNine = PageSize(width: 432, height: 648)

    /// The sizes known by name, in points.
    public static let named: [String: PageSize] = [
        "a4": PageSize(width: 595, height: 842), "a5": PageSize(width: 420, height: 595),
        "a6": PageSize(width: 298, height: 420), "b5": PageSize(width: 499, height: 709),
        "letter": PageSize(width: 612, height: 792), "6x9in": sixByNine,
    ]

    /// Reads a size: a name (a4, a5, a6, b5, letter, 6x9in) or "WxH" with a unit (mm, cm, in,
    /// pt) after either number or both, like "150x220mm" or "5.5inx8.5in".
    public static func parse(_ text: String) throws(PageSettingError) -> PageSize {
        let spec = text.lowercased().replacingOccurrences(of: " ", with: "")
        if let size = named[spec] { return size }
        let parts = spec.split(separator: "x", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let unit = Length.unit(of: parts[1]) ?? Length.unit(of: parts[0]),
              let width = Length.points(parts[0], defaultUnit: unit), let height = Length.points(parts[1], defaultUnit: unit) else {
            throw PageSettingError("a page size is a4, a5, a6, b5, letter, 6x9in, or WxH with mm, cm, in or pt "
                                   + "(like 150x220mm); not '\(text)'")
        }
        guard (144...2000).contains(width), (144...2000).contains(height) else {
            throw PageSettingError("a page must be 2 to 27 inches (144 to 2000 pt) on each side; '\(text)' is "
                                   + String(format: "%g × %g pt", width, height))
        }
        return PageSize(width: width, height: height)
    }
}

/// The space around the text block, in points: inner is the binding side (left on right-hand
/// pages), outer the other.
public struct PageMargins: Sendable, Equatable {
    /// The top margin in points.
    public var top: Double
    /// The margin at the page's outer edge, in points.
    public var outer: Double
    /// The bottom margin in points.
    public var bottom: Double
    /// The margin at the binding, in points.
    public var inner: Double

    /// Margins in points, in CSS order for a right-hand page.
    public init(top: Double, outer: Double, bottom: Double, inner: Double) {
        (self.top, self.outer, self.bottom, self.inner) = (top, outer, bottom, inner)
    }

    /// Reads margins as CSS writes them: one length for all four; two for top and bottom, then
    /// inner and outer; four for top, outer, bottom, inner. Lengths take mm, cm, in or pt
    /// (default mm), separated by commas or spaces: "18mm", "20mm 15mm", "0.75in,0.5in,1in,0.9in".
    public static func parse(_ text: String) throws(PageSettingError) -> PageMargins {
        let parts = text.lowercased().split { $0 == "," || $0 == " " }.map(String.init)
        let lengths = parts.compactMap { Length.points($0, defaultUnit: "mm") }
        guard lengths.count == parts.count, [1, 2, 4].contains(lengths.count), lengths.allSatisfy({ (0...360).contains($0) }) else {
            throw PageSettingError("margins are one, two or four lengths in mm, cm, in or pt (like 18mm, \"20mm 15mm\" "
                                   + "or \"0.75in,0.5in,1in,0.9in\" for top, outer, bottom, inner); not '\(text)'")
        }
        switch lengths.count {
        case 1: return PageMargins(top: lengths[0], outer: lengths[0], bottom: lengths[0], inner: lengths[0])
        case 2: return PageMargins(top: lengths[0], outer: lengths[1], bottom: lengths[0], inner: lengths[1])
        default: return PageMargins(top: lengths[0], outer: lengths[1], bottom: lengths[2], inner: lengths[3])
        }
    }
}

/// A setting of the PDF's pages that cannot be used, said in words the user can act on.
public struct PageSettingError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, as one sentence.
    public let description: String

    init(_ description: String) { self.description = description }
}

/// Lengths with units, read into points.
enum Length {
    static let pointsPerUnit: [String: Double] = ["mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72, "pt": 1]

    /// The unit a length is written with, if any.
    static func unit(of text: String) -> String? {
        pointsPerUnit.keys.first { text.hasSuffix($0) }
    }

    /// "12mm" → 34.0; a bare number takes `defaultUnit`.
    static func points(_ text: String, defaultUnit: String) -> Double? {
        let unit = unit(of: text) ?? defaultUnit
        let number = unit == self.unit(of: text) ? String(text.dropLast(unit.count)) : text
        guard let value = Double(number), let scale = pointsPerUnit[unit] else { return nil }
        let points = value * scale
        return points.isFinite && points >= 0 ? points : nil  // 1e308in is infinitely many points
    }
}
