extension StringProtocol {
    /// The same string as `lowercased()`, built faster for Latin and Cyrillic text.
    ///
    /// The standard library lowercases ASCII-only strings quickly, but one Cyrillic letter sends the whole
    /// string through a Unicode property lookup per scalar: lowercasing lines and page heads for format sniffing
    /// was 7 % of an import's parsing thread (callgrind, session 9). Here ASCII and the basic Cyrillic block
    /// (А–Я, Ѐ–Џ, and а–џ, which stay) are mapped by arithmetic and only other scalars look up their
    /// `lowercaseMapping`, which is what `lowercased()` does for every scalar.
    ///
    /// ```swift
    /// "ЗАГАЛЬНІ бойові Втрати".quickLowercased()   // "загальні бойові втрати"
    /// ```
    public func quickLowercased() -> String {
        let utf8 = self.utf8
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
            } else if value >= 0x400 && value <= 0x45F {
                // А…Я → а…я, Ѐ…Џ → ѐ…џ; а…џ are already lower case.
                let lowered = value >= 0x430 ? value : value >= 0x410 ? value + 0x20 : value + 0x50
                bytes.append(0xC0 | UInt8(lowered >> 6))
                bytes.append(0x80 | UInt8(lowered & 0x3F))
            } else {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                    UTF8.encode(lowered) { bytes.append($0) }
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
