import ArgumentParser
import BookifyCore
import Foundation

/// Options that build a book through an archive (`--archive FILE`).
struct ArchiveOptions: ParsableArguments {
    @Option(help: ArgumentHelp("An archive to add the inputs to and to build the book from: every post it holds for their blogs (for every blog, without inputs).",
                               valueName: "file"))
    var archive: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("With --archive: the blogs as they were then (YYYY-MM-DD: at the end of that day, UTC; or YYYY-MM-DDTHH:MM:SSZ).",
                                                           valueName: "date"))
    var asOf: String?

    @Flag(name: .customLong("new-only"), help: "With --archive: only the posts first seen since the last book built from the archive.")
    var newOnly = false

    func validate() throws {
        if let asOf, Self.moment(asOf) == nil {
            throw ValidationError("--as-of takes a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not '\(asOf)'.")
        }
    }

    /// Applies the options given on the command line over `settings` (from a config file).
    func apply(to settings: inout BookSettings) {
        if let archive { settings.archive = archive }
        if let asOf { settings.archiveQuery.asOf = Self.moment(asOf) }
        if newOnly { settings.archiveQuery.newOnly = true }
    }

    /// A day means its last second (UTC); a time, itself.
    static func moment(_ text: String) -> Date? {
        guard let date = FeedDate.parseISO8601(text) else { return nil }
        return text.trimmingCharacters(in: .whitespaces).count == 10 ? date.addingTimeInterval(86_399) : date
    }
}
