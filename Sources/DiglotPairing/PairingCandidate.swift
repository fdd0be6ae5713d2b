import Foundation
import DiglotModel

/// A document as the pairing engine sees it: what it says, when, in which language, and what it links to.
///
/// The store builds these from archived documents; tests and the benchmark build them directly. The signature
/// (numbers, names, glossary terms, length) is computed once here, or supplied when the store kept it.
public struct PairingCandidate: Sendable, Hashable, Identifiable {
    public var id: DocumentID
    public var language: LanguageTag
    public var kind: DocumentKind
    public var published: PublishedDate?
    public var title: String?
    public var text: String
    /// Passage texts in order (figure lines, paragraphs); empty when the document has none.
    public var passages: [String]
    /// Where the document itself lives: its URL and, for a tweet, its status id, as link keys (`u:…`, `s:…`).
    public var ownLinks: Set<String>
    /// What the document links to or embeds (URLs in its text, embedded tweets), as link keys.
    public var outgoingLinks: Set<String>
    public var metadata: [String: String]
    public var figures: [Figure]
    public var signature: CandidateSignature

    /// Builds a candidate and computes its signature from `title` and `text` unless one is given.
    ///
    /// - Parameters:
    ///   - url: where the document is published (default `metadata["url"]`).
    ///   - statusID: the tweet's own status id (default `metadata["status_id"]`, or read from `url`).
    ///   - links: URLs the document links to or embeds besides those written in `text` (which are found here).
    public init(id: DocumentID, language: LanguageTag, kind: DocumentKind, published: PublishedDate?,
                title: String? = nil, text: String, passages: [String] = [], url: String? = nil,
                statusID: String? = nil, links: [String] = [], metadata: [String: String] = [:],
                figures: [Figure] = [], signature: CandidateSignature? = nil) {
        self.id = id
        self.language = language
        self.kind = kind
        self.published = published
        self.title = title
        self.text = text
        self.passages = passages
        var own = Set<String>()
        if let url = url ?? metadata["url"] {
            own.insert("u:" + LinkExtractor.normalized(url))
            if let status = LinkExtractor.statusID(in: url) { own.insert("s:" + status) }
        }
        if let status = statusID ?? metadata["status_id"] { own.insert("s:" + status) }
        var outgoing = Set<String>()
        for link in links + LinkExtractor.urls(in: text) {
            outgoing.insert("u:" + LinkExtractor.normalized(link))
            if let status = LinkExtractor.statusID(in: link) { outgoing.insert("s:" + status) }
        }
        self.ownLinks = own
        self.outgoingLinks = outgoing.subtracting(own)
        self.metadata = metadata
        self.figures = figures
        self.signature = signature ?? CandidateSignature(title: title, text: text, language: language)
    }

    /// True when one of the two links to the other (an article quoting a tweet by its URL, the same status).
    public func isExplicitlyLinked(to other: PairingCandidate) -> Bool {
        !ownLinks.isDisjoint(with: other.outgoingLinks) || !other.ownLinks.isDisjoint(with: outgoingLinks)
    }

    /// Days since 1970-01-01 (UTC) of the publication date; nil when undated.
    public var day: Int? { published.map { Self.dayNumber(of: $0.instant) } }

    static func dayNumber(of date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }
}

/// Finds URLs and tweet status ids in text.
enum LinkExtractor {
    static func urls(in text: String) -> [String] { urlRanges(in: text).map(\.url) }

    /// Each URL of `text` (an `http://` or `https://` run up to a space, quote, bracket or guillemet, without
    /// trailing `.,;:`) and where it stands.
    ///
    /// Why by bytes: the search for "http" went through Foundation (`range(of:)` makes the text UTF-16 at every
    /// call), 6.2 of the 57 G instructions of `diglot pair` over 10,000 documents (docs/performance.md, session
    /// 26). The text after each "http" is still read by `Character`, as before.
    static func urlRanges(in text: String) -> [(url: String, range: Range<String.Index>)] {
        var result: [(url: String, range: Range<String.Index>)] = []
        var searchStart = text.startIndex
        while let start = firstHTTP(in: text, from: searchStart) {
            var end = text.utf8.index(start, offsetBy: 4)
            while end < text.endIndex, !text[end].isWhitespace, !"\"'<>»)]".contains(text[end]) { end = text.index(after: end) }
            let candidate = String(text[start..<end]).trimmingCharacters(in: CharacterSet(charactersIn: ".,;:"))
            if candidate.hasPrefix("http://") || candidate.hasPrefix("https://") {
                result.append((candidate, start..<text.utf8.index(start, offsetBy: candidate.utf8.count)))
            }
            searchStart = end
        }
        return result
    }

    /// Where the next "http" begins at or after `start`, found in the UTF-8 bytes: read in place where the text
    /// has them contiguous (stepping the UTF-8 view's indices cost 0.9 of the 24 G instructions of `diglot pair`
    /// over 10,000 documents, session 27), else through the view.
    private static func firstHTTP(in text: String, from start: String.Index) -> String.Index? {
        let utf8 = text.utf8
        let from = utf8.distance(from: utf8.startIndex, to: start)
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var offset = from
            while offset + 4 <= bytes.count {
                if bytes[offset] == 0x68, bytes[offset + 1] == 0x74, bytes[offset + 2] == 0x74, bytes[offset + 3] == 0x70 {
                    return offset
                }
                offset += 1
            }
            return nil
        }
        if let found { return found.map { utf8.index(utf8.startIndex, offsetBy: $0) } }
        var index = start
        let last = utf8.count >= 4 ? utf8.index(utf8.endIndex, offsetBy: -3) : utf8.startIndex
        while index < last {
            if utf8[index] == 0x68 {
                let t1 = utf8.index(after: index), t2 = utf8.index(after: t1), p = utf8.index(after: t2)
                if utf8[t1] == 0x74, utf8[t2] == 0x74, utf8[p] == 0x70 { return index }
            }
            index = utf8.index(after: index)
        }
        return nil
    }

    /// `text` with every URL replaced by a space.
    static func removingURLs(from text: String) -> String {
        let found = urlRanges(in: text)
        guard !found.isEmpty else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var cursor = text.startIndex
        for (_, range) in found {
            result += text[cursor..<range.lowerBound]
            result += " "
            cursor = range.upperBound
        }
        result += text[cursor...]
        return result
    }

    /// The status id of a twitter.com or x.com status URL.
    static func statusID(in url: String) -> String? {
        guard url.contains("twitter.com/") || url.contains("x.com/"), let range = url.range(of: "/status/") else { return nil }
        let digits = url[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }

    /// Lower-case scheme and host, no `www.`, no query or fragment, no trailing slash: the form links are compared in.
    static func normalized(_ url: String) -> String {
        var u = url.lowercased()
        for prefix in ["https://", "http://"] where u.hasPrefix(prefix) { u.removeFirst(prefix.count) }
        if u.hasPrefix("www.") { u.removeFirst(4) }
        if let cut = u.firstIndex(where: { $0 == "?" || $0 == "#" }) { u = String(u[..<cut]) }
        while u.hasSuffix("/") { u.removeLast() }
        return u
    }
}
