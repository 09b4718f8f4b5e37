import Foundation

/// Every setting a user can give, as a flag and as a bookify.yml key: its help, its range and
/// default, and where its value goes. Applied in this order whatever order they were given in
/// (so `--full-text` wins over what `--feed-only` implies).
extension Setting {
    public static let all: [Setting] = book + planning + site + images + pdf + archive + mail

    // MARK: The book

    static let book: [Setting] = [
        .value("title", .book, "The book's title (default: the blog's).", example: "\"My Blog\"", read: SettingValue.text) { $0.planning.title = $1 },
        .value("subtitle", .book, "A subtitle for the title page.", example: "\"Ten years of notes\"", read: SettingValue.text) { $0.planning.subtitle = $1 },
        .list("author", .book, "An author of the book; repeat for several (default: the blog's).", example: "[\"A. Writer\"]") { settings, authors in
            settings.planning.authors = authors
        }.checking { authors throws(SettingError) in
            if authors.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) { throw SettingError("expected a name, not an empty one") }
        },
        .value("language", .book, "The book's language as a BCP 47 tag, e.g. en or de-DE (default: the blog's, else en).",
               example: "en", read: SettingValue.languageTag) { $0.planning.language = $1 },
        .value("publisher", .book, "The publisher named in the book's metadata.", example: "\"Self-published\"", read: SettingValue.text) { $0.planning.publisher = $1 },
        .value("identifier", .book, "The book's unique identifier (default: a UUID derived from the blog's address).",
               example: "urn:isbn:…", read: SettingValue.text) { $0.planning.identifier = $1 },
        .value("cover", .book, "A cover image (PNG or JPEG): a file or an http(s) URL; none for no cover (default: a cover drawn with the title, byline and address).",
               example: "cover.jpg", read: { text, paths throws(SettingError) -> URL? in
                   if text.lowercased() == "none" { return nil }
                   if let address = URL(webAddress: text) { return address }
                   return try SettingValue.path(text, paths)
               }) { settings, cover in (settings.cover, settings.drawsCover) = (cover, cover != nil) },
        .value("css", .book, "A stylesheet to use instead of the built-in one.", valueName: "file", example: "book.css",
               read: SettingValue.path) { $0.epub.stylesheet = $1 },
        .value("templates", .book, "A folder of Mustache templates (layout, title-page, post, colophon) to use instead of the built-in ones.",
               valueName: "dir", example: "templates/", read: SettingValue.path) { $0.epub.templatesDirectory = $1 },
        .value("device", .book, "The reading device: generic, kindle, kobo, remarkable or phone (images sized, converted and made gray for it; a warning when the book is larger than it takes).",
               example: "kindle", read: SettingValue.choice(DeviceProfile.Name.self)) { $0.epub.device = DeviceProfile($1) },
        .value("split-size", .book, "The largest EPUB, e.g. 45MB or 500KB: a larger book is written in volumes NAME-1.epub, NAME-2.epub, … (each complete, at post boundaries).",
               valueName: "size", example: "45MB", read: SettingValue.size) { $0.epub.splitSize = $1 },
        .flag("strict", .book, "Fail, writing no book, when an image cannot be embedded or a link leads nowhere.") { $0.strict = $1 },
    ]

    // MARK: Which posts, in what order

    static let planning: [Setting] = [
        .value("group-by", .planning, "Chapters by auto, series, tag, section, year, blog (a chapter per blog, for a book of several) or none (default: auto).", example: "tag",
               read: SettingValue.choice(GroupingRule.self)) { $0.planning.groupBy = $1 },
        .value("order", .planning, "Post order: oldest-first (default) or newest-first.", example: "newest-first",
               read: SettingValue.choice(PostOrder.self)) { $0.planning.order = $1 },
        .list("tags", .planning, "Keep only posts with this tag; repeat for several.", valueName: "tag", example: "[go, rust]") {
            $0.planning.filter.tags = $1
        }.flagged("tag"),
        .list("exclude-tags", .planning, "Leave out posts with this tag; repeat for several.", valueName: "tag", example: "[drafts]") {
            $0.planning.filter.excludedTags = $1
        }.flagged("exclude-tag"),
        // A site's history is read back to the day the book starts.
        .value("since", .planning, "Keep posts from this day on (YYYY-MM-DD).", valueName: "date", example: "2020-01-01",
               read: SettingValue.date) { settings, day in (settings.planning.filter.since, settings.input.site.since) = (day, day) },
        .value("until", .planning, "Keep posts up to this day (YYYY-MM-DD).", valueName: "date", example: "2025-12-31",
               read: SettingValue.date) { $0.planning.filter.until = $1 },
        .value("limit", .planning, "Keep only the newest N posts.", valueName: "n", example: "50",
               read: SettingValue.integer(in: 1...Int.max)) { settings, limit in
            settings.planning.filter.limit = settings.input.site.latest.map { min($0, limit) } ?? limit
        },
        .value("toc-depth", .planning, "How deep the table of contents goes: 1 lists posts, 2 adds their sections, up to 6 (default 2).",
               valueName: "n", example: "3", read: SettingValue.integer(in: 1...6)) { $0.planning.tocDepth = $1 },
        .value("content-format", .planning, "How to read feed HTML that may be Markdown: auto (default), markdown or html.",
               valueName: "format", example: "markdown", read: { text, paths throws(SettingError) in
                   guard text != ContentFormat.text.rawValue else { throw SettingError("'text' is not one of auto, html, markdown") }
                   return try SettingValue.choice(ContentFormat.self)(text, paths)
               }) { settings, format in settings.content.contentFormat = format == .auto ? nil : format },
        .flag("drafts", .planning, "Markdown sites: include drafts.") { $0.input.includeDrafts = $1 },
        .flag("offline", .planning, "Never use the network.") { $0.input.offline = $1 },
        .value("connect-timeout", .planning, "Seconds to wait for a server to connect or send more (default: 10 for feeds, 5 for images).",
               valueName: "seconds", example: "5", read: SettingValue.seconds(in: 0...3600)) { settings, seconds in
            (settings.input.http.connectTimeout, settings.assets.http.connectTimeout) = (seconds, seconds)
        },
        .value("timeout", .planning, "Seconds a download may take in all (default: 60 for feeds, 20 for images).",
               valueName: "seconds", example: "20", read: SettingValue.seconds(in: 0...3600)) { settings, seconds in
            (settings.input.http.totalTimeout, settings.assets.http.totalTimeout) = (seconds, seconds)
        },
        .value("size-limit", .planning, "The largest feed or image bookify downloads or reads, in MB (default 20).", valueName: "mb",
               example: "50", read: SettingValue.integer(in: 1...1024)) { settings, megabytes in
            (settings.input.http.maximumBytes, settings.assets.http.maximumBytes) = (megabytes << 20, megabytes << 20)
        },
    ]

    // MARK: Web sites

    static let site: [Setting] = [
        .value("latest", .site, "Read only the newest N posts of the blog's history (and put only those in the book).", valueName: "n",
               example: "20", read: SettingValue.integer(in: 1...Int.max)) { settings, latest in
            settings.input.site.latest = latest
            settings.planning.filter.limit = settings.planning.filter.limit.map { min($0, latest) } ?? latest
        },
        .flag("feed-only", .site, "Read just the feed the address is or names: no older feed pages, no sitemap, no post pages (unless --full-text says so).") {
            settings, feedOnly in
            guard feedOnly else { return }
            (settings.input.site.history, settings.input.site.fullText) = (false, .never)
        },
        .value("full-text", .site, "When a post is read from its own page: auto (when the feed holds an excerpt, and for posts only the sitemap names), always, or never (default: auto).",
               valueName: "when", example: "always", read: SettingValue.choice(FullTextMode.self)) { $0.input.site.fullText = $1 },
        .value("per-host", .site, "The most requests open at once to one host (default 4).", valueName: "n", example: "2",
               read: SettingValue.integer(in: 1...16)) { $0.input.site.perHost = $1 },
        .value("delay", .site, "Seconds between two requests to one host (default 0; a Crawl-delay in robots.txt makes it longer).",
               valueName: "seconds", example: "1", read: SettingValue.seconds(in: 0...600, includingLowest: true)) { $0.input.site.delay = $1 },
    ]

    // MARK: Images

    static let images: [Setting] = [
        .value("assets", .images, "A local copy of the site: images are looked for here first (the path from the post, from the site root, then a file name found once).",
               valueName: "dir", example: "site/", read: SettingValue.path) { $0.assets.folder = $1 },
        .value("base-url", .images, "Where the site lives now: images on the feed's home-page site are fetched from this URL instead.",
               valueName: "url", example: "https://mirror.example/", read: SettingValue.webAddress) { $0.assets.baseURL = $1 },
        .value("cache-dir", .images, "Where downloaded images are kept between runs (default: $XDG_CACHE_HOME/bookify or ~/.cache/bookify).",
               valueName: "dir", example: ".bookify-cache", read: SettingValue.path) { $0.assets.cacheFolder = $1 },
    ]

    // MARK: PDF pages

    static let pdf: [Setting] = [
        .value("page-size", .pdf, "PDF page size: a4, a5, a6, b5, letter, 6x9in (default), or WxH with mm, cm, in or pt, like 150x220mm.",
               valueName: "size", example: "a5", read: SettingValue.page(PageSize.parse)) { $0.pdf.pageSize = $1 },
        .value("margins", .pdf, "PDF margins: one length for all, two (top and bottom, inner and outer) or four (top, outer, bottom, inner), in mm unless a unit is given: 18mm, \"20mm 15mm\".",
               valueName: "lengths", example: "\"20mm 15mm\"", read: SettingValue.page(PageMargins.parse)) { $0.pdf.margins = $1 },
        .value("font-size", .pdf, "PDF body text size in points, 6 to 24 (default: from the page width, 9 to 12).", valueName: "points",
               example: "10.5", read: SettingValue.page(PDFPageSettings.fontSize)) { $0.pdf.fontSize = $1 },
        .value("font", .pdf, "PDF text face: an installed font family with italics and bold (default: TeX Gyre Pagella; code is JetBrains Mono).",
               valueName: "family", example: "\"EB Garamond\"", read: SettingValue.text) { $0.pdf.fontFamily = $1 },
    ]

    // MARK: The archive

    static let archive: [Setting] = [
        .value("archive", .archive, "An archive to add the inputs to and to build the book from: every post it holds for their blogs (for every blog, without inputs).",
               valueName: "file", example: "blog.archive", read: { text, paths throws(SettingError) in try SettingValue.path(text, paths).path }) {
            $0.archive = $1
        },
        .value("as-of", .archive, "With --archive: the blogs as they were then (YYYY-MM-DD: at the end of that day, UTC; or YYYY-MM-DDTHH:MM:SSZ).",
               valueName: "date", example: "2025-01-01", read: SettingValue.moment) { $0.archiveQuery.asOf = $1 },
        .flag("new-only", .archive, "With --archive: only the posts first seen since the last book built from the archive.") {
            $0.archiveQuery.newOnly = $1
        },
    ]

    // MARK: Mail

    static let mail: [Setting] = [
        .list("send-to", .mail, "Mail each book written to this address; repeat for several (a Send to Kindle address takes files up to 50 MB: larger books are written in 45 MB volumes, one message each).",
              valueName: "address", example: "[\"me@kindle.com\"]") { $0.mail.recipients = $1 }.checking { addresses throws(SettingError) in
            if let wrong = addresses.first(where: { !MailSettings.isAddress($0) }) { throw SettingError("expected a mail address like me@kindle.com, not '\(wrong)'") }
        },
        .value("smtp-server", .mail, "The SMTP server that sends the mail: HOST or HOST:PORT (default port 587 for starttls, 465 for tls).",
               valueName: "host[:port]", example: "smtp.example.com", read: MailSettings.server) { ($0.mail.server, $0.mail.port) = ($1.host, $1.port) },
        .value("smtp-security", .mail, "How the connection to the SMTP server is protected: starttls (default), tls, or none (only for a server on this machine).",
               valueName: "mode", example: "tls", read: SettingValue.choice(MailSettings.Security.self)) { $0.mail.security = $1 },
        .value("smtp-user", .mail, "The user to log in to the SMTP server as; the password comes only from BOOKIFY_SMTP_PASSWORD or ~/.netrc.",
               valueName: "user", example: "me@example.com", read: SettingValue.text) { $0.mail.user = $1 },
        .value("from", .mail, "The sender's address (for Send to Kindle: one approved in the Amazon account).", valueName: "address",
               example: "me@example.com", read: { text, _ throws(SettingError) -> String in
                   guard MailSettings.isAddress(text) else { throw SettingError("expected a mail address like me@example.com") }
                   return text
               }) { $0.mail.from = $1 },
        .value("smtp-ca-file", .mail, "Certificates (PEM) to trust for the SMTP server instead of the system's: a private server's own CA.",
               valueName: "file", example: "ca.pem", read: SettingValue.path) { $0.mail.caFile = $1 },
    ]
}
