@testable import BookifyCore
import Testing

@Suite struct HyphenatorTests {
    private func hyphenated(_ text: String, language: String = "en-US") throws -> String {
        let hyphenator = try #require(Hyphenator.forLanguage(language), "hyphen-en-us is installed (scripts/install-deps.sh)")
        var styled = StyledText.plain(text)
        styled.hyphenate(with: hyphenator)
        return String(decoding: styled.bytes, as: UTF8.self).replacingOccurrences(of: "\u{AD}", with: "=")
    }

    @Test func wordsGetSoftHyphensWhereThePatternsAllowThem() throws {
        #expect(try hyphenated("Hyphenation, typesetting!") == "Hy=phen=ation, type=set=ting!")
        #expect(try hyphenated("a short word") == "a short word", "words under six letters stay whole")
    }

    @Test func addressesNamesAndNumbersAreLeftWhole() throws {
        #expect(try hyphenated("see https://example.com/documentation and snake_case_identifier or version2release")
                == "see https://example.com/documentation and snake_case_identifier or version2release")
    }

    @Test func codeRunsAreNeverHyphenated() throws {
        let hyphenator = try #require(Hyphenator.forLanguage("en"))
        var text = StyledText.plain("documentation ")
        text.append("documentation", style: StyledText.Style(monospace: true))
        text.hyphenate(with: hyphenator)
        #expect(String(decoding: text.bytes, as: UTF8.self) == "doc\u{AD}u\u{AD}men\u{AD}ta\u{AD}tion documentation")
        #expect(text.runs.last?.style.monospace == true && text.runs.last?.range.count == 13, "the code run moved with the text")
    }

    @Test func aLanguageWithoutPatternsGetsNone() {
        #expect(Hyphenator.forLanguage("tlh") == nil)
        #expect(Hyphenator.forLanguage(nil) == nil)
        #expect(Hyphenator.forLanguage("de-AT") != nil, "a region falls back to its language's patterns (hyphen-de)")
    }
}
