import BookifyCore

/// What a build could not do as the posts asked, as lines on standard error, grouped so that
/// one cause gives one line however many images it hit: one line per unreachable host ("23
/// images from example.org: cannot resolve the host"), one per other kind of image problem and
/// one for the links that lead nowhere, each with a count. `verbose` adds a line per image and
/// link under its group. `--strict` turns them into an error (the library's).
struct BuildWarnings {
    let content: BookContent
    var verbose = false

    /// One image that could not be embedded, with the posts that show it.
    private struct MissingImage {
        var warning: AssetWarning
        var posts = 1

        var description: String {
            let others = posts > 1 ? " and \(posts - 1) more post\(posts == 2 ? "" : "s")" : ""
            return "\(warning.reference) (in \"\(warning.postTitle)\"\(others))"
        }

        /// What images with the same cause share: the host and reason, or the failure.
        var cause: String {
            if case .hostUnreachable(let host, let reason) = warning.failure { return "from \(host): \(reason)" }
            return "\(warning.failure)"
        }
    }

    /// The images that could not be embedded, grouped by cause, in the order first met.
    private var imageGroups: [[MissingImage]] {
        var images: [MissingImage] = []
        var indexByReference: [String: Int] = [:]
        for warning in content.warnings {
            if let index = indexByReference[warning.reference] {
                images[index].posts += 1
            } else {
                indexByReference[warning.reference] = images.count
                images.append(MissingImage(warning: warning))
            }
        }
        var groups: [[MissingImage]] = []
        var indexByCause: [String: Int] = [:]
        for image in images {
            if let index = indexByCause[image.cause] {
                groups[index].append(image)
            } else {
                indexByCause[image.cause] = groups.count
                groups.append([image])
            }
        }
        return groups
    }

    var imageLines: [String] {
        imageGroups.flatMap { group -> [String] in
            guard group.count > 1 else {
                return ["bookify: warning: image \(group[0].description): \(group[0].warning.failure); shown as a placeholder"]
            }
            let separator = group[0].cause.hasPrefix("from ") ? " " : ": "
            return ["bookify: warning: \(group.count) images\(separator)\(group[0].cause); shown as placeholders" + (verbose ? ":" : " (-v names them)")]
                + (verbose ? group.map { "bookify:   \($0.description)" } : [])
        }
    }

    var linkLines: [String] {
        let broken = content.documents.flatMap { document in document.brokenLinks.map { "link \($0) (in \"\(document.post.title)\")" } }
        guard broken.count > 1 else { return broken.map { "bookify: warning: \($0) leads to no section of the book" } }
        return ["bookify: warning: \(broken.count) links lead to no section of the book" + (verbose ? ":" : " (-v names them)")]
            + (verbose ? broken.map { "bookify:   \($0)" } : [])
    }

    /// One line per post whose formulas could not all be read.
    var mathLines: [String] {
        content.documents.compactMap { document in
            let problems = document.mathProblems
            guard !problems.isEmpty else { return nil }
            return "bookify: warning: math in \"\(document.post.title)\" that could not be read (\(problems.prefix(5).joined(separator: ", "))"
                + (problems.count > 5 ? ", …" : "") + "); shown as its TeX"
        }
    }

    /// How many images could not be embedded.
    var missingImages: Int { imageGroups.reduce(0) { $0 + $1.count } }
    /// How many warnings are printed (a group is one, its `-v` details are not counted).
    var count: Int { imageGroups.count + (content.documents.contains { !$0.brokenLinks.isEmpty } ? 1 : 0) + mathLines.count }

    func print() {
        for line in imageLines + linkLines + mathLines { printError(line) }
    }
}
