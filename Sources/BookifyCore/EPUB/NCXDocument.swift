/// The EPUB 2 table of contents (`toc.ncx`) for older reading systems.
enum NCXDocument {
    static func make(metadata: BookMetadata, toc: [TOCEntry]) -> String {
        var playOrder = 0
        let navMap = navPoints(toc, depth: 1, playOrder: &playOrder)
        return """
        <?xml version="1.0" encoding="utf-8"?>
        <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="\(XMLText.escape(metadata.language, quotes: true))">
        <head>
        <meta name="dtb:uid" content="\(XMLText.escape(metadata.identifier, quotes: true))"/>
        <meta name="dtb:depth" content="\(depth(of: toc))"/>
        <meta name="dtb:totalPageCount" content="0"/>
        <meta name="dtb:maxPageNumber" content="0"/>
        </head>
        <docTitle><text>\(XMLText.escape(metadata.title))</text></docTitle>
        <navMap>
        \(navMap)</navMap>
        </ncx>

        """
    }

    private static func navPoints(_ entries: [TOCEntry], depth: Int, playOrder: inout Int) -> String {
        var xml = ""
        for entry in entries {
            playOrder += 1
            xml += "<navPoint id=\"nav-\(playOrder)\" playOrder=\"\(playOrder)\">"
            xml += "<navLabel><text>\(XMLText.escape(entry.title))</text></navLabel>"
            xml += "<content src=\"\(XMLText.escape(entry.href, quotes: true))\"/>\n"
            xml += navPoints(entry.children, depth: depth + 1, playOrder: &playOrder)
            xml += "</navPoint>\n"
        }
        return xml
    }

    private static func depth(of entries: [TOCEntry]) -> Int {
        entries.map { 1 + depth(of: $0.children) }.max() ?? 1
    }
}
