/// Escaping for the XML that TMX and XLIFF are written in.
///
/// - `&`, `<`, `>` are always escaped (so `]]>` can never appear), and in attributes `"` and `'` too.
/// - Carriage returns are written `&#13;` and, in attributes, tabs and newlines `&#9;`/`&#10;`: an XML parser
///   normalises the literal characters away (line-end handling, attribute-value normalisation), the
///   references survive.
/// - Characters XML 1.0 forbids outright (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF) cannot
///   be written at all, not even as references. `replacement` decides what takes their place: TMX drops them
///   (it has no way to carry them), XLIFF writes its `<cp hex="…"/>` element.
enum XMLText {
    /// Element content.
    static func content(_ text: String, replacement: (Unicode.Scalar) -> String = { _ in "" }) -> String {
        var bytes: [UInt8] = []
        appendEscaped(text, inAttribute: false, replacement: replacement, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An attribute value written between double quotes.
    static func attribute(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendEscaped(text, inAttribute: true, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The escaping, appended to `output` as UTF-8; characters XML cannot carry get `replacement` (dropped by
    /// default, the TMX rule). It works on the UTF-8 bytes: every character it changes is ASCII or
    /// U+FFFE/U+FFFF (`EF BF BE`, `EF BF BF`), and a run of plain bytes is copied at once. Writing a TMX
    /// through new strings per segment was a tenth of an export; XMLTextTests holds this to a scalar-by-scalar
    /// reference of the rules above.
    static func appendEscaped(_ text: String, inAttribute: Bool,
                              replacement: (Unicode.Scalar) -> String = { _ in "" }, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var plainStart = 0
            var index = 0
            func flushPlain() {
                if index > plainStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<index])) }
            }
            while index < count {
                let byte = bytes[index]
                let escaped: StaticString
                var forbidden: Unicode.Scalar?
                var width = 1
                switch byte {
                case 0x26: escaped = "&amp;"
                case 0x3C: escaped = "&lt;"
                case 0x3E: escaped = "&gt;"
                case 0x0D: escaped = "&#13;"
                case 0x22 where inAttribute: escaped = "&quot;"
                case 0x27 where inAttribute: escaped = "&apos;"
                case 0x09 where inAttribute: escaped = "&#9;"
                case 0x0A where inAttribute: escaped = "&#10;"
                case 0x09, 0x0A: index += 1; continue
                case 0x00..<0x20:
                    escaped = ""
                    forbidden = Unicode.Scalar(byte)
                case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    escaped = ""
                    forbidden = bytes[index + 2] == 0xBE ? "\u{FFFE}" : "\u{FFFF}"
                    width = 3
                default: index += 1; continue
                }
                flushPlain()
                if let forbidden {
                    output.append(contentsOf: replacement(forbidden).utf8)
                } else {
                    output.append(contentsOf: UnsafeBufferPointer(start: escaped.utf8Start, count: escaped.utf8CodeUnitCount))
                }
                index += width
                plainStart = index
            }
            flushPlain()
        }
    }
}
