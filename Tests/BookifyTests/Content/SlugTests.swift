@testable import BookifyCore
import Testing

@Suite struct SlugTests {
    @Test(arguments: [
        ("Hello, World!", "hello-world"),
        ("Ünïcödé Straße", "unicode-strasse"),
        ("  --  ", "fallback"),
        ("2024 review", "fallback-2024-review"),
        ("日本語", "ri-ben-yu"),
    ])
    func makesASCIISlugs(text: String, slug: String) {
        #expect(Slug.make(text, fallback: "fallback") == slug)
    }

    @Test func keepsCaseOnRequest() {
        #expect(Slug.make("Intro Part", fallback: "x", keepCase: true) == "Intro-Part")
    }

    @Test func validatesLanguageTags() {
        #expect(LanguageTag.normalized("en_US") == "en-US")
        #expect(LanguageTag.normalized("zh-Hant-TW") == "zh-Hant-TW")
        #expect(LanguageTag.normalized("English") == "English")  // shape only: 2–8 letters
        #expect(LanguageTag.normalized("en US") == nil)
        #expect(LanguageTag.normalized("") == nil)
    }
}
