extension Unicode.Scalar {
    /// Whether this scalar never joins the one before it or after it into one grapheme cluster (and is not a
    /// carriage return, which joins a following line feed): ASCII and Latin up to the combining marks,
    /// Cyrillic letters without theirs, dashes, quotes, bullets, primes, €, № and ™.
    ///
    /// Text made only of such scalars compares, splits and searches the same by bytes as by `Character`, which
    /// is what lets byte-level fast paths stand in for Foundation and `Character` walks. It answers false for
    /// much that is also standalone: a caller then takes its slow path, never a wrong one.
    @inlinable
    public var isStandaloneInGraphemes: Bool {
        switch value {
        case 0x0D: return false
        case 0..<0x300: return true
        case 0x400...0x482, 0x48A...0x52F: return true      // Cyrillic letters, without the combining marks
        case 0x2010...0x2027, 0x2030...0x205E: return true  // dashes, quotes, bullets, ellipsis, primes
        case 0x20AC, 0x2116, 0x2122: return true            // €, №, ™
        default: return false
        }
    }
}
