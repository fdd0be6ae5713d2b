extension Unicode.Scalar {
    /// The scalar in lower case, for ASCII and the basic Cyrillic block (А–Я, Ѐ–Џ; а–џ stay), mapped by
    /// arithmetic, and for caseless punctuation, marks and emoji (themselves); nil for any other scalar, whose `properties.lowercaseMapping` (what `String.lowercased()`
    /// uses, a Unicode table lookup) the caller then takes. Shared by `quickLowercased()`, the language
    /// detector's words and boilerplate folding, which lowercase most of what an import reads.
    ///
    /// A property rather than a walk with a closure: the callers' loops stay inlined (a closure-taking version
    /// made the language detector four times slower).
    ///
    /// ```swift
    /// ("Ї" as Unicode.Scalar).quickLowercase   // "ї"
    /// ("Σ" as Unicode.Scalar).quickLowercase   // nil: use properties.lowercaseMapping
    /// ```
    @inlinable
    public var quickLowercase: Unicode.Scalar? {
        let v = value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 0x20)) : self }
        if v >= 0x400 && v <= 0x45F { return v >= 0x430 ? self : Unicode.Scalar(v >= 0x410 ? v + 0x20 : v + 0x50) }
        return Self.isCaseless(v) ? self : nil
    }

    /// Blocks none of whose scalars lowercase to anything else, and which news text is full of: Latin-1
    /// punctuation («, », no-break space, °), combining marks (the stress mark), general punctuation (’, —, …),
    /// currency signs and emoji. (Letterlike symbols and enclosed letters are not among them: K and Ⓐ change.)
    ///
    /// Kept out of line: with the ranges inlined, `quickLowercase` grew too big to be inlined into the language
    /// detector's loop over every scalar, which then cost 27 % more (callgrind, session 29).
    @usableFromInline
    static func isCaseless(_ v: UInt32) -> Bool {
        switch v {
        case 0xA0...0xBF, 0x300...0x36F, 0x2000...0x206F, 0x20A0...0x20CF, 0x1F300...0x1FAFF: return true
        default: return false
        }
    }
}
