import BookifyCore
import Foundation

/// `--watch`: what a book is made from, watched for changes by polling (twice a second, cheap
/// for a site of thousands of files, and the same on every file system): the local inputs
/// (Markdown folders, feed files), bookify.yml, the templates, the stylesheet, the assets
/// folder. Hidden files (editors' swap files) and books (.epub, .pdf) are not sources: a book
/// written into the site's folder must not set off the next build.
struct SourceWatcher {
    /// A file's modification time and size: either changes when an editor saves.
    struct Stamp: Equatable {
        var modified: Date
        var size: Int
    }

    let paths: [String]
    var interval: TimeInterval = 0.5

    /// The paths a build of `request` reads, with `also` (candidates such as a bookify.yml
    /// that does not exist yet, or the arguments when no request could be made).
    init(request: BuildRequest?, also: [String]) {
        var paths = also
        if let request {
            paths += request.inputs
            paths += [request.settings.epub.stylesheet, request.settings.epub.templatesDirectory, request.settings.assets.folder].compactMap { $0?.path }
        }
        let local = paths.filter { $0 != "-" && !$0.contains("://") }.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        self.paths = Array(Set(local)).sorted()
    }

    /// Every source file now, by path.
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for path in paths {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
            if attributes[.type] as? FileAttributeType != .typeDirectory {
                stamps[path] = Self.stamp(attributes)
                continue
            }
            let files = FileManager.default.enumerator(at: URL(fileURLWithPath: path), includingPropertiesForKeys: nil,
                                                       options: [.skipsHiddenFiles])
            while let file = files?.nextObject() as? URL {
                guard (try? OutputBook(path: file.path)) == nil,  // a book written there is no source
                      let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
                      attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                stamps[file.path] = Self.stamp(attributes)
            }
        }
        return stamps
    }

    /// Waits until the sources differ from `before` and then stay the same for one interval
    /// (an editor saving several files, a `git checkout`, make one rebuild); returns them.
    func nextChange(after before: [String: Stamp]) async -> [String: Stamp] {
        var current = before
        while current == before {
            try? await Task.sleep(for: .seconds(interval))
            current = snapshot()
        }
        while true {
            try? await Task.sleep(for: .seconds(interval))
            let settled = snapshot()
            if settled == current { return settled }
            current = settled
        }
    }

    private static func stamp(_ attributes: [FileAttributeKey: Any]) -> Stamp {
        Stamp(modified: attributes[.modificationDate] as? Date ?? .distantPast, size: (attributes[.size] as? NSNumber)?.intValue ?? 0)
    }
}
