import DiglotModel

/// Texts in which every Unicode scalar is a character of its own, so that they can be walked by scalars with the
/// cuts a walk by `Character` would make.
///
/// Why: walking a `String` by `Character` runs the grapheme-breaking rules at every step, and in pairing that was
/// the larger part of finding names and numbers (docs/performance.md, session 25-26). Most archived texts are
/// Ukrainian, Russian or English without combining marks; they take the scalar walk, any other text the old one.
public enum SingleScalarText {
    /// Whether `scalar` is a character of its own wherever it stands: no combining mark, joiner or selector can
    /// follow it into the same character unless that scalar is itself outside these ranges (and then the text is
    /// walked the old way). CR LF is one character of two scalars; callers must treat both as separators.
    @inlinable
    public static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x370..<0x483, 0x48A..<0x530, 0x2000...0x200B, 0x2010...0x2027, 0x2030...0x205E, 0x20AC, 0x2116: true
        default: false
        }
    }

    /// The scalars of `text` and the index where each starts (then `endIndex`), or nil when a scalar might join
    /// its neighbour into one character.
    ///
    /// Read from the UTF-8 bytes (each index made from its byte offset, which the UTF-8 view does in constant
    /// time): stepping the scalar view cost about 80 instructions a scalar, 1.2 of the 25 G instructions of
    /// `diglot pair` over 10,000 documents (session 27). A string without contiguous UTF-8 takes the view.
    static func scalars(of text: String) -> (scalars: [Unicode.Scalar], indices: [String.Index])? {
        let utf8 = text.utf8
        if let walked = utf8.withContiguousStorageIfAvailable({ scalars(ofUTF8: $0, in: utf8) }) { return walked }
        return scalarsByView(text)
    }

    private static func scalars(ofUTF8 bytes: UnsafeBufferPointer<UInt8>, in utf8: String.UTF8View)
        -> (scalars: [Unicode.Scalar], indices: [String.Index])? {
        var scalars: [Unicode.Scalar] = []
        var indices: [String.Index] = []
        scalars.reserveCapacity(bytes.count)
        indices.reserveCapacity(bytes.count + 1)
        var offset = 0
        while offset < bytes.count {
            let (scalar, width) = UTF8Decoding.scalar(in: bytes, at: offset)
            guard standsAlone(scalar) else { return nil }
            scalars.append(scalar)
            indices.append(utf8.index(utf8.startIndex, offsetBy: offset))
            offset += width
        }
        indices.append(utf8.endIndex)
        return (scalars, indices)
    }

    /// `scalars(of:)` by stepping the scalar view.
    static func scalarsByView(_ text: String) -> (scalars: [Unicode.Scalar], indices: [String.Index])? {
        var scalars: [Unicode.Scalar] = []
        var indices: [String.Index] = []
        scalars.reserveCapacity(text.utf8.count)
        indices.reserveCapacity(text.utf8.count + 1)
        let view = text.unicodeScalars
        var index = view.startIndex
        while index < view.endIndex {
            let scalar = view[index]
            guard standsAlone(scalar) else { return nil }
            scalars.append(scalar)
            indices.append(index)
            index = view.index(after: index)
        }
        indices.append(view.endIndex)
        return (scalars, indices)
    }
}
