import DiglotImporting

/// What detection must know of a line before it builds the line's text: whether, with its tags taken out
/// (as `StaffBulletinImporter.stripTags` takes them out), the line has an ASCII digit, a dash or colon, and a
/// "." followed by a digit or a non-ASCII byte. A figure line needs the first two, a loss header the third.
///
/// Why: detection asks every input whether it is a bulletin, line by line. Building each line's text without its
/// tags and scanning it three times through `String.UTF8View` (generic iteration, about 4,500 instructions a
/// call) was 1.2 G instructions of a 5,000-document import, 3.7 % of it; one pass over the line's bytes spares
/// that for every line that could be neither (callgrind, docs/performance.md "Session 16").
struct BulletinLineSketch: Equatable {
    var hasDigit = false
    var hasSeparator = false
    var mayHoldDayMonth = false

    /// Whether the line could be a figure line (`hasSeparator` and `hasDigit` hold of the stripped text).
    var mayBeFigureLine: Bool { hasDigit && hasSeparator }

    /// The sketch of a line, or nil when a bracket stands beside a non-ASCII byte: `stripTags` may then walk
    /// the line by character, and the caller reads the text as before.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var inTag = false
        var previousWasDot = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x3C || byte == 0x3E {
                if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) { return nil }
                inTag = byte == 0x3C
                i += 1
                continue
            }
            if inTag { i += 1; continue }
            if previousWasDot && (byte >= 0x30 && byte <= 0x39 || byte >= 0x80) { mayHoldDayMonth = true }
            previousWasDot = byte == 0x2E
            switch byte {
            case 0x30...0x39: hasDigit = true
            case 0x2D, 0x3A: hasSeparator = true
            case 0xE2:
                // U+2010 to U+2015 (E2 80 90-95) and the minus sign U+2212 (E2 88 92): the other dashes.
                if i + 2 < bytes.count,
                   (bytes[i + 1] == 0x80 && (0x90...0x95).contains(bytes[i + 2])) || (bytes[i + 1] == 0x88 && bytes[i + 2] == 0x92) {
                    hasSeparator = true
                }
            default: break
            }
            i += 1
        }
    }
}
