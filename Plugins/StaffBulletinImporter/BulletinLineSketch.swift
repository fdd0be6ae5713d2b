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
        var inTag = false
        var previousWasDot = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if skippingTags, byte == 0x3C || byte == 0x3E {
                if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) { return false }
                inTag = byte == 0x3C
                i += 1
                continue
            }
            if inTag { i += 1; continue }
            if previousWasDot && (byte >= 0x30 && byte <= 0x39 || byte >= 0x80) { mayHoldDayMonth = true }
            previousWasDot = byte == 0x2E
            if byte >= 0x30 && byte <= 0x39 {
                hasDigit = true
            } else if !hasSeparator, byte == 0x3A || (!dashes[Int(byte)].isEmpty && Self.startsDash(bytes, at: i, among: dashes[Int(byte)])) {
                hasSeparator = true
            }
            i += 1
        }
        return true
    }

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
