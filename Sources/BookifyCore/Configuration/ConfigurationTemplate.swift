import Foundation

/// The commented `bookify.yml` that `bookify init` writes: every setting, filled in from the
/// blog where it can be, with the chapters the blog suggests as examples.
public enum ConfigurationTemplate {
    /// A commented bookify.yml for `inputs`, with every setting filled in from the blogs and the
    /// planned book, for the user to edit.
    public static func make(inputs: [String], blogs: [Blog], book: Book) -> String {
        let metadata = book.metadata
        let series = uniqueNames(book.posts.compactMap { $0.series?.name })
        let tags = Array(metadata.subjects.prefix(5))
        // What the blog says already, written as settings; the rest are commented examples.
        var known: [String: String] = [
            "title": quoted(metadata.title), "language": metadata.language, "group-by": GroupingRule.auto.rawValue,
            "order": PostOrder.oldestFirst.rawValue, "toc-depth": "2",
        ]
        if !metadata.authors.isEmpty { known["author"] = "[\(metadata.authors.map(quoted).joined(separator: ", "))]" }
        var lines = [
            "# bookify.yml: how bookify makes a book of this blog. Every setting is optional;",
            "# command-line flags (the same names: --toc-depth for toc-depth) win over this file.",
            "# Paths are relative to this file.",
            "",
            "input: \(quoted(inputs.count == 1 ? inputs[0] : "[\(inputs.joined(separator: ", "))]"))",
            "output: \(quoted(book.suggestedFileName))",
        ]
        for stage in Setting.Stage.allCases {
            lines += ["", "# " + stage.rawValue]
            for setting in Setting.all where setting.stage == stage {
                lines.append("# " + setting.help)
                let example = setting.key == "tags" && !tags.isEmpty ? "[\(tags.map(quoted).joined(separator: ", "))]" : setting.example
                lines.append(known[setting.key].map { "\(setting.key): \($0)" } ?? "# \(setting.key): \(example)")
            }
        }
        lines += [
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
