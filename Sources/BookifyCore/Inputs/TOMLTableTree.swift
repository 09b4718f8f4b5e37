/// The tables of a TOML document as its lines define them, with what TOML needs to refuse a
/// key or a table defined twice. Inline tables and arrays are stored as finished values, so
/// that nothing can extend them later, as TOML requires.
struct TOMLTableTree {
    /// A key or table defined twice, or a key that goes through a value.
    struct Conflict: Error {
        var message: String
    }

    private enum Node {
        case value(JSONValue)
        case table(Table)
        case tables([Table])  // an array of tables: `[[name]]`
    }

    private struct Table {
        /// How the table came to be: `[a.b]` creates `a` implicitly; `a.b = 1` creates `a` by a
        /// dotted key. A header may define an implicit table once, never a dotted one.
        enum Origin { case implicit, header, dotted }
        var origin: Origin
        var entries: [String: Node] = [:]
    }

    private var root = Table(origin: .header)

    /// Everything as JSON: tables as objects, arrays of tables as arrays of objects.
    var json: [String: JSONValue] { Self.json(root) }

    /// `[key]`: a table, defined once; the tables on its way are created as needed.
    mutating func defineTable(at key: [String]) throws(Conflict) {
        try Self.modify(&root, along: key.dropLast(), creating: .implicit) { (parent: inout Table) throws(Conflict) in
            let name = key[key.count - 1]
            switch parent.entries[name] {
            case nil: parent.entries[name] = .table(Table(origin: .header))
            case .table(var table) where table.origin == .implicit:
                table.origin = .header
                parent.entries[name] = .table(table)
            default: throw Conflict(message: "the table [\(Self.written(key))] is defined twice")
            }
        }
    }

    /// `[[key]]`: one more table at the end of the array of tables `key`.
    mutating func appendTable(at key: [String]) throws(Conflict) {
        try Self.modify(&root, along: key.dropLast(), creating: .implicit) { (parent: inout Table) throws(Conflict) in
            let name = key[key.count - 1]
            switch parent.entries[name] {
            case nil: parent.entries[name] = .tables([Table(origin: .header)])
            case .tables(var tables):
                parent.entries[name] = nil  // one reference, so that appending does not copy
                tables.append(Table(origin: .header))
                parent.entries[name] = .tables(tables)
            default: throw Conflict(message: "[[\(Self.written(key))]] is not an array of tables: \(Self.written(key)) is defined before")
            }
        }
    }

    /// `key = value` in the table at `tablePath` (the last element of an array of tables).
    mutating func insert(_ value: JSONValue, at key: [String], in tablePath: [String]) throws(Conflict) {
        try Self.modify(&root, along: tablePath[...], creating: nil) { (table: inout Table) throws(Conflict) in
            try Self.modify(&table, along: key.dropLast(), creating: .dotted) { (parent: inout Table) throws(Conflict) in
                let name = key[key.count - 1]
                guard parent.entries.index(forKey: name) == nil else {
                    throw Conflict(message: "the key \(Self.written(key)) is defined twice")
                }
                parent.entries[name] = .value(value)
            }
        }
    }

    /// Runs `body` on the table at the end of `path`, creating missing tables with `origin`
    /// (`nil`: the path exists). Through dotted keys, a table defined by a header is closed.
    private static func modify(_ table: inout Table, along path: ArraySlice<String>, creating origin: Table.Origin?,
                               _ body: (inout Table) throws(Conflict) -> Void) throws(Conflict) {
        guard let name = path.first else { return try body(&table) }
        let rest = path.dropFirst()
        switch table.entries[name] {
        case nil:
            guard let origin else { throw Conflict(message: "the table \(name) does not exist") }
            var child = Table(origin: origin)
            try modify(&child, along: rest, creating: origin, body)
            table.entries[name] = .table(child)
        case .table(var child):
            if origin == .dotted && child.origin == .header {
                throw Conflict(message: "the table \(name) is defined by a [header]; its keys go under that header")
            }
            table.entries[name] = nil  // one reference, so that changing the child does not copy it
            defer { table.entries[name] = .table(child) }
            try modify(&child, along: rest, creating: origin, body)
        case .tables(var tables) where origin != .dotted:
            table.entries[name] = nil
            defer { table.entries[name] = .tables(tables) }
            try modify(&tables[tables.count - 1], along: rest, creating: origin, body)
        case .tables, .value:
            throw Conflict(message: "\(name) is already a value; it cannot hold the key \(path.joined(separator: "."))")
        }
    }

    private static func json(_ table: Table) -> [String: JSONValue] {
        table.entries.mapValues { node in
            switch node {
            case .value(let value): value
            case .table(let table): .object(json(table))
            case .tables(let tables): .array(tables.map { .object(json($0)) })
            }
        }
    }

    private static func written(_ key: [String]) -> String { key.joined(separator: ".") }
}
