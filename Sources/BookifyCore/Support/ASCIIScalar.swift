extension Unicode.Scalar {
    /// A to Z or a to z: what Unicode's `isAlphabetic` says of an ASCII scalar, without a
    /// lookup in its tables (a few per cent of a build, asked of every character of a text).
    var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
}
