extension String {
    /// The string of `scalars`, encoded into UTF-8 in one pass into storage of the exact size.
    ///
    /// `String(String.UnicodeScalarView(scalars))` appends scalar by scalar, checking and growing the string's
    /// storage each time: cutting passages and sentences out of scalar arrays that way was a tenth of an import.
    /// Inlinable, so that each caller gets it specialised for its collection (unspecialised, the generic
    /// iteration cost as much again).
    ///
    /// ```swift
    /// String(scalars: Array("Київ".unicodeScalars)[1...])   // "иїв"
    /// ```
    @inlinable
    public init<Scalars: Collection>(scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        var count = 0
        for scalar in scalars { count += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[index] = UInt8(value)
                    index += 1
                } else if value < 0x800 {
                    buffer[index] = 0xC0 | UInt8(value >> 6)
                    buffer[index + 1] = 0x80 | UInt8(value & 0x3F)
                    index += 2
                } else if value < 0x1_0000 {
                    buffer[index] = 0xE0 | UInt8(value >> 12)
                    buffer[index + 1] = 0x80 | UInt8((value >> 6) & 0x3F)
                    buffer[index + 2] = 0x80 | UInt8(value & 0x3F)
                    index += 3
                } else {
                    buffer[index] = 0xF0 | UInt8(value >> 18)
                    buffer[index + 1] = 0x80 | UInt8((value >> 12) & 0x3F)
                    buffer[index + 2] = 0x80 | UInt8((value >> 6) & 0x3F)
                    buffer[index + 3] = 0x80 | UInt8(value & 0x3F)
                    index += 4
                }
            }
            return index
        }
    }
}

extension String {
    /// How many Unicode scalars the string holds (`unicodeScalars.count`), counted on its UTF-8 as the bytes
    /// that do not continue a scalar, a word at a time (`UTF8Words.scalarCount`): one pass without decoding
    /// (the view's count decodes every scalar, 17 M instructions for checking the passages of 500 documents).
    public var unicodeScalarCount: Int {
        var text = self
        return text.withUTF8(UTF8Words.scalarCount)
    }
}

extension String {
    /// `Array(unicodeScalars)`, decoded from the string's UTF-8 into an array of the exact size.
    ///
    /// Why: `Array(text.unicodeScalars)` counts the scalars through the view (decoding each one) and then
    /// decodes them again through its iterator: 0.7 % of an import's time went to those two walks (perf, 10k
    /// corpus, session 28), for paragraphs, sentences, lines and words the importers and the analysis read by
    /// scalar offsets. Here the count is taken a machine word at a time (`UTF8Words.scalarCount`) and each
    /// scalar decoded once.
    ///
    /// ```swift
    /// "Київ 24".unicodeScalarArray == Array("Київ 24".unicodeScalars)   // true
    /// ```
    public var unicodeScalarArray: [Unicode.Scalar] {
        var text = self
        return text.withUTF8 { bytes in
            let count = UTF8Words.scalarCount(bytes)
            return [Unicode.Scalar](unsafeUninitializedCapacity: count) { scalars, initialized in
                var byte = 0
                var index = 0
                // Valid UTF-8 (a native string's): the lead byte says how many continuation bytes follow.
                while byte < bytes.count {
                    let (scalar, width) = UTF8Decoding.scalar(in: bytes, at: byte)
                    (scalars.baseAddress! + index).initialize(to: scalar)
                    byte += width
                    index += 1
                }
                initialized = index
            }
        }
    }
}
