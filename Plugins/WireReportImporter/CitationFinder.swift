import DiglotModel
import DiglotImporting
import Foundation

/// Finds the sentences of a report that name an outlet it relies on ("… Al Jazeera reports", "told TASS news
/// agency", "Sky News has not been able to verify …").
///
/// An outlet alone is not a citation (a report may simply mention the BBC); it must come with a cue of
/// reporting or verifying in the same sentence.
enum CitationFinder {
    struct Citation: Equatable {
        var start: Int
        var end: Int
        var outlet: String
    }

    static let outlets = [
        "Al Jazeera", "TASS", "RIA Novosti", "Interfax-Ukraine", "Interfax", "Reuters", "Associated Press", "AP", "AFP",
        "Agence France-Presse", "BBC", "CNN", "Sky News", "The Guardian", "The Independent", "Ukrinform", "UNIAN",
        "Ukrainska Pravda", "Kyiv Independent", "Kyiv Post", "Meduza", "RBC", "Suspilne", "New York Times",
        "Washington Post", "Bloomberg", "Financial Times", "Al Arabiya", "CBS News", "NBC News", "ABC News",
        "Fox News", "Euronews", "Deutsche Welle", "France 24", "RT", "Izvestia", "Kommersant", "Novaya Gazeta",
        "Hromadske", "Xinhua", "dpa", "Ukrainian Pravda", "Radio Liberty", "Radio Free Europe",
    ]

    /// Text one of which occurs in every sentence naming an outlet (`OutletMatcher`).
    private static let outletMarks = (outlets + [" news agency"]).map { Array($0.utf8) }

    private static let cues = [
        "report", "told", "according to", "not been able to", "could not", "cannot", "verify", "cited", "citing",
        "quoted", "news agency", "in an interview", "via", "’s ", "'s ", "said", "says", "wrote", "published",
    ]

    /// Citations in a paragraph, by sentence; offsets are Unicode-scalar offsets.
    static func citations(in paragraph: String) -> [Citation] {
        // No mark has a sentence's end in it, so a paragraph without one has no sentence with one: most
        // paragraphs are then not split at all (splitting them was a third of finding citations).
        guard ByteScan.containsAny(paragraph, bytes: outletMarks) else { return [] }
        let scalars = paragraph.unicodeScalarArray
        return sentenceRanges(of: scalars).compactMap { range in
            // Only a sentence that names an outlet is made into text, to look for a cue.
            guard let outlet = OutletMatcher.firstOutlet(in: scalars[range]) else { return nil }
            let text = String(scalars: scalars[range])
            guard hasCue(text.quickLowercased(), outlet: outlet.quickLowercased()) else { return nil }
            return Citation(start: range.lowerBound, end: range.upperBound, outlet: outlet)
        }
    }

    /// Whether a cue occurs in the lowercased sentence outside the outlet's name, or right after it
    /// ("reuters’s ").
    ///
    /// Foundation's `contains` and `replacingOccurrences` compare by Unicode canonical equivalence, which only
    /// differs from comparing bytes where a combining mark could join a letter; a sentence without such
    /// scalars is searched by bytes (38 Foundation searches a cited sentence were a fortieth of an import).
    static func hasCue(_ lowered: String, outlet: String) -> Bool {
        guard lowered.unicodeScalars.allSatisfy(\.isStandaloneInGraphemes) else {
            let rest = lowered.replacingOccurrences(of: outlet, with: " ")
            return cues.contains(where: { rest.contains($0) || lowered.contains(outlet + $0) })
        }
        let rest = replacingBytes(of: outlet, in: lowered)
        if ByteScan.withBytes(rest, { rest in cueBytes.contains { ByteScan.firstOffset(of: $0, in: rest) != nil } }) {
            return true
        }
        // "outlet + cue" somewhere: a cue right after one of the outlet's occurrences. Found from the outlet's
        // occurrences with the cues' bytes made once, not by making and searching 19 strings a sentence.
        let outletBytes = Array(outlet.utf8)
        guard !outletBytes.isEmpty else { return cues.contains { ByteScan.contains(lowered, outlet + $0) } }
        return ByteScan.withBytes(lowered) { sentence in
            var start = 0
            while let at = ByteScan.firstOffset(of: outletBytes, in: sentence, from: start) {
                let after = sentence[(at + outletBytes.count)...]
                if cueBytes.contains(where: { after.starts(with: $0) }) { return true }
                start = at + 1
            }
            return false
        }
    }

    private static let cueBytes = cues.map { Array($0.utf8) }

    /// `text` with every occurrence of `needle`, left to right, replaced by a space.
    static func replacingBytes(of needle: String, in text: String) -> String {
        let pattern = Array(needle.utf8)
        let bytes = Array(text.utf8)
        guard !pattern.isEmpty else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == pattern[0], index + pattern.count <= bytes.count,
               bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                result.append(0x20)
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The sentences of a paragraph's scalars, as scalar ranges with whitespace trimmed off; "Mr.", "Maj." and
    /// initials do not end a sentence. Only ranges: `citations(in:)` makes text of a sentence naming an outlet.
    static func sentenceRanges(of scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        func flush(_ end: Int) {
            var a = start, b = end
            while a < b, isWhitespace(scalars[a]) { a += 1 }
            while b > a, isWhitespace(scalars[b - 1]) { b -= 1 }
            if a < b { result.append(a..<b) }
            start = end
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < scalars.count, isClosingMark(scalars[j]) { j += 1 }
                if j < scalars.count, scalars[j] == " ", j + 1 < scalars.count, opensSentence(scalars[j + 1]) {
                    var w = i
                    while w > start, isAlphabetic(scalars[w - 1]) { w -= 1 }
                    if c != "." || !isAbbreviationOrInitial(scalars[w..<i]) { flush(j) }
                }
                i = j
                continue
            }
            i += 1
        }
        flush(scalars.count)
        return result
    }

    /// `"`, `”`, `’` or `)`: marks that stay with the sentence they close.
    private static func isClosingMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x201D, 0x2019, 0x29: return true
        default: return false
        }
    }

    /// An uppercase letter, an opening quote or a number: what starts the next sentence.
    private static func opensSentence(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || v == 0x22 || (v >= 0x30 && v <= 0x39) }
        return s.properties.isUppercase || v == 0x201C || s.properties.numericType != nil
    }

    /// A listed abbreviation, or a single character (an initial).
    private static func isAbbreviationOrInitial(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        if word.count == 1 { return true }
        let text = String(scalars: word)
        return abbreviations.contains(text) || text.count == 1
    }

    /// `Unicode.Scalar.Properties.isWhitespace`, ASCII answered directly.
    private static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D) : s.properties.isWhitespace
    }

    /// `Unicode.Scalar.Properties.isAlphabetic`, ASCII answered directly.
    private static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A : s.properties.isAlphabetic
    }

    private static let abbreviations: Set<String> = ["Mr", "Mrs", "Ms", "Dr", "Gen", "Maj", "Col", "Lt", "St", "Sen", "Rep", "Prof", "No", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"]
}
