import Foundation

/// A request's query string, as HTML forms and OPDS readers write it.
enum QueryString {
    /// At most this many parameters are read; the rest are ignored.
    static let maximumParameters = 16

    /// The parameters, percent-decoded and with `+` read as a space (as forms send it); the
    /// first of a repeated name wins; a parameter that does not decode is left out.
    static func parameters(_ query: String) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&").prefix(maximumParameters) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decoded(parts[0]), !name.isEmpty, parameters[name] == nil,
                  let value = decoded(parts.count > 1 ? parts[1] : "") else { continue }
            parameters[name] = value
        }
        return parameters
    }

    /// A request target for the log: a `token` parameter's value masked.
    static func withoutToken(_ target: String) -> String {
        guard let question = target.firstIndex(of: "?") else { return target }
        let query = target[target.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false).map { pair in
            pair.hasPrefix("token=") ? "token=***" : String(pair)
        }
        return target[..<question] + "?" + query.joined(separator: "&")
    }

    private static func decoded(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
