import Foundation

/// "1 post", "59 posts": a count with its noun, for the messages.
public func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// A size as people read it: "1.4 MB", "37 KB" (at least 1 KB for anything, 0 for nothing).
public func readableSize(_ bytes: Int) -> String {
    bytes >= 1024 * 1024 ? String(format: "%.1f MB", Double(bytes) / 1024 / 1024) : "\(bytes == 0 ? 0 : max(1, bytes / 1024)) KB"
}
