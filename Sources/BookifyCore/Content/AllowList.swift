/// What the sanitizer does with the elements it meets. The elements and attributes it keeps are
/// the cases of `ElementKind` and `AttributeName` (and `AttributeName.isAllowed(on:)`).
enum AllowList {
    /// Obsolete presentational elements and their modern equivalents.
    static let renamed: [String: String] = [
        "center": "div", "tt": "code", "strike": "s", "big": "strong", "listing": "pre",
        "xmp": "pre", "plaintext": "pre", "dir": "ul", "menu": "ul",
    ]

    /// Elements removed together with everything inside them. (`object` is unwrapped instead:
    /// its content is the fallback meant for readers that cannot play it.)
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "embed", "applet", "noscript",
        "template", "head", "title", "meta", "link", "base", "param", "button", "select",
        "textarea", "option", "optgroup", "datalist", "output", "progress", "meter", "canvas",
        "map", "area", "dialog", "portal", "svg", "math", "source", "track", "noembed", "noframes",
    ]

    /// Elements that stand for media: the asset stage embeds them or puts a placeholder there.
    static let media: Set<String> = ["img", "video", "audio", "picture", "image"]

    /// Every element name HTML defines, current or obsolete. In Markdown, an inline "tag" with
    /// another name (`<app>`, `<node-ip>`, `<PID>`) is the author's text, not markup.
    static let htmlElementNames: Set<String> = [
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base",
        "basefont", "bdi", "bdo", "big", "blink", "blockquote", "body", "br", "button", "canvas",
        "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del",
        "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption",
        "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "header", "hgroup", "hr", "html", "i", "iframe", "image", "img", "input", "ins", "kbd",
        "label", "legend", "li", "link", "listing", "main", "map", "mark", "marquee", "math", "menu",
        "meta", "meter", "nav", "nobr", "noembed", "noframes", "noscript", "object", "ol", "optgroup",
        "option", "output", "p", "param", "picture", "plaintext", "portal", "pre", "progress", "q",
        "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "script", "search", "section", "select", "slot",
        "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg",
        "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr",
        "track", "tt", "u", "ul", "var", "video", "wbr", "xmp",
    ]
}
