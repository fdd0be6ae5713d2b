import DiglotModel
import Foundation

/// Turns raw bytes into text, recognising the encodings real Ukrainian and Russian archives are full of.
///
/// Order: a BOM (UTF-8, UTF-16 LE/BE) wins; then valid UTF-8; then a declared charset (from an HTML meta tag
/// or XML declaration, passed in by the caller); then windows-1251 against KOI8-U, decided by which one
/// yields text made of frequent Cyrillic letters. Anything else is refused with a sentence naming the problem.
public enum TextDecoder {
    public enum Encoding: String, Sendable, Equatable {
        case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", windows1251 = "windows-1251", koi8u = "KOI8-U"
    }

    public struct Failure: Error, Sendable, CustomStringConvertible, Equatable {
        public var reason: String
        public var description: String { reason }
    }

    /// The decoded text and the encoding it was read as.
    public static func decode(_ data: Data, declaredCharset: String? = nil) throws -> (text: String, encoding: Encoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw Failure(reason: "the file starts with a UTF-8 byte-order mark but is not valid UTF-8")
            }
            return (text, .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return (try utf16(bytes.dropFirst(2), littleEndian: true), .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (try utf16(bytes.dropFirst(2), littleEndian: false), .utf16BE) }
        if let text = String(validating: bytes, as: UTF8.self) {
            // In valid UTF-8 a zero byte is U+0000 and nothing else: the bytes are searched, not the scalars
            // (walking every input's scalars for it was half of decoding one).
            if bytes.contains(0) {
                throw Failure(reason: "the text contains NUL bytes, which no text format allows")
            }
            return (text, .utf8)
        }
        if let declared = declaredCharset.flatMap(encoding(named:)), declared != .utf8 {
            return (singleByte(bytes, table: declared == .koi8u ? koi8u : windows1251), declared)
        }
        let nonASCII = bytes.filter { $0 >= 0x80 }
        guard !nonASCII.isEmpty, !bytes.contains(0) else {
            throw Failure(reason: "the bytes are neither UTF-8, UTF-16 nor a Cyrillic single-byte encoding (binary data?)")
        }
        let asCP1251 = singleByte(bytes, table: windows1251)
        let asKOI8 = singleByte(bytes, table: koi8u)
        let scoreCP = cyrillicPlausibility(asCP1251), scoreKOI = cyrillicPlausibility(asKOI8)
        guard max(scoreCP, scoreKOI) >= 0.6 else {
            throw Failure(reason: "the encoding is unknown: not UTF-8, and neither windows-1251 nor KOI8-U gives readable Cyrillic text")
        }
        return scoreCP >= scoreKOI ? (asCP1251, .windows1251) : (asKOI8, .koi8u)
    }

    /// Maps a charset label (`cp1251`, `windows-1251`, `koi8-u`, `koi8-r`, `utf-8`) to an encoding.
    public static func encoding(named label: String) -> Encoding? {
        switch label.lowercased().trimmingSpaces() {
        case "utf-8", "utf8": return .utf8
        case "windows-1251", "cp1251", "win-1251", "x-cp1251": return .windows1251
        case "koi8-u", "koi8-r", "koi8", "koi8-ru": return .koi8u
        default: return nil
        }
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) throws -> String {
        guard bytes.count % 2 == 0 else { throw Failure(reason: "UTF-16 text with an odd number of bytes (truncated?)") }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw Failure(reason: "the UTF-16 text has unpaired surrogates")
        }
        return text
    }

    private static func singleByte(_ bytes: [UInt8], table: [UInt16]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value: UInt32 = byte < 0x80 ? UInt32(byte) : UInt32(table[Int(byte) - 0x80])
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Share of non-ASCII characters that are lowercase Cyrillic letters in frequent positions: real text is
    /// mostly lowercase, and the wrong table turns it into uppercase and box-drawing characters.
    private static func cyrillicPlausibility(_ text: String) -> Double {
        var nonASCII = 0, good = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            nonASCII += 1
            if (0x0430...0x044F).contains(scalar.value) || [0x0456, 0x0457, 0x0454, 0x0491, 0x2019].contains(scalar.value) {
                good += 1
            }
        }
        return nonASCII == 0 ? 0 : Double(good) / Double(nonASCII)
    }

    /// windows-1251, bytes 0x80...0xFF.
    static let windows1251: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427, 0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
    ]

    /// KOI8-U, bytes 0x80...0xFF.
    static let koi8u: [UInt16] = [
        0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524, 0x252C, 0x2534, 0x253C, 0x2580, 0x2584, 0x2588, 0x258C, 0x2590,
        0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248, 0x2264, 0x2265, 0x00A0, 0x2321, 0x00B0, 0x00B2, 0x00B7, 0x00F7,
        0x2550, 0x2551, 0x2552, 0x0451, 0x0454, 0x2554, 0x0456, 0x0457, 0x2557, 0x2558, 0x2559, 0x255A, 0x255B, 0x0491, 0x255D, 0x255E,
        0x255F, 0x2560, 0x2561, 0x0401, 0x0404, 0x2563, 0x0406, 0x0407, 0x2566, 0x2567, 0x2568, 0x2569, 0x256A, 0x0490, 0x256C, 0x00A9,
        0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433, 0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E,
        0x043F, 0x044F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432, 0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A,
        0x042E, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413, 0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E,
        0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412, 0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A,
    ]
}
