import Foundation
import DiglotImporting
import DiglotModel

/// Reads General Staff loss bulletins in every form they circulate in: Telegram and Facebook text, saved
/// mil.gov.ua pages in Ukrainian and English, the 2024 bilingual lists and the early-2022 formats.
///
/// Each bulletin becomes a `staff-bulletin` document keyed `staff-bulletin:<language>:<date>` (the date
/// its figures run to), one `figure-line` passage per line of the list, and one `Figure` per category line.
/// The key deliberately ignores where the bulletin came from: the Telegram post and the mil.gov.ua page of
/// one day's Ukrainian bulletin are one document with two sources, as they are one publication. A
/// bilingual list gives two documents, paired (`bilingual-list`) line by line.
///
/// ```swift
/// let batch = try StaffBulletinImporter(configuration: .default)
///     .read(ImportInput(bytes: data, fileName: "2022-07-08.txt"))
/// batch.figures.first { $0.category == .tank }?.total // 1637
/// ```
public struct StaffBulletinImporter: Importer {
    public static let identifier = "staff-bulletin"
    public static let summary = "General Staff loss bulletins (Telegram text, mil.gov.ua pages, bilingual lists)"
    public static let version = "1"
    public static let mediaTypes = ["text/plain", "text/html"]

    let configuration: ImporterConfiguration
    let vocabulary: BulletinVocabulary

    public init(configuration: ImporterConfiguration) {
        self.configuration = configuration
        self.vocabulary = .shared
    }

    /// 0.95 when the input announces a loss list with a period ("втрати … з 24.02 по 08.07", "combat losses
    /// … from 24.02 to 12.04") and has figure lines or is a mil.gov.ua article page (whose generic "News"
    /// page it claims in order to report it as not a bulletin); 0.6 for a figure list without such a header
    /// and 0.5 for such a header without figure lines (it reads both, to report what is missing); 0
    /// otherwise, so articles go to the article importer.
    public static func confidence(for input: ImportInput) -> Double {
        let head = input.head(256 << 10)
        // Structured data (a Telegram export, API JSON, a feed, a TMX) may quote a bulletin inside it, but
        // reading it line by line would mix its syntax into the figures: its own importer routes the posts.
        let opening = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).prefix(5)
        if opening.hasPrefix("{") || opening.hasPrefix("[") || opening.hasPrefix("<?xml")
            || ["json", "jsonl", "xml", "tmx", "rss", "atom"].contains(input.fileExtension) {
            return 0
        }
        var hasHeader = false
        var figureLines = 0
        ByteScan.forEachLine(of: head) { line in
            // The line's bytes say whether either check can succeed before its text is built.
            let pageSketch = ByteScan.withBytes(line, BulletinLineSketch.init)
            if let sketch = pageSketch, !(figureLines < 2 && sketch.mayBeFigureLine), !(!hasHeader && sketch.mayHoldDayMonth) {
                return true
            }
            let text = stripTags(line)
            let sketch = pageSketch ?? BulletinLineSketch(text: text)
            if !hasHeader, sketch.mayHoldDayMonth { hasHeader = BulletinReader.isHeader(text) }
            if figureLines < 2, sketch.mayBeFigureLine, BulletinReader.isCategoryLine(text, vocabulary: .shared) {
                figureLines += 1
            }
            return !(hasHeader && figureLines >= 2)
        }
        if hasHeader && (figureLines >= 2 || ByteScan.contains(head, "aticle-content")) { return 0.95 }
        if figureLines >= 2 { return 0.6 }
        return hasHeader ? 0.5 : 0
    }

    /// - Throws: `ImportError` naming the file and line: a page that is not a bulletin, a list without
    ///   figure lines, a figure line without a number, a bulletin date that cannot be determined.
    public func read(_ input: ImportInput) throws -> ImportBatch {
        guard input.bytes.count <= configuration.maximumInputBytes else {
            throw input.error("the file is larger than the \(configuration.maximumInputBytes)-byte limit")
        }
        let lines: [SourceLine]
        let facts: PageFacts
        if Self.isHTML(input) {
            (lines, facts) = try BulletinPage.read(input, configuration: configuration)
        } else {
            let text = try input.text()
            lines = ByteScan.componentsSeparatedByNewlines(text).enumerated().map { SourceLine(text: $1, line: $0 + 1) }
            facts = PageFacts()
        }
        var reader = BulletinReader(fileName: input.fileName, vocabulary: vocabulary)
        let bulletins = try reader.read(lines, facts: facts)
        var batch: ImportBatch
        do {
            batch = try BulletinBatchBuilder.batch(for: bulletins)
        } catch let problem as BulletinPairing.Problem {
            throw input.error("the two halves of the bilingual list cannot be paired: \(problem)")
        }
        batch.warnings = reader.warnings
        return batch
    }

    static func isHTML(_ input: ImportInput) -> Bool {
        if ["html", "htm", "xhtml"].contains(input.fileExtension) { return true }
        if let type = input.declaredMediaType, type.contains("html") { return true }
        let head = input.head(2048)
        return ["<html", "<!doctype html", "<body"].contains { ByteScan.containsIgnoringASCIICase(head, $0) }
    }

    /// A line with HTML tags removed, for sniffing.
    ///
    /// Bytes are cut between `<` and `>` (both brackets dropped, as the character walk drops them). A bracket
    /// beside a scalar that may join it into a larger character (a combining mark after it, a prepended mark
    /// before it) sends the line the character-by-character way; beside a Cyrillic letter it does not (it did
    /// for any non-ASCII neighbour, which was every `<p>Київ` of a Ukrainian page: a fifth of detecting one).
    static func stripTags(_ line: Substring) -> String {
        let direct: String?? = ByteScan.withBytes(line) { bytes in
            guard bytes.contains(where: { $0 == 0x3C || $0 == 0x3E }) else { return .some(nil) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var inTag = false
            for (i, byte) in bytes.enumerated() {
                if byte == 0x3C || byte == 0x3E {
                    if i > 0, bytes[i - 1] >= 0x80,
                       ByteScan.scalar(endingBefore: i, in: bytes)?.isStandaloneInGraphemes != true { return nil }
                    if i + 1 < bytes.count, bytes[i + 1] >= 0x80,
                       ByteScan.scalar(startingAt: i + 1, in: bytes)?.isStandaloneInGraphemes != true { return nil }
                    inTag = byte == 0x3C
                } else if !inTag {
                    out.append(byte)
                }
            }
            return .some(String(decoding: out, as: UTF8.self))
        }
        switch direct {
        case .some(.some(let stripped)): return stripped
        case .some(.none): return String(line)
        case .none: return stripTagsByCharacter(String(line))
        }
    }

    private static func stripTagsByCharacter(_ line: String) -> String {
        var out = ""
        var inTag = false
        for ch in line {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { out.append(ch) }
        }
        return out
    }
}
