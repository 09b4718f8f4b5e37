/// A post's place in a series of posts.
public struct SeriesMembership: Sendable, Hashable, Codable {
    /// The series' name as the author wrote it.
    public var name: String
    /// The post's position in the series, when given (`order`, `weight`, `part`).
    public var order: Double?

    /// Membership of the series `name`, at `order` within it when known.
    public init(name: String, order: Double? = nil) {
        self.name = name
        self.order = order
    }
}
