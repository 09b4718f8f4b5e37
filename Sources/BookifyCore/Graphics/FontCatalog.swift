import CPangoCairo

/// The font families fontconfig knows, as Pango lists them: what `--font` may name.
enum FontCatalog {
    /// Whether `family` is installed (names compared without regard to case, as fontconfig does).
    static func isInstalled(family: String) -> Bool {
        do {
            var families: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
            var count: Int32 = 0
            graphics.pango_font_map_list_families(graphics.pango_cairo_font_map_get_default(), &families, &count)
            defer { graphics.g_free(families) }
            let wanted = family.lowercased()
            return (0..<Int(count)).contains { index in
                guard let name = families?[index].flatMap({ graphics.pango_font_family_get_name($0) }) else { return false }
                return String(cString: name).lowercased() == wanted
            }
        }
    }
}
