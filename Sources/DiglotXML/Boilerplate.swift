import DiglotModel
#if canImport(Glibc)
import Glibc  // memchr, without Foundation's String overloads in this file
#endif

/// Recognises page furniture that is not part of an article: by structure (navigation, forms, share bars,
/// cookie banners, newsletter boxes, related links) and by the phrases such blocks carry.
///
/// Structure catches most of it; the phrases catch what sites put in plain `<div>`s or what survives a
/// copy-paste as text ("Articles You May Like", "Leave a Reply"). Tests use `phrases` to prove that no
/// imported document keeps any of them.
///
/// ```swift
/// Boilerplate.isBoilerplate(element: node)              // <nav>, <div class="share-bar">…
/// Boilerplate.endsArticle("Articles You May Like")      // true: everything after is furniture
/// ```
public enum Boilerplate {
    /// Headings after which a page holds no more article text (recommendations, comment sections).
    public static let sectionEndings: [String] = [
        "Articles You May Like", "Products You May Like", "Leave a Reply", "Join our commenting forum",
        "You may also like", "More from this section", "Most read", "Most popular", "Related articles",
        "Related stories", "Recommended for you", "Comments",
    ]

    /// Phrases that mark a single block as furniture wherever it stands.
    public static let blockPhrases: [String] = [
        "Skip to main content", "Share This Article", "Share this story", "Share on Facebook", "Share on Twitter",
        "Subscribe to our newsletter", "Sign up to our", "Sign up for our", "We use cookies", "Accept all cookies",
        "Cookie settings", "Your email address will not be published", "Required fields are marked",
        "Join thought-provoking conversations", "Thank you for registering", "Please refresh the page",
        "Follow the Daily podcast", "Please use Chrome browser", "Read more:", "Read More @", "Click here to",
        "Download our app", "Post Comment", "Leave a comment", "Already a subscriber", "Support our journalism",
    ]

    /// Every phrase this remover acts on.
    public static var phrases: [String] { sectionEndings + blockPhrases }

    /// Whether a block whose text is `text` is a heading that ends the article ("Leave a Reply").
    public static func endsArticle(_ text: String) -> Bool {
        // Most blocks begin with a letter no ending begins with: they are not folded at all (folding every
        // block's first 60 characters was 1.3 % of an import, callgrind, session 22).
        guard mayBeginAnEnding(text) else { return false }
        // A heading of more than 60 characters ends nothing: folding stops there.
        guard let folded = fold(text, atMost: 60) else { return false }
        return foldedEndings.contains { folded == $0.whole || folded.hasPrefix($0.followed) }
    }

    /// Whether a short block carries a furniture phrase ("Share This Article", "We use cookies …").
    public static func isBoilerplate(text: String) -> Bool {
        // Lowercasing keeps the number of characters, so a long block is refused before it is lowercased (and
        // counting stops at the 401st character).
        guard TextLength.hasAtMost(400, charactersIn: text) else { return false }
        if endsArticle(text) { return true }
        return blockPhraseSearch.occurs(in: text)
    }

    /// The first bytes of the folded endings (all ASCII), by byte.
    private static let endingInitials: [Bool] = {
        var initials = [Bool](repeating: false, count: 128)
        for (whole, _) in foldedEndings { if let first = whole.utf8.first, first < 0x80 { initials[Int(first)] = true } }
        return initials
    }()

