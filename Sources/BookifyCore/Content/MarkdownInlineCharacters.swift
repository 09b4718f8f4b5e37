#if canImport(Glibc)
import Glibc
#endif

/// Makes cmark-gfm parsers safe to run on every core at once.
///
/// cmark-gfm (0.29) keeps the inline parser's special characters in one process-wide table.
/// Every parse adds its extensions' characters (`~`, `|`, `:`, `w`) when its inline phase starts
/// and removes them when it ends, through `cmark_manage_extensions_special_characters`: a parse
/// ending on one core made a parse on another drop `~~` and autolinks mid-post. The library
/// calls that function through its PLT, so this definition of the same exported symbol takes
/// its place (ELF symbol interposition; Package.swift exports it from the executables): adding
/// goes to the library's own code, removing is skipped. Every bookify parser attaches the same
/// extensions, so the table only ever holds their characters.
@_cdecl("cmark_manage_extensions_special_characters")
public func cmarkManageExtensionsSpecialCharacters(_ parser: OpaquePointer?, _ add: Int32) {
    guard add != 0 else { return }
    MarkdownInlineCharacters.libraryImplementation?(parser, add)
}

enum MarkdownInlineCharacters {
    typealias Manage = @convention(c) (OpaquePointer?, Int32) -> Void

    /// libcmark-gfm's own implementation: the next definition of the symbol after this one.
    static let libraryImplementation: Manage? = {
        let next = UnsafeMutableRawPointer(bitPattern: -1)  // RTLD_NEXT
        guard let symbol = dlsym(next, "cmark_manage_extensions_special_characters") else { return nil }
        return unsafeBitCast(symbol, to: Manage.self)
    }()

    /// Whether parsers really call the definition above (the executable exports the symbol);
    /// tests check it, since without it concurrent parses lose markup.
    static var isInterposed: Bool {
        let fromProcess = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "cmark_manage_extensions_special_characters")
        return fromProcess != nil && fromProcess != libraryImplementation.map { unsafeBitCast($0, to: UnsafeMutableRawPointer.self) }
    }
}
