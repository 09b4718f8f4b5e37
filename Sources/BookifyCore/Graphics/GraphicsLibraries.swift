import CPangoCairo

/// Pango, Cairo, GdkPixbuf and librsvg (the last two opened when first used, `ImageLibraries`):
/// this folder is the only code that sees them. The PDF's
/// text layout and drawing, the drawn cover and the images converted for devices are here;
/// everything else reads Swift types.
enum GraphicsLibraries {
    /// The versions loaded now, as "name version".
    static var versions: [String] {
        ["Pango " + String(cString: pango_version_string()), "Cairo " + String(cString: cairo_version_string())]
    }
}
