/// How inputs are read: from the network or not, drafts or not, with what limits, and how a
/// blog named by its web address is read.
public struct InputSettings: Sendable {
    /// Never touch the network (images too).
    public var offline = false
    /// Markdown sites: include drafts.
    public var includeDrafts = false
    /// Limits for feeds and pages fetched over the network.
    public var http = HTTPClient()
    /// How a blog named by its web address is read: history, full text, politeness.
    public var site = SiteSettings()

    /// Settings that read every input as it is, from the network where needed.
    public init() {}
}
