import Foundation

extension URL {
    /// A URL's identity for matching posts: no fragment, query kept, no trailing slash,
    /// scheme and host in lower case, http and https alike.
    public var postIdentity: String {
        var text = absoluteString
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        while text.hasSuffix("/") { text.removeLast() }
        if let host {
            let web = (scheme ?? "").lowercased() == "http" ? "https" : (scheme ?? "").lowercased()
            if let range = text.range(of: host, options: .caseInsensitive) {
                text = web + "://" + host.lowercased() + text[range.upperBound...]
            }
        }
        return text
    }
}
