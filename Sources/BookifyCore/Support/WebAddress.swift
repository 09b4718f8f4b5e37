import Foundation

extension URL {
    /// An absolute http or https URL with a host, from text as feeds and users write it
    /// (surrounding spaces allowed); `nil` for anything else.
    public init?(webAddress text: String) {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host?.isEmpty == false else { return nil }
        self = url
    }
}
