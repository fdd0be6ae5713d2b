/// Character counts that stop early and count by scalar where no scalar can join another.
///
/// `text.prefix(401).count` finds every grapheme cluster's end: about 6,400 instructions for a block of 401
/// characters, which every paragraph longer than 400 UTF-8 bytes paid to learn it was too long to be furniture
/// (0.8 % of an import, callgrind, session 22).
enum TextLength {
    /// Whether `text` holds at most `limit` characters (grapheme clusters).
    static func hasAtMost(_ limit: Int, charactersIn text: String) -> Bool {
        if text.utf8.count <= limit { return true }
        let byScalars: Bool?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            scalarsDecide(limit, bytes)
        }
        if let decided = byScalars ?? nil { return decided }
        return text.prefix(limit + 1).count <= limit
    }

    /// The answer from the scalars alone, or nil when one of the first `limit + 1` might join another into one
    /// character (then only the character walk knows).
    ///
    /// With every scalar a cluster of its own, characters and scalars are as many. A scalar below U+0300 but CR
    /// (CR LF is one character) never joins another: the marks, joiners, selectors, prepended and Hangul
    /// scalars that extend or join clusters all lie above; so do the basic Cyrillic letters, without the
    /// combining marks U+0483-U+0489, and the general punctuation U+2010-U+2027.
    private static func scalarsDecide(_ limit: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var scalars = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let value: UInt32
            let width: Int
            if lead < 0x80 {
                guard lead != 0x0D else { return nil }
                value = UInt32(lead)
                width = 1
            } else if lead & 0xE0 == 0xC0, index + 1 < bytes.count {
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                width = 2
            } else if lead & 0xF0 == 0xE0, index + 2 < bytes.count {
                value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                width = 3
            } else {
                return nil
            }
            let standsAlone = value < 0x300 || (value >= 0x400 && value <= 0x52F && !(value >= 0x483 && value <= 0x489))
                || (value >= 0x2010 && value <= 0x2027)
            guard standsAlone else { return nil }
            scalars += 1
            if scalars > limit { return false }
            index += width
        }
        return true
    }
}
