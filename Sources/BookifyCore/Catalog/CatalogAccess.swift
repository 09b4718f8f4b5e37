import Foundation

/// Who may read a catalog: everyone when it has no token; else a request that gives the token
/// as the password of HTTP Basic credentials (any user name: readers ask for both), as a Bearer
/// token, or as `?token=` (for readers that cannot send credentials). Compared in constant
/// time, so that the answer's timing tells nothing of the token.
struct CatalogAccess: Sendable {
    var token: String?

    func admits(_ request: CatalogRequest) -> Bool {
        guard let token else { return true }
        let expected = Array(token.utf8)
        var given: [[UInt8]] = []
        if let query = request.query["token"] { given.append(Array(query.utf8)) }
        if let authorization = request.headers["authorization"] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "basic",
               let decoded = Data(base64Encoded: String(parts[1].trimmed)), let colon = decoded.firstIndex(of: UInt8(ascii: ":")) {
                given.append(Array(decoded[decoded.index(after: colon)...]))
            } else if parts.count == 2, parts[0].lowercased() == "bearer" {
                given.append(Array(parts[1].trimmed.utf8))
            }
        }
        return given.contains { Self.equal($0, expected) }
    }

    /// Whether `a` equals `b`, in time that depends on their lengths only.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
