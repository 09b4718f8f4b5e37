import Foundation

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared as UTF-8 bytes (so "é" written two ways
    /// differs). For checks run on every text of a post: Foundation's `contains` goes through
    /// NSString, and took a sixth of an EPUB build's time.
    func containsBytes(_ needle: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { needle in Self.search(haystack, needle) }
        }
        if let found = found ?? nil { return found }
        return Self.search(Array(utf8)[...], Array(needle.utf8)[...])
    }

    /// `memchr` finds each candidate first byte (it looks at many bytes at a time: most texts
    /// searched hold no candidate at all), `memcmp` checks the rest.
    private static func search(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let needleStart = needle.baseAddress else { return true }
        guard haystack.count >= needle.count, var start = haystack.baseAddress else { return false }
        // Where a match may start: the first haystack.count - needle.count + 1 bytes.
        var candidates = haystack.count - needle.count + 1
        while candidates > 0, let hit = memchr(start, Int32(needleStart.pointee), candidates) {
            let found = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(found, needleStart, needle.count) == 0 { return true }
            candidates -= (found - start) + 1
            start = found + 1
        }
        return false
    }

    private static func search(_ haystack: ArraySlice<UInt8>, _ needle: ArraySlice<UInt8>) -> Bool {
        haystack.withUnsafeBufferPointer { haystack in needle.withUnsafeBufferPointer { search(haystack, $0) } }
    }
}
