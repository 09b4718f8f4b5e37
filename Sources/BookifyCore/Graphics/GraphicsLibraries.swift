import CPangoCairo

/// Pango, Cairo, HarfBuzz and GLib, and GdkPixbuf and librsvg (`ImageLibraries`): this folder is
/// the only code that sees them. The PDF's text layout and drawing, the drawn cover and the
/// images converted for devices are here; everything else reads Swift types.
///
/// None of them is linked. Pango's stack (with fontconfig, FreeType, X11, pixman, GIO… some
/// thirty libraries) took every run about 6 ms to load, and most EPUB builds never draw: the
/// cover is kept from an earlier run or not wanted. It is opened the first time `graphics` is
/// read.
enum GraphicsLibraries {
    /// The versions loaded now, as "name version".
    static var versions: [String] {
        ["Pango " + String(cString: graphics.pango_version_string()!), "Cairo " + String(cString: graphics.cairo_version_string()!)]
    }

    /// The versions bookify was built against (their headers'), as "name version": known
    /// without opening the libraries. On a Debian system they are those installed, unless Pango
    /// or Cairo was upgraded since.
    static let builtAgainst = ["Pango " + PANGO_VERSION_STRING, "Cairo \(CAIRO_VERSION_MAJOR).\(CAIRO_VERSION_MINOR).\(CAIRO_VERSION_MICRO)"]

    /// Pango's cairo binding, whose dependencies hold Pango, Cairo, HarfBuzz and GLib.
    fileprivate static let soname = "libpangocairo-1.0.so.0"

    /// The functions of `bookify_pango_cairo` bound from the opened libraries. Stops the run
    /// when they are not installed: every install (`scripts/install-deps.sh`, the Debian
    /// package's dependencies) has them, and nothing can be drawn without them.
    fileprivate static func bind() -> bookify_pango_cairo {
        guard let library = SharedLibrary(soname: soname) else {
            fatalError("bookify: \(soname) could not be opened (apt-get install libpangocairo-1.0-0)")
        }
        let api = UnsafeMutablePointer<bookify_pango_cairo>.allocate(capacity: 1)
        defer { api.deallocate() }
        if let missing = bookify_pango_cairo_bind(api, library.handle) {
            fatalError("bookify: \(soname) has no \(String(cString: missing))")
        }
        return api.move()
    }
}

/// Pango, Cairo, HarfBuzz and GLib's functions (`graphics.pango_layout_new(…)`), bound the first
/// time this is read, by whichever thread reads it first; read-only afterwards.
let graphics = GraphicsLibraries.bind()
