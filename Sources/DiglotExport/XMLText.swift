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
    /// Whether XML 1.0's `Char` production allows the scalar.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Element content.
    static func content(_ text: String, replacement: (Unicode.Scalar) -> String = { _ in "" }) -> String {
        escape(text, inAttribute: false, replacement: replacement)
    }

    /// An attribute value written between double quotes.
    static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true) { _ in "" }
    }

    private static func escape(_ text: String, inAttribute: Bool, replacement: (Unicode.Scalar) -> String) -> String {
        if text.unicodeScalars.allSatisfy({ isPlain($0) }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "\"" where inAttribute: out.append(contentsOf: "&quot;".unicodeScalars)
            case "'" where inAttribute: out.append(contentsOf: "&apos;".unicodeScalars)
            case "\t" where inAttribute: out.append(contentsOf: "&#9;".unicodeScalars)
            case "\n" where inAttribute: out.append(contentsOf: "&#10;".unicodeScalars)
            default:
                if isAllowed(scalar) { out.append(scalar) } else { out.append(contentsOf: replacement(scalar).unicodeScalars) }
            }
        }
        return String(out)
    }

    /// `content`/`attribute` with the TMX rule (characters XML cannot carry are dropped), appended to `output`
    /// as UTF-8. It works on the UTF-8 bytes: every character it changes is ASCII or U+FFFE/U+FFFF (`EF BF BE`,
    /// `EF BF BF`), and a run of plain bytes is copied at once. Writing a TMX through new strings per segment
    /// was a tenth of an export; the equivalence test in XMLTextTests holds it to `content`/`attribute`.
    static func appendEscaped(_ text: String, inAttribute: Bool, to output: inout [UInt8]) {
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
                let escaped: StaticString?
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
                case 0x00..<0x20: escaped = ""
                case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    escaped = ""
                    width = 3
                default: index += 1; continue
                }
                flushPlain()
                if let escaped, escaped.utf8CodeUnitCount > 0 {
                    output.append(contentsOf: UnsafeBufferPointer(start: escaped.utf8Start, count: escaped.utf8CodeUnitCount))
                }
                index += width
                plainStart = index
            }
            flushPlain()
        }
    }

    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'", "\r", "\t", "\n": return false
        default: return isAllowed(scalar)
        }
    }
}
