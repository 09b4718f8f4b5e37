/// Hands out names unique within one scope: the first request for a name gets it as it is,
/// later ones `name-2`, `name-3`, … Each base remembers its next suffix, so a thousand
/// identical headings cost a thousand steps, not half a million.
struct UniqueNames {
    /// Whether `Name` and `name` count as the same (file names on case-insensitive disks).
    var ignoringCase = false
    private var used: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    init(ignoringCase: Bool = false) {
        self.ignoringCase = ignoringCase
    }

    /// `base`, or `base` with the first free suffix; from now on taken.
    mutating func claim(_ base: String) -> String {
        var candidate = base
        while !used.insert(key(candidate)).inserted {
            let suffix = nextSuffix[key(base), default: 2]
            nextSuffix[key(base)] = suffix + 1
            candidate = "\(base)-\(suffix)"
        }
        return candidate
    }

    private func key(_ name: String) -> String { ignoringCase ? name.lowercased() : name }
}
