import DiglotImporting

/// What detection must know of a line before it looks closer: whether, with its tags taken out (as
/// `StaffBulletinImporter.stripTags` takes them out), the line has an ASCII digit, a separator (a colon or one of
/// `BulletinText.dashes`), and a "." followed by a digit or a non-ASCII byte. A figure line needs the first two,
/// a loss header the third.
///
/// Why: detection asks every input whether it is a bulletin, line by line. Building each line's text without its
/// tags and scanning it three times through `String.UTF8View` (generic iteration, about 4,500 instructions a
/// call) was 1.2 G instructions of a 5,000-document import, 3.7 % of it; one pass over the line's bytes spares
/// that for every line that could be neither (callgrind, docs/performance.md "Session 16").
struct BulletinLineSketch: Equatable {
    var hasDigit = false
    var hasSeparator = false
    var mayHoldDayMonth = false

    /// Whether the line could be a figure line.
    var mayBeFigureLine: Bool { hasDigit && hasSeparator }

    /// The sketch of a line as it stands in the page, tags read past; nil when a bracket stands beside a
    /// non-ASCII byte: `stripTags` may then walk the line by character, and the caller sketches its text.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard scan(bytes, skippingTags: true) else { return nil }
    }

    /// The sketch of a line's text, tags already taken out (a bracket left in it is text).
    init(text: String) {
        _ = ByteScan.withBytes(text) { scan($0, skippingTags: false) }
    }

    /// Fills the three answers from `bytes`; false (answers unfinished) when skipping tags meets a bracket beside
    /// a non-ASCII byte.
    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, skippingTags: Bool) -> Bool {
        let dashes = Self.dashesByFirstByte  // once, not once a byte
        return Self.byteKinds.withUnsafeBufferPointer { kinds in
            var inTag = false
            var previousWasDot = false
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                let kind = kinds[Int(byte)]
                if kind == 0 {
                    // No tag bracket, digit, dot, colon or dash starts here: only the day-month check can see it.
                    if !inTag {
                        if previousWasDot && byte >= 0x80 { mayHoldDayMonth = true }
                        previousWasDot = false
                    }
                    i += 1
                    continue
                }
                if skippingTags, kind & Self.tagBracket != 0 {
                    if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) { return false }
                    inTag = byte == 0x3C
                    i += 1
                    continue
                }
                if inTag { i += 1; continue }
                if previousWasDot && (kind & Self.digit != 0 || byte >= 0x80) { mayHoldDayMonth = true }
                previousWasDot = byte == 0x2E
                if kind & Self.digit != 0 {
                    hasDigit = true
                } else if !hasSeparator, kind & Self.separatorStart != 0,
                          byte == 0x3A || Self.startsDash(bytes, at: i, among: dashes[Int(byte)]) {
                    hasSeparator = true
                }
                i += 1
            }
            return true
        }
    }

    /// What a byte may be to `scan`, one table lookup a byte: most bytes of a page (letters, spaces, markup
    /// names) are none of these and are passed over at once.
    private static let digit: UInt8 = 1, separatorStart: UInt8 = 2, tagBracket: UInt8 = 4, dot: UInt8 = 8
    private static let byteKinds: [UInt8] = {
        var kinds = [UInt8](repeating: 0, count: 256)
        for byte in 0x30...0x39 { kinds[byte] |= digit }
        kinds[0x3A] |= separatorStart
        for (first, candidates) in dashesByFirstByte.enumerated() where !candidates.isEmpty { kinds[first] |= separatorStart }
        kinds[0x3C] |= tagBracket
        kinds[0x3E] |= tagBracket
        kinds[0x2E] |= dot
        return kinds
    }()

    /// `BulletinText.dashes` as UTF-8, grouped by first byte: a byte no dash starts with is passed over with one
    /// table lookup (every Cyrillic letter of a line is such a byte).
    private static let dashesByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for dash in BulletinText.dashes {
            let encoded = Array(String(dash).utf8)
            table[Int(encoded[0])].append(encoded)
        }
        return table
    }()

    private static func startsDash(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, among candidates: [[UInt8]]) -> Bool {
        candidates.contains { dash in
            i + dash.count <= bytes.count && dash.indices.allSatisfy { bytes[i + $0] == dash[$0] }
        }
    }
}
