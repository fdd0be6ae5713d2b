/// Unicode scalars read straight from valid UTF-8 bytes (a Swift string's own storage).
///
/// Why: the word and number walks of pairing stepped `String.UnicodeScalarView`, whose index validation and
/// decoding cost about 80 instructions a scalar; most of what pairing reads is walked this way
/// (docs/performance.md, session 27). The walks keep byte offsets and make a `String.Index` only where a word or
/// number begins or ends (the UTF-8 view makes one from an offset in constant time). It lives in the model so that
/// `String.unicodeScalarArray`, which the importers' scalar walks use, decodes with the same code (session 28).
public enum UTF8Decoding {
    /// The scalar whose UTF-8 begins at `offset` of valid UTF-8 `bytes`, and how many bytes it takes.
    @inline(__always)
    public static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let lead = bytes[offset]
        let value: UInt32, width: Int
        if lead < 0x80 {
            return (Unicode.Scalar(lead), 1)
        } else if lead < 0xE0 {
            (value, width) = (UInt32(lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2)
        } else if lead < 0xF0 {
            (value, width) = (UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6
                              | UInt32(bytes[offset + 2] & 0x3F), 3)
        } else {
            (value, width) = (UInt32(lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
                              | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F), 4)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }
}
