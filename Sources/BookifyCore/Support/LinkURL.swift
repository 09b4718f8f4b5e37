import Foundation

/// Parsing of URLs as written in real HTML (spaces, unencoded characters).
enum LinkURL {
    static func parse(_ raw: String, relativeTo base: URL?) -> URL? {
        let candidate = URL(string: raw, relativeTo: base)
            ?? raw.addingPercentEncoding(withAllowedCharacters: .urlAllowed).flatMap { URL(string: $0, relativeTo: base) }
        guard let absolute = candidate?.absoluteURL, absolute.scheme != nil else { return nil }
        // A web URL needs a host that is a real name ("http:foo" and "http://../" are not).
        if let scheme = absolute.scheme?.lowercased(), scheme == "http" || scheme == "https",
           !isValidHost(absolute.host) {
            return nil
        }
        return absolute
    }

    /// Whether a book may hold `url` as a link a reader can follow: http(s) with a real host
    /// (at most 253 bytes) and a port that exists, or, when `mail` is allowed, `mailto:` with
    /// an address. The one check for links in content and in a feed's metadata alike
    /// (`javascript:`, `data:`, `file:` and the like never get into a book).
    static func isLinkable(_ url: URL, mail: Bool = true) -> Bool {
        switch url.scheme?.lowercased() {
        case "http", "https":
            return isValidHost(url.host) && (url.host?.utf8.count ?? 0) <= 253 && (url.port.map { (1...65535).contains($0) } ?? true)
        case "mailto":
            return mail && url.absoluteString.dropFirst("mailto:".count).contains { !$0.isWhitespace }
        default:
            return false
        }
    }

    /// A DNS name (letters, digits, hyphens; international names allowed), IPv4 or IPv6 address.
    static func isValidHost(_ host: String?) -> Bool {
        guard var host, !host.isEmpty else { return false }
        if host.hasPrefix("[") || host.contains(":") { return host.allSatisfy { $0.isHexDigit || ":.[]".contains($0) } }
        if host.hasSuffix(".") { host.removeLast() }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }
}

extension CharacterSet {
    /// Characters that may stand unencoded somewhere in a URL.
    static let urlAllowed = CharacterSet.urlQueryAllowed.union(.urlPathAllowed).union(.urlFragmentAllowed)
        .union(CharacterSet(charactersIn: "%#"))
}
