extension StringProtocol {
    /// The same string as `lowercased()`, built faster for Latin and Cyrillic text.
    ///
    /// The standard library lowercases ASCII-only strings quickly, but one Cyrillic letter sends the whole
    /// string through a Unicode property lookup per scalar: lowercasing lines and page heads for format sniffing
    /// was 7 % of an import's parsing thread (callgrind, session 9). Here each scalar goes through
    /// `Unicode.Scalar.quickLowercase`, which maps ASCII and basic Cyrillic by arithmetic.
    ///
    /// ```swift
    /// "ЗАГАЛЬНІ бойові Втрати".quickLowercased()   // "загальні бойові втрати"
    /// ```
    public func quickLowercased() -> String {
        if let lowered = utf8.withContiguousStorageIfAvailable(QuickLowercasing.lowercased(utf8:)) { return lowered }
        var native = String(self)
        return native.withUTF8(QuickLowercasing.lowercased(utf8:))
    }
}

/// `quickLowercased()` over the UTF-8 of a text.
///
/// Why on the bytes: the generic walk over `unicodeScalars` was not specialised for the callers in other
/// modules, so every scalar went through the iterator's witness table and every byte through `Array.append`
/// (2 M scalars, about 160 M instructions of a 5,000-document import by callgrind, session 29). Text whose every
/// scalar has a `quickLowercase` (ASCII, the basic Cyrillic block, caseless punctuation) lowercases byte for byte
/// into a string of the same length; any other scalar sends the text the scalar-by-scalar way, which gives the
/// same string.
enum QuickLowercasing {
    static func lowercased(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var sameLength = true
        let lowered = String(unsafeUninitializedCapacity: bytes.count) { output in
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte < 0x80 {
                    output[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    offset += 1
                    continue
                }
                let (scalar, width) = UTF8Decoding.scalar(in: bytes, at: offset)
                guard let lower = scalar.quickLowercase else {
                    sameLength = false
                    return 0
                }
                if lower == scalar {
                    for index in offset..<(offset + width) { output[index] = bytes[index] }
                } else {
                    // A Cyrillic capital: two bytes, as its lowercase.
                    output[offset] = UInt8(0xC0 | (lower.value >> 6))
                    output[offset + 1] = UInt8(0x80 | (lower.value & 0x3F))
                }
                offset += width
            }
            return bytes.count
        }
        return sameLength ? lowered : byScalar(bytes)
    }

    /// Each scalar's `quickLowercase`, or its `properties.lowercaseMapping` where that is nil.
    static func byScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var lowered = String.UnicodeScalarView()
        var offset = 0
        while offset < bytes.count {
            let (scalar, width) = UTF8Decoding.scalar(in: bytes, at: offset)
            if let lower = scalar.quickLowercase {
                lowered.append(lower)
            } else {
                lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
            offset += width
        }
        return String(lowered)
    }
}
