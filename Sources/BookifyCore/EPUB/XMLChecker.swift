/// Checks that generated markup is well-formed XML before it goes into a book, so a broken
/// user template fails the build instead of producing a book readers reject.
enum XMLChecker {
    typealias Problem = LibXML2.ParseError

    static func check(_ xml: String) -> Problem? {
        LibXML2.wellFormednessError(xml)
    }
}
