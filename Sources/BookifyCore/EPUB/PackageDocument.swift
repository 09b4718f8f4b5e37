/// The package document (`content.opf`): metadata, manifest and spine (EPUB 3.3 §5).
enum PackageDocument {
    /// What the accessibility metadata may claim about the book's images.
    struct ImageAccessibility {
        /// A non-decorative image is embedded: reading it takes sight.
        var visual = false
        /// Every such image has alt text.
        var described = false
    }

    static func make(metadata: BookMetadata, resources: [EPUBResource], ncxID: String,
                     images: ImageAccessibility = ImageAccessibility()) -> String {
        let language = XMLText.escape(metadata.language, quotes: true)
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="\(language)">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">

        """
        xml += element("dc:identifier", metadata.identifier, attributes: #" id="book-id""#)
        xml += element("dc:title", metadata.title, attributes: #" id="title""#)
        if let subtitle = metadata.subtitle {
            xml += element("dc:title", subtitle, attributes: #" id="subtitle""#)
            xml += ##"<meta refines="#title" property="title-type">main</meta>"## + "\n"
            xml += ##"<meta refines="#subtitle" property="title-type">subtitle</meta>"## + "\n"
        }
        for (index, author) in metadata.authors.enumerated() {
            xml += element("dc:creator", author, attributes: " id=\"creator-\(index + 1)\"")
            xml += "<meta refines=\"#creator-\(index + 1)\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n"
        }
        xml += element("dc:language", metadata.language)
        if let description = metadata.description { xml += element("dc:description", description) }
        if let publisher = metadata.publisher { xml += element("dc:publisher", publisher) }
        if let source = metadata.source { xml += element("dc:source", source) }
        for subject in metadata.subjects { xml += element("dc:subject", subject) }
        if let collection = metadata.collection {
            xml += element("meta", collection, attributes: #" property="belongs-to-collection" id="collection""#)
            xml += ##"<meta refines="#collection" property="collection-type">series</meta>"## + "\n"
        }
        if let cover = resources.first(where: { $0.properties.contains("cover-image") }) {
            xml += "<meta name=\"cover\" content=\"\(cover.id)\"/>\n"
        }
        xml += element("meta", FeedDate.iso8601(metadata.modified), attributes: #" property="dcterms:modified""#)
        xml += accessibilityMetadata(images)
        xml += "</metadata>\n<manifest>\n"
        for resource in resources {
            let properties = resource.properties.isEmpty ? "" : " properties=\"\(resource.properties.joined(separator: " "))\""
            xml += "<item id=\"\(resource.id)\" href=\"\(XMLText.escape(resource.href, quotes: true))\" media-type=\"\(resource.mediaType)\"\(properties)/>\n"
        }
        // A book in a right-to-left language turns its pages from right to left.
        let progression = TextDirection.isRightToLeft(language: metadata.language) ? " page-progression-direction=\"rtl\"" : ""
        xml += "</manifest>\n<spine toc=\"\(ncxID)\"\(progression)>\n"
        for resource in resources where resource.inSpine {
            xml += "<itemref idref=\"\(resource.id)\"\(resource.linear ? "" : " linear=\"no\"")/>\n"
        }
        xml += "</spine>\n</package>\n"
        return xml
    }

    /// Schema.org accessibility metadata, one `<meta>` per value (ARCHITECTURE §5).
    private static func accessibilityMetadata(_ images: ImageAccessibility) -> String {
        var values: [(String, String)] = [("schema:accessMode", "textual")]
        if images.visual { values.append(("schema:accessMode", "visual")) }
        values.append(("schema:accessModeSufficient", "textual"))
        var features = ["tableOfContents", "readingOrder", "structuralNavigation"]
        if images.visual, images.described { features.append("alternativeText") }
        for feature in features {
            values.append(("schema:accessibilityFeature", feature))
        }
        values.append(("schema:accessibilityHazard", "none"))
        values.append(("schema:accessibilitySummary",
                       "A collection of blog posts in reading order, with a table of contents and headings for "
                       + "navigation. Images carry the descriptions their authors gave them; images that could not "
                       + "be included are described in the text, with a link to the original."))
        return values.map { element("meta", $0.1, attributes: " property=\"\($0.0)\"") }.joined()
    }

    private static func element(_ name: String, _ text: String, attributes: String = "") -> String {
        "<\(name)\(attributes)>\(XMLText.escape(text))</\(name)>\n"
    }
}