    /// False when `fold(text)` cannot begin with an ending: the first scalar it would keep is an ASCII letter
    /// or digit no ending begins with, or a letter outside ASCII whose lowercase is not ASCII either.
    ///
    /// Anything `fold` treats specially (a scalar that may join another, U+0130 and U+212A, whose lowercase is
    /// ASCII) answers true, and `fold` decides: the answer is never false where `endsArticle` would be true.
    static func mayBeginAnEnding(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let lower = value | 0x20
                if lower >= 0x61 && lower <= 0x7A { return endingInitials[Int(lower)] }
                if value >= 0x30 && value <= 0x39 { return endingInitials[Int(value)] }
                continue   // a separator to `fold`
            }
            if value == 0x130 || value == 0x212A { return true }
            // A scalar that may join another sends `fold` the character way.
            guard scalar.isStandaloneInGraphemes else { return true }
            // Its lowercase is a letter outside ASCII (kept first: no ending matches) or it is a separator.
            if scalar.properties.isAlphabetic { return false }
        }
        return true
    }

    /// `sectionEndings` folded once, alone and with the space a longer heading continues them with.
    private static let foldedEndings: [(whole: String, followed: String)] = sectionEndings.map {
        (fold($0), fold($0) + " ")
    }
    /// `blockPhrases`, prepared for one-pass search.
    private static let blockPhraseSearch = PhraseSearch(blockPhrases)
    /// `furnitureWords`, prepared for one-pass search of class and id attributes (splitting every element's
    /// classes into lowercased words and searching each for every furniture word was 119 M instructions of a
    /// 5,000-document import, session 29).
    private static let furnitureWordSearch = PhraseSearch(furnitureWords)

    /// Whether an element is page furniture by its structure: its tag, ARIA role, or class and id words.
    public static func isBoilerplate(element node: MarkupNode) -> Bool {
        let name = node.name.lowercased()
        if furnitureElements.contains(name) { return true }
        if name == "header", !node.hasAncestor(named: ["article", "main"]) { return true }
        if let role = node.attribute("role")?.lowercased(), furnitureRoles.contains(role) { return true }
        if node.attribute("aria-hidden") == "true" { return true }
        // A furniture word holds no whitespace, so it is in one of the class words exactly when it is in the
        // attribute itself: the attribute is searched whole, without splitting and lowercasing its words.
        if let classes = node.attribute("class"), furnitureWordSearch.occurs(in: classes) { return true }
        if let id = node.attribute("id"), furnitureWordSearch.occurs(in: id) { return true }
        return false
    }

    static let furnitureElements: Set<String> = [
        "nav", "footer", "aside", "form", "script", "style", "noscript", "iframe", "button", "select", "textarea",
        "template", "svg", "menu", "dialog",
    ]
    static let furnitureRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
    ]
    static let furnitureWords: [String] = [
        "cookie", "consent", "newsletter", "subscribe", "signup", "sign-up", "share", "social", "related",
        "comment", "promo", "advert", "sidebar", "breadcrumb", "menu", "navbar", "site-nav", "footer",
        "recommend", "most-read", "popular", "paywall", "skip-link", "outbrain", "taboola", "you-may-like",
    ]

    /// Lowercased, letters, digits and single spaces only: "Leave a Reply:" → "leave a reply".
    ///
    /// Text whose kept letters all stand alone as characters (Latin, Cyrillic: no combining marks among
    /// them) is folded scalar by scalar; anything else goes through characters, where a combining letter
    /// may join the space before it.
    static func fold(_ text: String) -> String {
        fold(text, atMost: .max) ?? ""
    }

    /// `fold(text)`, or nil when it is longer than `limit` characters: the walk stops there, so a long block
    /// costs no more than a heading. Capitals are lowercased scalar by scalar (`Unicode.Scalar.quickLowercase`: ASCII and basic Cyrillic by
    /// arithmetic), which is what `String.lowercased()` does, without lowercasing the rest of the text.
    static func fold(_ text: String, atMost limit: Int) -> String? {
        var folding = Folding(limit: limit)
        scalars: for scalar in text.unicodeScalars {
            if let lowered = scalar.quickLowercase {
                guard folding.take(lowered) else { break scalars }
            } else {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars where !folding.take(lowered) { break scalars }
            }
        }
        if folding.combines {
            let byCharacter = foldByCharacter(text)
            return byCharacter.count <= limit ? byCharacter : nil
        }
        return folding.count <= limit ? String(decoding: folding.folded, as: UTF8.self) : nil
    }

    /// The state of one `fold`: a struct, not locals captured by a nested function, which Swift boxes on the heap
    /// and checks for exclusive access at every use (a third of folding, about 200 instructions a scalar:
    /// callgrind, session 19).
    private struct Folding {
        let limit: Int
        var folded: [UInt8] = []
        var count = 0
        var pendingSpace = false
        var combines = false

        init(limit: Int) { self.limit = limit }

        /// Takes one lowercased scalar; false when folding stops (past the limit, or a scalar that combines).
        mutating func take(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            guard v < 0x80 ? ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) || (v >= 0x30 && v <= 0x39)
                           : scalar.properties.isAlphabetic else {
                pendingSpace = true
                return true
            }
            guard v < 0x300 || (v >= 0x400 && v <= 0x52F && !(v >= 0x483 && v <= 0x489)) else {
                combines = true
                return false
            }
            if pendingSpace, count > 0 {
                folded.append(0x20)
                count += 1
            }
            pendingSpace = false
            UTF8.encode(scalar) { folded.append($0) }
            count += 1
            return count <= limit
        }
    }

    private static func foldByCharacter(_ text: String) -> String {
        let mapped = text.lowercased().unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : " " }
        return String(mapped).split(separator: " ").joined(separator: " ")
    }
}

