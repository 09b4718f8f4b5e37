import Foundation

/// Hugo shortcodes and Jekyll Liquid tags in Markdown: the common ones become Markdown or
/// HTML, the rest are dropped, so no `{{< >}}` or `{% %}` reaches the book.
struct ShortcodeRenderer {
    enum Dialect { case hugo, jekyll }

    let dialect: Dialect
    let baseURL: URL?
    /// Values for `{{ site.key }}`.
    let siteValues: [String: String]
    /// The URL of a Jekyll post by its file name stem (`2013-05-06-slug`).
    let postURLs: [String: String]

    func render(_ markdown: String) -> String {
        var text = markdown
        if dialect == .jekyll { return renderLiquid(text) }
        text = text.replacing(/\{\{[<%]\s*highlight\s+(\S+)[^>%]*[>%]\}\}\n?(.*?)\{\{[<%]\s*\/\s*highlight\s*[>%]\}\}/.dotMatchesNewlines()) {
            "```\($0.output.1)\n\($0.output.2.trimmingCharacters(in: .newlines))\n```"
        }
        // Paired shortcodes keep their inner text; single ones become what they stand for.
        text = text.replacing(/\{\{[<%]\s*\/\s*[\w.-]+\s*[>%]\}\}/) { _ in "" }
        return text.replacing(/\{\{[<%]\s*([\w.-]+)(.*?)[>%]\}\}/.dotMatchesNewlines()) { match in
            hugoShortcode(name: String(match.output.1), arguments: String(match.output.2))
        }
    }

    private func hugoShortcode(name: String, arguments: String) -> String {
        let named = Self.namedArguments(arguments)
        let positional = Self.positionalArguments(arguments)
        switch name {
        case "figure":
            guard let source = named["src"] else { return "" }
            let caption = named["caption"] ?? named["title"] ?? ""
            let alt = named["alt"] ?? caption
            return "<figure><img src=\"\(escape(source))\" alt=\"\(escape(alt))\"/>"
                + (caption.isEmpty ? "" : "<figcaption>\(escape(caption))</figcaption>") + "</figure>"
        case "ref", "relref":
            let target = positional.first ?? named["path"] ?? ""
            return link(forPage: target)
        case "youtube":
            let id = named["id"] ?? positional.first ?? ""
            return id.isEmpty ? "" : "[YouTube video](https://www.youtube.com/watch?v=\(id))"
        case "vimeo":
            let id = named["id"] ?? positional.first ?? ""
            return id.isEmpty ? "" : "[Vimeo video](https://vimeo.com/\(id))"
        case "gist":
            return positional.count >= 2 ? "[Gist](https://gist.github.com/\(positional[0])/\(positional[1]))" : ""
        case "x", "tweet", "twitter":
            let id = named["id"] ?? positional.last ?? ""
            let user = named["user"] ?? "i"
            return id.isEmpty ? "" : "[Post on X](https://x.com/\(user)/status/\(id))"
        case "instagram":
            let id = named["id"] ?? positional.first ?? ""
            return id.isEmpty ? "" : "[Instagram post](https://www.instagram.com/p/\(id)/)"
        default:
            return ""
        }
    }

    /// A page path as Hugo would publish it: `blog/post.md` → `<base>/blog/post/`.
    private func link(forPage path: String) -> String {
        var page = path
        if let dot = page.range(of: ".md", options: .backwards) { page = String(page[..<dot.lowerBound]) }
        page = page.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard let baseURL else { return "/" + page + "/" }
        return baseURL.appendingPathComponent(page).absoluteString + "/"
    }

    private func renderLiquid(_ markdown: String) -> String {
        // {% raw %} blocks are kept verbatim: set them aside first.
        var raws: [String] = []
        var text = markdown.replacing(/\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}/.dotMatchesNewlines()) { match in
            raws.append(String(match.output.1))
            return "\u{E000}\(raws.count - 1)\u{E001}"
        }
        text = text.replacing(/\{%-?\s*highlight\s+(\S+)[^%]*%\}\n?(.*?)\{%-?\s*endhighlight\s*-?%\}/.dotMatchesNewlines()) {
            "```\($0.output.1)\n\($0.output.2.trimmingCharacters(in: .newlines))\n```"
        }
        text = text.replacing(/\{%-?\s*post_url\s+(\S+)\s*-?%\}/) { postURLs[String($0.output.1)] ?? "" }
        text = text.replacing(/\{%-?\s*link\s+(\S+)\s*-?%\}/) { match in
            var path = String(match.output.1)
            if path.hasPrefix("_posts/") { path.removeFirst("_posts/".count) }
            let stem = (path as NSString).deletingPathExtension.components(separatedBy: "/").last ?? path
            if let post = postURLs[stem] { return post }
            let published = (path as NSString).deletingPathExtension + ".html"
            return baseURL.map { $0.appendingPathComponent(published).absoluteString } ?? "/" + published
        }
        text = text.replacing(/\{\{-?\s*site\.(\w+)[^}]*\}\}/) { siteValues[String($0.output.1)] ?? "" }
        text = text.replacing(/\{%.*?%\}/.dotMatchesNewlines()) { _ in "" }
        text = text.replacing(/\{\{.*?\}\}/) { _ in "" }
        return text.replacing(/\u{E000}(\d+)\u{E001}/) { raws[Int($0.output.1)!] }
    }

    private static func namedArguments(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for match in text.matches(of: /(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/) {
            result[String(match.output.1)] = String(match.output.2 ?? match.output.3 ?? match.output.4 ?? "")
        }
        return result
    }

    private static func positionalArguments(_ text: String) -> [String] {
        text.replacing(/\w+\s*=\s*("[^"]*"|'[^']*'|\S+)/, with: "")
            .matches(of: /"([^"]*)"|(\S+)/).map { String($0.output.1 ?? $0.output.2 ?? "") }
    }

    private func escape(_ text: String) -> String { XMLText.escape(text, quotes: true) }
}
