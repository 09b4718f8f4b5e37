import Foundation

/// A folder images are read from (`--assets DIR`, a Markdown site's folders). No path leaves
/// it: `..` is refused and symbolic links are followed only when they stay inside.
struct AssetFolder: Sendable, Hashable {
    /// The folder with its symbolic links resolved.
    let root: URL

    init(_ folder: URL) {
        root = folder.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The regular file at `relativePath` (slash-separated, percent-decoded), `nil` when there
    /// is none, or a failure when the path would lead outside.
    func file(at relativePath: String) -> Result<URL, AssetFailure>? {
        let components = relativePath.split(separator: "/").filter { $0 != "." }
        guard !components.isEmpty else { return nil }
        if components.contains("..") || relativePath.contains("\0") { return .failure(.outsideRoot(relativePath)) }
        let candidate = components.reduce(root) { $0.appendingPathComponent(String($1)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        let resolved = candidate.resolvingSymlinksInPath()
        guard resolved.path.hasPrefix(root.path + "/") else { return .failure(.outsideRoot(relativePath)) }
        return .success(resolved)
    }

    /// Every file under the folder by its name, for references whose path does not match the
    /// folder's layout. Only names that occur once are useful.
    func filesByName(limit: Int = 200_000) -> [String: [String]] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return [:]
        }
        var names: [String: [String]] = [:]
        var seen = 0
        for case let file as URL in enumerator {
            seen += 1
            if seen > limit { break }
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(file.standardizedFileURL.path.dropFirst(root.path.count + 1))
            names[file.lastPathComponent, default: []].append(relative)
        }
        return names
    }
}
