import BookifyCore

/// What a build could not do as the posts asked, as lines on standard error: one per image
/// that could not be embedded (naming the first post that shows it) and one per link that
/// leads nowhere. `--strict` turns them into an error (the library's).
struct BuildWarnings {
    let content: BookContent

    var imageLines: [String] {
        var order: [String] = []
        var byReference: [String: [AssetWarning]] = [:]
        for warning in content.warnings {
            if byReference[warning.reference] == nil { order.append(warning.reference) }
            byReference[warning.reference, default: []].append(warning)
        }
        return order.map { reference in
            let uses = byReference[reference]!
            let others = uses.count > 1 ? " and \(uses.count - 1) more post\(uses.count == 2 ? "" : "s")" : ""
            return "bookify: warning: image \(reference) (in \"\(uses[0].postTitle)\"\(others)): \(uses[0].failure); shown as a placeholder"
        }
    }

    var linkLines: [String] {
        content.documents.flatMap { document in
            document.brokenLinks.map { "bookify: warning: link \($0) (in \"\(document.post.title)\") leads to no section of the book" }
        }
    }

    func print() {
        for line in imageLines + linkLines { printError(line) }
    }
}
