import Foundation

/// ASCII slugs for ids and file names: letters, digits and single hyphens.
enum Slug {
    /// `keepCase` keeps capitals (ids are case-sensitive; file names must not differ by case only).
    static func make(_ text: String, fallback: String, keepCase: Bool = false, maximumLength: Int = 60) -> String {
        // ICU's transliteration is slow (a new transliterator every call): text that is ASCII but
        // for typographic quotes, dashes and spaces (most headings, once smartened) has nothing
        // to fold: those characters end a word either way.
        let folded = text.unicodeScalars.allSatisfy { $0.isASCII || separators.contains($0) } ? text
            : text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? text
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCIILetter || ("0"..."9").contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(keepCase ? scalar : scalar.lowercased())
            } else {
                pendingHyphen = true
            }
            if slug.utf8.count >= maximumLength { break }
        }
        if slug.isEmpty { return fallback }
        // XML ids must not start with a digit.
        return slug.first!.isNumber ? fallback + "-" + slug : slug
    }
}

/// Quotes, dashes, ellipses, bullets and spaces, which transliterate to no letter or digit.
private let separators = Set("‘’‚“”„–—―…«»‹›·•\u{A0}\u{2002}\u{2003}\u{2009}\u{200A}\u{202F}".unicodeScalars)

private extension Unicode.Scalar {
    func lowercased() -> Unicode.Scalar {
        (65...90).contains(value) ? Unicode.Scalar(value + 32)! : self
    }
}
