/// The EPUB 3 navigation document (`nav.xhtml`): table of contents and landmarks.
enum NavigationDocument {
    struct Landmark {
        var type: String
        var title: String
        var href: String
    }

    static func make(metadata: BookMetadata, toc: [TOCEntry], landmarks: [Landmark], stylesheetHref: String) -> String {
        let language = XMLText.escape(metadata.language, quotes: true)
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="\(language)" xml:lang="\(language)">
        <head>
        <meta charset="utf-8"/>
        <title>\(XMLText.escape(metadata.title)): Contents</title>
        <link rel="stylesheet" type="text/css" href="\(stylesheetHref)"/>
        </head>
        <body>
        <nav epub:type="toc" id="toc" class="toc">
        <h1>Contents</h1>

        """
        xml += list(toc)
        xml += "</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>Landmarks</h2>\n<ol>\n"
        for landmark in landmarks {
            xml += "<li><a epub:type=\"\(landmark.type)\" href=\"\(landmark.href)\">\(XMLText.escape(landmark.title))</a></li>\n"
        }
        xml += "</ol>\n</nav>\n</body>\n</html>\n"
        return xml
    }

    private static func list(_ entries: [TOCEntry]) -> String {
        guard !entries.isEmpty else { return "" }
        var xml = "<ol>\n"
        for entry in entries {
            xml += "<li><a href=\"\(XMLText.escape(entry.href, quotes: true))\">\(XMLText.escape(entry.title))</a>"
            if !entry.children.isEmpty { xml += "\n" + list(entry.children) }
            xml += "</li>\n"
        }
        return xml + "</ol>\n"
    }
}
