import DiglotImporting
import DiglotModel
import DiglotXML
import Foundation

/// Reads wire reports and their republications: article pages (furniture removed), plain-text copies,
/// IPTC NewsML-G2 items, RSS 2.0 and Atom feeds. Each report becomes a `wire-report` document with its
/// dateline, byline and agency, its quotes (with speakers) and the outlets it cites as passages.
///
/// ```swift
/// let batch = try WireReportImporter(configuration: .default).read(ImportInput(bytes: feed, fileName: "w.rss"))
/// ```
public struct WireReportImporter: Importer {
    public static let identifier = "wire-report"
    public static let summary = "Wire reports: article pages, plain-text copies, NewsML-G2, RSS and Atom feeds"
    public static let version = "1"
    public static let mediaTypes = ["application/vnd.iptc.g2.newsitem+xml", "application/rss+xml",
                                    "application/atom+xml", "text/html", "text/plain"]

    let configuration: ImporterConfiguration

    public init(configuration: ImporterConfiguration) { self.configuration = configuration }

    /// Above the generic article importer (≈0.3) when NewsML, a feed, a dateline or an agency marker is
    /// present; 0 for tweet embeds and General Staff bulletins, which have importers of their own.
    public static func confidence(for input: ImportInput) -> Double {
        let head = input.head(256 << 10)
        // A window of scalars, not characters: counting characters walks grapheme breaks.
        let start = ByteScan.scalarPrefix(head, 2048)
        if ByteScan.contains(start, "<newsItem") || ByteScan.contains(start, "<newsMessage") { return 0.95 }
        if ByteScan.contains(start, "<rss")
            || (ByteScan.contains(start, "<feed") && ByteScan.contains(start, "http://www.w3.org/2005/Atom")) {
            return 0.85
        }
        if ByteScan.contains(head, "twitter-tweet") || ByteScan.contains(head, "pic.twitter.com/") { return 0 }
        if ByteScan.contains(head, "бойові втрати") || ByteScan.contains(head, "combat losses of the enemy") { return 0 }
        let isHTML = ByteScan.containsIgnoringASCIICase(start, "<html") || ByteScan.containsIgnoringASCIICase(start, "<!doctype")
        let visible = isHTML ? tagsReplacedByNewlines(head) : head
        if Dateline.hasAgencyDateline(in: visible) { return 0.7 }
        let markers = ["(Reuters)", "(AP)", "(AFP)", "Reuters/", "REUTERS/", "AP Photo", "told TASS", "news agency"]
        if ByteScan.containsAny(visible, markers) { return 0.45 }
        return 0
    }

