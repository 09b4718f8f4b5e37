import CHyphen
import Foundation

/// Where words may break, by Liang's patterns for a language: libhyphen with the dictionaries
/// of Debian's hyphen-* packages (`/usr/share/hyphen`). A language without a dictionary gets
/// no hyphenator, and its text is justified without hyphens.
final class Hyphenator: @unchecked Sendable {
    /// Read-only once loaded, so threads share it.
    private let dictionary: UnsafeMutablePointer<HyphenDict>
    private let encoding: String.Encoding

    /// Where the dictionaries are installed.
    static let folder = "/usr/share/hyphen"
    /// Letters kept together at a word's start and end ("re-", "-ing" at the most).
    static let leftMinimum: Int32 = 2
    static let rightMinimum: Int32 = 3

    private init?(path: String) {
        guard let encoding = Self.encoding(ofDictionary: path), let dictionary = hnj_hyphen_load(path) else { return nil }
        self.dictionary = dictionary
        self.encoding = encoding
    }

    deinit { hnj_hyphen_free(dictionary) }

    nonisolated(unsafe) private static var loaded: [String: Hyphenator?] = [:]
    private static let lock = NSLock()

    /// The hyphenator for a BCP 47 tag ("en-US", "de", "pt-BR"): the region's dictionary, else
    /// the language's, else any region's; `nil` when none is installed. Loaded once.
    static func forLanguage(_ tag: String?) -> Hyphenator? {
        guard let tag, !tag.isEmpty else { return nil }
        let parts = tag.replacingOccurrences(of: "-", with: "_").split(separator: "_").map(String.init)
        let language = parts[0].lowercased()
        guard language.allSatisfy(\.isLetter) else { return nil }
        let region = parts.dropFirst().first { $0.count == 2 }?.uppercased()
        return lock.withLock {
            if let known = loaded[tag] { return known }
            let installed = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
            let candidates = [region.map { "hyph_\(language)_\($0).dic" }, "hyph_\(language).dic"].compactMap { $0 }
                + installed.filter { $0.hasPrefix("hyph_\(language)_") && $0.hasSuffix(".dic") }
            var hyphenator: Hyphenator?  // a loop: `lazy.compactMap(…).first` would load it twice
            for candidate in candidates where hyphenator == nil && installed.contains(candidate) {
                hyphenator = Hyphenator(path: "\(folder)/\(candidate)")
            }
            loaded[tag] = .some(hyphenator)
            return hyphenator
        }
    }

    /// After which letters of `word` (a run of letters) a line may break: indexes into its
    /// Unicode scalars, each break after that scalar.
    func breaks(in word: [Unicode.Scalar]) -> [Int] {
        // The patterns are written in lower case; a letter whose lower case is not one letter
        // (rare) leaves the word whole.
        let lowered = word.map { String($0).lowercased() }
        guard lowered.allSatisfy({ $0.unicodeScalars.count == 1 }),
              let encoded = lowered.joined().data(using: encoding), word.count >= 6 else { return [] }
        // libhyphen reads the word as a C string (strstr) beyond the length it is given.
        let bytes = encoded.map { CChar(bitPattern: $0) } + [0]
        let length = bytes.count - 1
        // Single-byte encodings have a byte per letter; UTF-8 dictionaries count letters too.
        var hyphens = [CChar](repeating: 0, count: length + 5)
        var replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var positions: UnsafeMutablePointer<Int32>?
        var cuts: UnsafeMutablePointer<Int32>?
        let failed = bytes.withUnsafeBufferPointer { word in
            hnj_hyphen_hyphenate3(dictionary, word.baseAddress, Int32(length), &hyphens,
                                  nil, &replacements, &positions, &cuts, Self.leftMinimum, Self.rightMinimum, Self.leftMinimum,
                                  Self.rightMinimum)
        }
        // Non-standard breaks (German "Schiff-fahrt") change letters: they are left out.
        let points = failed != 0 ? [] : (0..<(word.count - 1)).filter { hyphens[$0] & 1 == 1 && replacements?[$0] == nil }
        if let replacements {
            for index in 0..<length { free(replacements[index]) }
            free(replacements)
        }
        free(positions)
        free(cuts)
        return points
    }

    /// The encoding a dictionary's first line names, when Foundation knows it.
    private static func encoding(ofDictionary path: String) -> String.Encoding? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 64)) ?? Data()
        let name = String(decoding: head.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        switch name.uppercased() {
        case "UTF-8": return .utf8
        case "ISO8859-1", "ISO-8859-1": return .isoLatin1
        case "ISO8859-2", "ISO-8859-2": return .isoLatin2
        case "MICROSOFT-CP1251", "CP1251": return .windowsCP1251
        default: return nil
        }
    }
}
