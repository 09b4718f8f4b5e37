import ArgumentParser
import BookifyCore
import Foundation

/// Options that build a book through an archive (`--archive FILE`).
struct ArchiveOptions: SettingOptions {
    @Option(help: Setting.help("archive")) var archive: String?
    @Option(name: .customLong("as-of"), help: Setting.help("as-of")) var asOf: String?
    @Flag(name: .customLong("new-only"), help: ArgumentHelp(Setting.help("new-only").abstract)) var newOnly = false

    var given: [String: SettingInput] {
        .init(given: [
            "archive": archive,
            "as-of": asOf,
            "new-only": newOnly,
        ])
    }
}