    /// `text` with every `<…>` (at least one character between the brackets) replaced by a line break, as
    /// the pattern `<[^>]+>` would, by bytes: both brackets are ASCII, so a tag never splits a character.
    static func tagsReplacedByNewlines(_ text: String) -> String {
        ByteScan.withBytes(text) { bytes in
            guard let firstOpen = bytes.firstIndex(of: 0x3C) else { return text }
            var out: [UInt8] = Array(bytes[..<firstOpen])
            out.reserveCapacity(bytes.count)
            var i = firstOpen
            while i < bytes.count {
                if bytes[i] == 0x3C, i + 1 < bytes.count, bytes[i + 1] != 0x3E {
                    guard let close = bytes[(i + 1)...].firstIndex(of: 0x3E) else {
                        out += bytes[i...]  // no ">" left: no later "<" closes either
                        break
                    }
                    out.append(0x0A)
                    i = close + 1
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// - Throws: `ImportError` naming the file: malformed XML (with libxml2's line and column), a feed with
    ///   no items, a page with no article body, input over the size limit.
    public func read(_ input: ImportInput) throws -> ImportBatch {
        guard input.bytes.count <= configuration.maximumInputBytes else {
            throw input.error("is \(input.bytes.count) bytes, over the \(configuration.maximumInputBytes)-byte limit")
        }
        let text = try input.text()
        // A window of scalars, found by bytes: the scalar view's `prefix` stepped through 2,048 scalars one
        // index at a time (53,000 instructions a report, callgrind, session 22).
        let start = ByteScan.scalarPrefix(text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }, 2048)
        let reports: [WireReport]
        if start.hasPrefix("<?xml") || Self.feedOrNewsMLRoots.contains(Self.firstElementName(start) ?? "") {
            let document = try xml(input)
            let rootName = document.root?.name ?? ""
            if rootName == "rss" || rootName == "feed" || rootName == "RDF" {
                reports = try FeedReader.read(document, input: input)
            } else if rootName == "newsItem" || rootName == "newsMessage" {
                reports = try NewsMLReader.read(document, input: input)
            } else {
                throw input.error("is XML with root <\(rootName)>, neither NewsML-G2 nor an RSS or Atom feed")
            }
        } else if start.hasPrefix("<") || ByteScan.containsIgnoringASCIICase(start, "<html") {
            let page: MarkupDocument
            do {
                page = try MarkupDocument.html(Data(text.utf8), fileName: input.fileName,
                                               limits: .init(maximumDepth: configuration.maximumNestingDepth))
            } catch let error as MarkupError {
                throw input.error(error.message, line: error.line, column: error.column)
            }
            reports = [try WireHTMLReader.read(page, input: input)]
        } else {
            reports = [try WirePlainTextReader.read(text, input: input)]
        }
        var batch = ImportBatch()
        var seen = Set<DocumentID>()
        for report in reports {
            let (document, passages) = report.document(sourceID: input.sourceID)
            guard seen.insert(document.id).inserted else {
                batch.warnings.append("report \(report.naturalKey) appears twice; the second copy is skipped")
                continue
            }
            batch.documents.append(document)
            batch.passages += passages
        }
        return batch
    }

    /// Root elements read as XML even without an XML declaration.
    static let feedOrNewsMLRoots: Set<String> = ["rss", "feed", "rdf:RDF", "newsItem", "newsMessage"]

    /// The name of the first element in `start`, past a DOCTYPE (with its internal subset), comments and
    /// processing instructions; nil when none begins there.
    ///
    /// Why not the first characters: an RSS 0.91 feed opens with Netscape's `<!DOCTYPE rss …>`, often with no
    /// XML declaration, and was read as an HTML page, its DTD's text becoming the report's.
    static func firstElementName(_ start: Substring) -> String? {
        switch ByteScan.withBytes(start, firstElementNameByBytes) {
        case .found(let name): return name
        case .absent: return nil
        case .undecided: return firstElementNameByCharacters(start)
        }
    }

    /// What the byte scan of `firstElementName` found.
    enum ElementNameScan: Equatable {
        case found(String)
        /// No element begins in the window.
        case absent
        /// A non-ASCII scalar stands where it may join a `<`, a comment's dashes or a name into another
        /// character: only the character walk answers as before.
        case undecided
    }

    /// `firstElementName` over UTF-8 bytes: what the character walk finds wherever every scalar that matters is
    /// ASCII. Walking characters was 137,000 instructions a report (callgrind, session 22).
    static func firstElementNameByBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> ElementNameScan {
        func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        func isNameByte(_ byte: UInt8) -> Bool {
            isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x3A || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
        func matches(_ pattern: StaticString, at index: Int) -> Bool {
            guard index + pattern.utf8CodeUnitCount <= bytes.count else { return false }
            return (0..<pattern.utf8CodeUnitCount).allSatisfy { bytes[index + $0] == pattern.utf8Start[$0] }
        }
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x3C else { index += 1; continue }
            // A scalar before `<` could be a prepended mark, making the two one character.
            if index > 0 && bytes[index - 1] >= 0x80 { return .undecided }
            index += 1
            if matches("!--", at: index) {
                if index + 3 < bytes.count && bytes[index + 3] >= 0x80 { return .undecided }
                // Searched from the "!", as the character walk searches: "<!-->" is a whole comment to it.
                var end = index
                while end < bytes.count && !matches("-->", at: end) { end += 1 }
                guard end < bytes.count else { return .absent }
                if bytes[end - 1] >= 0x80 || (end + 3 < bytes.count && bytes[end + 3] >= 0x80) { return .undecided }
                index = end + 3
                continue
            }
            guard index < bytes.count, isASCIILetter(bytes[index]) else { continue }
            var end = index
            while end < bytes.count && isNameByte(bytes[end]) { end += 1 }
            // A letter, a digit or a mark outside ASCII would continue the name as characters.
            if end < bytes.count && bytes[end] >= 0x80 { return .undecided }
            return .found(String(decoding: UnsafeBufferPointer(rebasing: bytes[index ..< end]), as: UTF8.self))
        }
        return .absent
    }

    /// `firstElementName` by characters, for the inputs the byte scan leaves undecided.
    static func firstElementNameByCharacters(_ start: Substring) -> String? {
        var rest = start[...]
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("!--") {
                guard let end = rest.range(of: "-->") else { return nil }
                rest = rest[end.upperBound...]
                continue
            }
            guard let first = rest.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { continue }
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == ":" || $0 == "-" || $0 == "_" || $0 == "." }
            return String(name)
        }
        return nil
    }

    private func xml(_ input: ImportInput) throws -> MarkupDocument {
        do {
            return try MarkupDocument.xml(input.bytes, fileName: input.fileName,
                                          limits: .init(maximumDepth: configuration.maximumNestingDepth,
                                                        maximumEntityExpansion: configuration.maximumEntityExpansion))
        } catch let error as MarkupError {
            throw input.error(error.message, line: error.line, column: error.column)
        }
    }
}