extension MarkupNode {
    /// Whether an element above this one has one of `names`.
    func hasAncestor(named names: Set<String>) -> Bool {
        var current = parent
        while let node = current {
            if names.contains(node.name.lowercased()) { return true }
            current = node.parent
        }
        return false
    }
}

/// Whether a text holds any of a set of ASCII phrases, compared as `text.lowercased()` would compare them.
///
/// One pass over the text's bytes, ASCII letters folded on the fly: lowercasing every short block and searching
/// it once per phrase was a twentieth of parsing an article page (callgrind, session 9). Two non-ASCII letters
/// lowercase to an ASCII one (U+0130 İ to "i̇", U+212A KELVIN SIGN to "k"); text holding either goes the long
/// way, so the answer is always that of the lowercased text.
///
/// The pass skips (Wu and Manber's multi-pattern search): it looks at the last two bytes of a window as long as
/// the shortest phrase, and where no phrase's opening holds those two bytes, the window moves past them. The
/// block phrases are 10 to 40 bytes long, so most windows move 9 bytes after one look, where trying every
/// position was 10,000 instructions a block (1.5 % of a 5,000-document import, callgrind, session 29). Phrases
/// shorter than three bytes leave too little to skip by: such a set tries every position against the phrases
/// starting with its two bytes.
struct PhraseSearch: Sendable {
    /// The lowercased phrases as UTF-8.
    let phrases: [[UInt8]]
    /// The window: the length of the shortest phrase, at most 255 (a shift is one byte).
    private let window: Int
    /// For each pair of bytes (first << 8 | second), how far a window ending with it may move: how far that
    /// pair stands from the end of any phrase's first `window` bytes, `window - 1` when it is in none.
    private let shifts: [UInt8]
    /// The phrases whose first `window` bytes end with a pair, by pair: where a window's shift is 0.
    private let byClosingPair: [Int: [[UInt8]]]
    /// `phrases` grouped by their first byte, for sets with a phrase shorter than three bytes.
    private let byFirstByte: [[[UInt8]]]
    /// One bit per pair of bytes some phrase starts with (a one-byte phrase sets every pair its byte begins), for
    /// sets with a phrase shorter than three bytes.
    private let startingPairs: [UInt64]

