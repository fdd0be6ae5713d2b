/// Whether a scalar is a letter, answered from ranges for the scripts archived texts are written in.
///
/// Why: `Unicode.Scalar.Properties.isAlphabetic` looks the scalar up in the standard library's tables, about 300
/// instructions a call; counting a text's letters that way was 4.2 of the 57 G instructions of a `diglot pair`
/// over 10,000 documents (docs/performance.md, session 26). ASCII, Latin-1, Latin Extended, Greek and Cyrillic
/// are answered from ranges checked against the property for every scalar; the rest asks the property.
public enum ScalarLetters {
    /// `scalar.properties.isAlphabetic`, faster for the common scripts.
    @inlinable
    public static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) &- 0x61 < 26 }
        switch value {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2C1, 0x3F7...0x481, 0x48A...0x52F: return true
        case 0x80...0xA9, 0xAB...0xB4, 0xB6...0xB9, 0xBB...0xBF, 0xD7, 0xF7, 0x482...0x489: return false
        default: return scalar.properties.isAlphabetic
        }
    }
}
