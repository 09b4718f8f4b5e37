import Foundation

/// The commented `bookify.yml` that `bookify init` writes: every setting, filled in from the
/// blog where it can be, with the chapters the blog suggests as examples.
public enum ConfigurationTemplate {
    /// A commented bookify.yml for `inputs`, with every setting filled in from the blogs and the
    /// planned book, for the user to edit.
    public static func make(inputs: [String], blogs: [Blog], book: Book) -> String {
        let metadata = book.metadata
        let posts = book.posts
        let series = uniqueNames(posts.compactMap { $0.series?.name })
        let tags = book.metadata.subjects.prefix(5)
        var lines = [
            "# bookify.yml: how bookify makes a book of this blog. Every setting is optional;",
            "# command-line flags win over this file. Paths are relative to this file.",
            "",
            "input: \(quoted(inputs.count == 1 ? inputs[0] : "[\(inputs.joined(separator: ", "))]"))",
            "output: \(quoted(book.suggestedFileName))",
            "",
            "# The book",
            "title: \(quoted(metadata.title))",
            "# subtitle: \"\"",
            metadata.authors.isEmpty ? "# author: \"\"" : "author: [\(metadata.authors.map(quoted).joined(separator: ", "))]",
            "language: \(metadata.language)",
            "# publisher: \"\"",
            "# cover: cover.jpg          # PNG or JPEG, a file or an http(s) URL",
            "# css: book.css            # replaces the built-in stylesheet",
            "# templates: templates/    # Mustache files replacing the built-in ones",
            "",
            "# Which posts, in what order",
            "group-by: auto             # auto, series, tag, section, year or none",
            "order: oldest-first        # or newest-first",
            "# tags: [\(tags.map(quoted).joined(separator: ", "))]     # keep only posts with these tags",
            "# exclude-tags: []",
            "# since: 2020-01-01",
            "# until: 2025-12-31",
            "# limit: 50                # the newest 50 posts",
            "toc-depth: 2               # 1: posts only; 2: posts and their sections",
            "# content-format: auto     # auto, markdown or html",
            "",
            "# Images",
            "# assets: site/            # a local copy of the site, searched first",
            "# base-url: https://mirror.example/   # where the site's images are fetched from now",
            "# cache-dir: .bookify-cache          # default: ~/.cache/bookify",
            "# offline: false           # true: never use the network",
            "# archive: blog.archive    # keep every post and image ever read, and build from all of them",
            "# device: kindle           # generic, kindle, kobo, remarkable or phone: images made for it",
            "# split-size: 45MB         # a larger EPUB is written in volumes: NAME-1.epub, NAME-2.epub, …",
            "# strict: false            # true: an image that cannot be embedded fails the build",
            "# connect-timeout: 5       # seconds; default 10 for feeds, 5 for images",
            "# timeout: 20              # seconds for a whole download; default 60 for feeds, 20 for images",
            "# size-limit: 20           # MB, the largest feed or image",
            "",
            "# Chapters in this order, each taking the posts it matches (first match wins);",
            "# the others follow, grouped by group-by, where an entry says 'rest: true'.",
            "# chapters:",
        ]
        for name in series.prefix(3) {
            lines += ["#   - title: \(quoted(name))", "#     series: \(quoted(name))"]
        }
        for tag in tags.prefix(series.isEmpty ? 2 : 1) {
            lines += ["#   - title: \(quoted(tag.prefix(1).uppercased() + tag.dropFirst()))", "#     tags: [\(quoted(tag))]"]
        }
        lines += ["#   - title: \"Notes\"", "#     urls: [\"*/notes/*\"]", "#   - rest: true"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func uniqueNames(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }
    }

    /// A YAML double-quoted scalar.
    private static func quoted(_ text: String) -> String {
        if text.hasPrefix("[") { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