    init(_ phrases: [String]) {
        self.phrases = phrases.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
        window = min(self.phrases.map(\.count).min() ?? 0, 255)
        var shifts = [UInt8](repeating: UInt8(max(window - 1, 0)), count: 65_536)
        var byClosingPair: [Int: [[UInt8]]] = [:]
        var groups = [[[UInt8]]](repeating: [], count: 256)
        var pairs = [UInt64](repeating: 0, count: 65_536 / 64)
        for phrase in self.phrases {
            if window >= 3 {
                for end in 2...window {
                    let pair = Int(phrase[end - 2]) << 8 | Int(phrase[end - 1])
                    shifts[pair] = min(shifts[pair], UInt8(window - end))
                }
                byClosingPair[Int(phrase[window - 2]) << 8 | Int(phrase[window - 1]), default: []].append(phrase)
            }
            groups[Int(phrase[0])].append(phrase)
            let seconds: [Int] = phrase.count > 1 ? [Int(phrase[1])] : Array(0..<256)
            for second in seconds {
                let pair = Int(phrase[0]) << 8 | second
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        self.shifts = shifts
        self.byClosingPair = byClosingPair
        byFirstByte = groups
        startingPairs = pairs
    }

    /// Whether `text`, lowercased, contains one of the phrases.
    func occurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if Self.mayLowercaseIntoASCII(bytes) {
                let lowered = String(decoding: bytes, as: UTF8.self).lowercased()
                return phrases.contains { UTF8Search.contains(lowered, $0) }
            }
            return window >= 3 ? occursSkipping(in: bytes) : occursTryingEveryPosition(in: bytes)
        }
    }

    /// The skipping search over bytes that lowercase into ASCII only as ASCII capitals do.
    private func occursSkipping(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = window - 1
        while end < bytes.count {
            let pair = Int(Self.lowerASCII(bytes[end - 1])) << 8 | Int(Self.lowerASCII(bytes[end]))
            let shift = Int(shifts[pair])
            if shift > 0 {
                end += shift
                continue
            }
            let start = end - window + 1
            for phrase in byClosingPair[pair] ?? [] where start + phrase.count <= bytes.count {
                if matches(phrase, in: bytes, at: start) { return true }
            }
            end += 1
        }
        return false
    }

    /// Every position tried against the phrases that start with its two bytes: for sets with a short phrase.
    private func occursTryingEveryPosition(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for start in bytes.indices {
            let first = Int(Self.lowerASCII(bytes[start]))
            // The byte after the last counts as 0, which no phrase holds: a one-byte phrase set its pair.
            let pair = first << 8 | (start + 1 < bytes.count ? Int(Self.lowerASCII(bytes[start + 1])) : 0)
            guard startingPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
            for phrase in byFirstByte[first] where start + phrase.count <= bytes.count {
                if matches(phrase, in: bytes, at: start) { return true }
            }
        }
        return false
    }

    private func matches(_ phrase: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var offset = 0
        while offset < phrase.count, Self.lowerASCII(bytes[start + offset]) == phrase[offset] { offset += 1 }
        return offset == phrase.count
    }

    /// Whether the bytes hold U+0130 (C4 B0) or U+212A (E2 84 AA).
    ///
    /// Their lead bytes are found with `memchr`: comparing every byte with both was 1,750 instructions a block,
    /// more than half of what the skipping search then costs.
    private static func mayLowercaseIntoASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Search.find([0xC4, 0xB0], in: bytes) || UTF8Search.find([0xE2, 0x84, 0xAA], in: bytes)
    }

    private static func lowerASCII(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}

/// Literal substring search over UTF-8 bytes: the same answer as Foundation's `contains` without options
/// for these ASCII phrases, without bridging every block's text to `NSString`.
enum UTF8Search {
    static func contains(_ text: String, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        if let found = text.utf8.withContiguousStorageIfAvailable({ find(needle, in: $0) }) { return found }
        return Array(text.utf8).withUnsafeBufferPointer { find(needle, in: $0) }
    }

    /// Whether `needle` occurs in `bytes`, its first byte's candidates found with `memchr`.
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard let base = bytes.baseAddress, bytes.count >= needle.count else { return false }
        var start = 0
        let last = bytes.count - needle.count
        while start <= last, let hit = memchr(base + start, Int32(needle[0]), last - start + 1) {
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if (1..<needle.count).allSatisfy({ bytes[index + $0] == needle[$0] }) { return true }
            start = index + 1
        }
        return false
    }
}
