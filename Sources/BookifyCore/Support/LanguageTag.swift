import Foundation

/// BCP 47 language tags, as `dc:language` and `xml:lang` need them.
public enum LanguageTag {
    /// Whether `tag` has the shape of a language tag (`en`, `de-DE`, `zh-Hant-TW`).
    public static func isValid(_ tag: String) -> Bool {
        tag.wholeMatch(of: /[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*/) != nil
    }

    /// Feeds write `en_US`; the book needs `en-US`. `nil` when no tag can be made of it.
    public static func normalized(_ text: String) -> String? {
        let candidate = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-")
        return isValid(candidate) ? candidate : nil
    }
}
