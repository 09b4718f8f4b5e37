import Foundation

/// A post of a test blog: its text made from its number (so every post reads differently),
/// with a section heading, a code block and, for some, a picture.
struct FixturePost {
    var number: Int
    var date: Date
    var slug: String { "post-\(number)" }
    var title: String { "Field note number \(number)" }
    var hasImage: Bool { number % 3 == 0 }

    private static let words = ["river", "granite", "lantern", "meadow", "compass", "harbor", "ember", "willow", "quarry", "orchard",
                                "signal", "ledger", "thistle", "beacon", "canyon", "furrow", "glacier", "hollow", "juniper", "kestrel",
                                "marsh", "nettle", "osprey", "pebble", "quill", "ridge", "saffron", "timber", "upland", "valley"]

    /// Sentences of distinct words, deterministic per post and paragraph.
    func paragraph(_ index: Int) -> String {
        (0..<4).map { sentence in
            let words = (0..<12).map { Self.words[(number * 7 + index * 13 + sentence * 5 + $0 * 3) % Self.words.count] }
            return words.joined(separator: " ").capitalizedFirst + " \(number)-\(index)-\(sentence)."
        }.joined(separator: " ")
    }

    var code: String { "func note\(number)() -> Int {\n    return \(number) * 2\n}" }
    var heading: String { "What the \(Self.words[number % Self.words.count]) showed" }

    /// The body as a blog engine writes it (`imageURL`: where its picture is served).
    func bodyHTML(imageURL: String?) -> String {
        var html = "<p>\(paragraph(0))</p>\n<p>\(paragraph(1))</p>\n"
        if hasImage, let imageURL {
            html += "<figure class=\"wp-block-image size-large\"><img src=\"\(imageURL)\" alt=\"Sketch for note \(number)\" width=\"40\" height=\"30\"/>"
                + "<figcaption>Sketch for note \(number)</figcaption></figure>\n"
        }
        html += "<h2>\(heading)</h2>\n<p>\(paragraph(2))</p>\n"
        html += "<pre class=\"wp-block-code\"><code>\(code)</code></pre>\n<p>\(paragraph(3))</p>\n"
        return html
    }

    /// What a reader should find of the post's body: its words.
    var trueText: String {
        [paragraph(0), paragraph(1), hasImage ? "Sketch for note \(number)" : "", heading, paragraph(2), code, paragraph(3)].joined(separator: " ")
    }

    /// The excerpt a summary feed gives: the first words, then "[…]".
    var excerpt: String {
        paragraph(0).split(separator: " ").prefix(25).joined(separator: " ") + " [&hellip;]"
    }

    /// `count` posts, a week apart, oldest first.
    static func posts(_ count: Int, from start: String = "2024-01-03T09:00:00Z") -> [FixturePost] {
        let first = ISO8601DateFormatter().date(from: start)!
        return (1...count).map { FixturePost(number: $0, date: first.addingTimeInterval(Double($0 - 1) * 7 * 86_400)) }
    }

    var isoDate: String { ISO8601DateFormatter().string(from: date) }
    var rfc822Date: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss +0000"
        return formatter.string(from: date)
    }
    var yearMonth: String { String(isoDate.prefix(7)).replacingOccurrences(of: "-", with: "/") }
}

/// Word-level F1 of an extracted text against the true one: the harmonic mean of the share of
/// extracted words that are true (precision) and of true words extracted (recall), counting
/// repeated words as often as they occur.
enum WordF1 {
    static func score(extracted: String, truth: String) -> Double {
        let found = counts(extracted)
        let wanted = counts(truth)
        let overlap = found.reduce(0) { $0 + min($1.value, wanted[$1.key] ?? 0) }
        let (foundTotal, wantedTotal) = (found.values.reduce(0, +), wanted.values.reduce(0, +))
        guard overlap > 0, foundTotal > 0, wantedTotal > 0 else { return 0 }
        let precision = Double(overlap) / Double(foundTotal)
        let recall = Double(overlap) / Double(wantedTotal)
        return 2 * precision * recall / (precision + recall)
    }

    private static func counts(_ text: String) -> [String: Int] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.reduce(into: [:]) { $0[String($1), default: 0] += 1 }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
