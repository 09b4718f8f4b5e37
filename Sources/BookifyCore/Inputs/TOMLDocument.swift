/// TOML 1.0 (Hugo front matter and `hugo.toml`) read into the JSON values that front matter of
/// every syntax becomes: tables are objects, as YAML mappings are; arrays of tables are arrays
/// of objects; numbers are doubles; dates and times stay text as written (with `T` between
/// date and time) for `FeedDate` to read.
///
/// Hand-written, like `JSONParser`, because the TOML library on the package mirror (TOMLKit,
/// over toml++ 3.4) stops the whole process on a failed assertion for some malformed documents,
/// in release builds too: a date followed by `T` and no time, a table header `[` with no key
/// after it. The fuzz target found three such inputs in minutes; front matter comes from
/// strangers, and a bad file must be one clear error, never a crash.
enum TOMLDocument {
    struct SyntaxError: Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// Arrays and inline tables nested deeper than this, or keys with more parts, are refused:
    /// metadata needs a handful of levels, and the stack must not run out.
    static let maximumNesting = 32

    static func parse(_ text: String) throws(SyntaxError) -> [String: JSONValue] {
        var reader = TOMLReader(text)
        var tree = TOMLTableTree()
        var current: [String] = []  // the table that key/value lines go into
        while true {
            reader.skipBlankLinesAndComments()
            if reader.atEnd { break }
            let start = reader.index
            // A conflict (a key or table defined twice) is reported where its line starts.
            func place(_ change: () throws(TOMLTableTree.Conflict) -> Void) throws(SyntaxError) {
                do { try change() } catch { throw reader.error(error.message, at: start) }
            }
            if reader.startsTableHeader {
                let header = try reader.tableHeader()
                current = header.key
                try place { () throws(TOMLTableTree.Conflict) in
                    try header.isArrayOfTables ? tree.appendTable(at: header.key) : tree.defineTable(at: header.key)
                }
            } else {
                let (key, value) = try reader.keyValue()
                try place { () throws(TOMLTableTree.Conflict) in try tree.insert(value, at: key, in: current) }
            }
            try reader.expectEndOfLine()
        }
        return tree.json
    }
}
