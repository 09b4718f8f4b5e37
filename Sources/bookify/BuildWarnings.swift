import BookifyCore

/// The images a build could not embed, as lines on standard error: one per image, naming the
/// first post that shows it.
enum ImageWarnings {
    static func lines(_ warnings: [AssetWarning]) -> [String] {
        var order: [String] = []
        var byReference: [String: [AssetWarning]] = [:]
        for warning in warnings {
            if byReference[warning.reference] == nil { order.append(warning.reference) }
            byReference[warning.reference, default: []].append(warning)
        }
        return order.map { reference in
            let uses = byReference[reference]!
            let others = uses.count > 1 ? " and \(uses.count - 1) more post\(uses.count == 2 ? "" : "s")" : ""
            return "bookify: warning: image \(reference) (in \"\(uses[0].postTitle)\"\(others)): \(uses[0].failure); shown as a placeholder"
        }
    }

    static func print(_ warnings: [AssetWarning]) {
        for line in lines(warnings) { printError(line) }
    }

    /// The error `--strict` ends the build with.
    static func strictFailure(_ warnings: [AssetWarning]) -> BookifyError {
        let count = lines(warnings).count
        let source = warnings.first.map { "\"\($0.postTitle)\"" } ?? "the posts"
        return .invalidInput(path: source, location: nil,
                             reason: "\(count) image\(count == 1 ? "" : "s") could not be embedded, and --strict makes that an error")
    }
}
