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

    private static func search(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    private static func search(_ haystack: ArraySlice<UInt8>, _ needle: ArraySlice<UInt8>) -> Bool {
        haystack.withUnsafeBufferPointer { haystack in needle.withUnsafeBufferPointer { search(haystack, $0) } }
    }
}
