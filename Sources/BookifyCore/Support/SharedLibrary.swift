import Foundation

/// A system library opened with `dlopen` when bookify first needs it, instead of linked:
/// libraries that most runs never call (libcurl, librsvg, GdkPixbuf) would otherwise cost every
/// run their loading and relocation, with that of every library they bring. Kept open for the
/// rest of the run; its functions are taken by name as the C function type the caller expects.
struct SharedLibrary: @unchecked Sendable {
    /// A function the library does not have.
    struct Missing: Error {
        var name: String
    }

    /// The `dlopen` handle.
    let handle: UnsafeMutableRawPointer

    /// The library of `soname` (say `libcurl.so.4`), or nil when it is not installed.
    init?(soname: String) {
        guard let handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else { return nil }
        self.handle = handle
    }

    /// The function `name`, as the C function type `Function` (`@convention(c)`), which must be
    /// the type its header declares.
    func callAsFunction<Function>(_ name: String) throws(Missing) -> Function {
        guard let symbol = dlsym(handle, name) else { throw Missing(name: name) }
        return unsafeBitCast(symbol, to: Function.self)
    }
}
