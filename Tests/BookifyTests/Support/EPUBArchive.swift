import CLibZip
import Foundation

/// Reads a built EPUB back, entry by entry, with libzip: what a reading system sees.
struct EPUBArchive {
    struct Entry {
        var name: String
        var data: Data
        var isStored: Bool
        var localExtraFieldCount: Int
        var text: String { String(decoding: data, as: UTF8.self) }
    }

    /// Entries in archive order.
    let entries: [Entry]

    init(_ url: URL) throws {
        var errorCode: Int32 = 0
        guard let archive = zip_open(url.path, ZIP_RDONLY, &errorCode) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        defer { zip_discard(archive) }
        var entries: [Entry] = []
        for index in 0..<zip_uint64_t(zip_get_num_entries(archive, 0)) {
            var stat = zip_stat_t()
            zip_stat_init(&stat)
            guard zip_stat_index(archive, index, 0, &stat) == 0, let file = zip_fopen_index(archive, index, 0) else { continue }
            var data = Data(count: Int(stat.size))
            let read = data.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, stat.size) }
            zip_fclose(file)
            guard read == Int64(stat.size) else { continue }
            entries.append(Entry(
                name: String(cString: stat.name),
                data: data,
                isStored: stat.comp_method == ZIP_CM_STORE,
                localExtraFieldCount: Int(zip_file_extra_fields_count(archive, index, zip_flags_t(ZIP_FL_LOCAL)))))
        }
        self.entries = entries
    }

    subscript(name: String) -> Entry? { entries.first { $0.name == name } }

    /// The XHTML documents of the book.
    var xhtmlEntries: [Entry] { entries.filter { $0.name.hasSuffix(".xhtml") } }
}
