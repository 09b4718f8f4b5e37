@testable import BookifyCore
import Foundation
import Testing

/// Every script in one post (issue 31): right-to-left paragraphs, CJK, Devanagari, Greek,
/// Cyrillic, colour emoji and long code-like tokens, in an English blog. The EPUB marks the
/// right-to-left paragraphs; the PDF prints every word from a font that has it.
@Suite struct ScriptsBookTests {
    static let paragraphs: [(name: String, text: String)] = [
        ("Arabic", "مرحبا بالعالم. هذه جملة باللغة العربية تكتب من اليمين إلى اليسار وهي طويلة بما يكفي لتنتقل إلى سطر آخر في الصفحة."),
        ("Hebrew", "שלום עולם. זהו משפט בעברית שנכתב מימין לשמאל, והוא ארוך מספיק כדי לעבור לשורה נוספת בעמוד הספר המודפס."),
        ("Chinese", "这是一个用中文写的段落，它足够长，可以在书页上换行。排版时中文字符之间可以断行，而且不应该通过拉伸空格来对齐。"),
        ("Japanese", "これは日本語で書かれた段落です。本のページで改行されるのに十分な長さがあります。日本語の文字の間で改行できます。"),
        ("Korean", "이것은 한국어로 쓰인 단락입니다. 책 페이지에서 줄이 바뀔 만큼 충분히 깁니다. 한국어는 단어 사이의 공백에서 줄을 바꿉니다."),
        ("Hindi", "यह हिंदी में लिखा गया एक अनुच्छेद है। यह पुस्तक के पृष्ठ पर अगली पंक्ति में जाने के लिए पर्याप्त लंबा है और इसमें संयुक्ताक्षर हैं।"),
        ("Greek", "Η γρήγορη καφέ αλεπού πηδάει πάνω από τον τεμπέλη σκύλο, και ο σκύλος συνεχίζει να κοιμάται ήσυχα στον ήλιο."),
        ("Cyrillic", "Съешь же ещё этих мягких французских булок да выпей чаю, а потом отдохни немного у окна."),
        ("Tokens", "See https://example.org/a/very/long/path/to/some/resource/that/never/ends/index.html and the "
            + "name std::collections::hash_map::DefaultHasher::new_with_keys or my_very_long_snake_case_identifier_name here."),
        ("Emoji", "Emoji in a sentence: 🎉 a party, 🚀 a rocket, 👍🏽 a thumb, and 🇳🇴 a flag."),
    ]

    private static let built: (folder: URL, facts: PDFFacts)? = {
        let folder = TestPaths.temporaryFolder()
        let html = paragraphs.map { "<h2>\($0.name)</h2><p>\($0.text)</p>" }.joined()
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "Scripts", "language": "en",
                                   "items": [["id": "1", "title": "Every script", "date_published": "2026-01-01T00:00:00Z", "content_html": html]]]
        guard (try? JSONSerialization.data(withJSONObject: feed).write(to: folder.appendingPathComponent("feed.json"))) != nil,
              Shell.bookify(["feed.json", "-o", "scripts.epub", "-o", "scripts.pdf", "-q", "--offline"], in: folder).status == 0,
              let facts = try? PDFFacts.read(folder.appendingPathComponent("scripts.pdf"), layout: true) else { return nil }
        return (folder, facts)
    }()

    @Test func theEPUBMarksRightToLeftParagraphsAndValidates() throws {
        let (folder, _) = try #require(Self.built)
        let book = folder.appendingPathComponent("scripts.epub")
        try EPUBCheck.expectClean(book)
        let inspector = try BookInspector(book)
        ReadingSystemRules.check(inspector)
        let paragraphs = inspector.elements("p", in: "OEBPS/text/p001.xhtml").filter { $0.classes.isEmpty }
        #expect(paragraphs.count == Self.paragraphs.count)
        for (paragraph, expected) in zip(paragraphs, Self.paragraphs) {
            let rightToLeft = ["Arabic", "Hebrew"].contains(expected.name)
            #expect(paragraph.attributes["dir"] == (rightToLeft ? "rtl" : nil), "\(expected.name): dir=\(paragraph.attributes["dir"] ?? "none")")
        }
        #expect(inspector.package?.first("spine")?.attributes["page-progression-direction"] == nil, "an English book turns left to right")
    }

    @Test func thePDFPrintsEveryWordFromAFontThatHasItWithinThePage() throws {
        let (folder, facts) = try #require(Self.built)
        QPDF.expectClean(folder.appendingPathComponent("scripts.pdf"))
        // Extracted text, without the bidi marks pdftotext adds, line breaks and word cuts joined.
        let extracted = Shell.run("/usr/bin/env", ["pdftotext", folder.appendingPathComponent("scripts.pdf").path, "-"]).stdout
            .unicodeScalars.filter { !(0x202A...0x202E).contains($0.value) }.map(String.init).joined()
            .replacingOccurrences(of: "\u{AD}\n", with: "")
        let squeezed = extracted.filter { !$0.isWhitespace }
        for (name, text) in Self.paragraphs where name != "Emoji" {
            for word in text.split(separator: " ") {
                let bare = word.trimmingCharacters(in: .punctuationCharacters.union(.symbols))
                #expect(bare.isEmpty || squeezed.contains(bare.filter { !$0.isWhitespace }), "\(name): «\(bare)» is not in the PDF's text")
            }
        }
        for word in ["party,", "rocket,", "thumb,", "flag."] { #expect(extracted.contains(word)) }
        // Korean breaks at its spaces: every line of the paragraph ends with a whole word.
        let korean = try #require(Self.paragraphs.first { $0.name == "Korean" }?.text)
        let koreanLines = extracted.split(separator: "\n").filter { $0.contains("한국어") || $0.contains("니다") }
        #expect(koreanLines.count >= 2 && koreanLines.allSatisfy { line in line.split(separator: " ").allSatisfy { korean.split(separator: " ").contains($0) } },
                "a Korean word is cut: \(koreanLines)")
        let faces = facts.fonts.map(\.name)
        #expect(facts.fonts.allSatisfy { $0.embedded }, "\(faces)")
        for script in ["CJK", "Devanagari", "Hebrew"] {
            #expect(faces.contains { $0.contains(script) }, "no \(script) font among \(faces)")
        }
        // The emoji are pictures a line tall, not the font's 136-pixel bitmaps at full size.
        let pictures = (facts.images ?? []).flatMap { $0 }
        #expect(pictures.count == 4, "\(pictures)")
        #expect(pictures.allSatisfy { $0[3] - $0[1] < 16 && $0[2] - $0[0] < 16 }, "\(pictures)")
        for page in 0..<facts.pages {
            for word in facts.words(onPage: page) {
                #expect(word.box.x0 >= 0 && word.box.x1 <= facts.width && word.box.y0 >= 0 && word.box.y1 <= facts.height,
                        "«\(word.text)» leaves page \(page + 1)")
            }
        }
    }
}
