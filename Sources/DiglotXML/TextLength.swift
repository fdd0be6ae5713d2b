import DiglotModel

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

    /// How many characters (grapheme clusters) `text` holds: its scalars when every one stands alone, else the
    /// character walk.
    ///
    /// Why: choosing a page's article body weighs each `<article>` by its paragraphs' characters, and
    /// `String.count` found every grapheme's end (0.55 % of an import's instructions, callgrind, session 28).
    static func characterCount(of text: String) -> Int {
        let byScalars: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var scalars = 0
            let allStandalone = MarkupNode.forEachScalar(in: bytes) { scalar in
                guard scalar.isStandaloneInGraphemes else { return false }
                scalars += 1
                return true
            }
            return allStandalone ? scalars : nil
        }
        if let counted = byScalars ?? nil { return counted }
        return text.count
    }

    /// The answer from the scalars alone, or nil when one of the first `limit + 1` might join another into one
    /// character (then only the character walk knows): while every scalar stands alone
    /// (`isStandaloneInGraphemes`), characters and scalars are as many.
    private static func scalarsDecide(_ limit: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var scalars = 0
        var mayJoin = false
        let withinLimit = MarkupNode.forEachScalar(in: bytes) { scalar in
            guard scalar.isStandaloneInGraphemes else { mayJoin = true; return false }
            scalars += 1
            return scalars <= limit
        }
        return mayJoin ? nil : withinLimit
    }
}
