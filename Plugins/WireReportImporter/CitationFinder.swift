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

    private static let outletPattern = try! NSRegularExpression(pattern:
        "\\b(" + outlets.sorted { $0.count > $1.count }.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
        + ")\\b|\\b((?:[A-Z][A-Za-z-]+ ){0,3}[A-Z][A-Za-z-]+) news agency\\b")

    /// Text one of which occurs in every sentence `outletPattern` matches.
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
        return sentences(of: paragraph).compactMap { sentence in
            // The pattern needs an outlet's name or "news agency" verbatim: most sentences have neither.
            guard ByteScan.containsAny(sentence.text, bytes: outletMarks) else { return nil }
            let ns = sentence.text as NSString
            guard let match = outletPattern.firstMatch(in: sentence.text, range: NSRange(location: 0, length: ns.length)) else {
                return nil
            }
            let outletRange = match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2)
            let outlet = ns.substring(with: outletRange)
            guard hasCue(sentence.text.quickLowercased(), outlet: outlet.quickLowercased()) else { return nil }
            return Citation(start: sentence.start, end: sentence.end, outlet: outlet)
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
        return cues.contains { ByteScan.contains(rest, $0) || ByteScan.contains(lowered, outlet + $0) }
    }

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

    /// Sentences with their scalar offsets; "Mr.", "Maj." and initials do not end a sentence.
    static func sentences(of text: String) -> [(text: String, start: Int, end: Int)] {
        let scalars = Array(text.unicodeScalars)
        var result: [(String, Int, Int)] = []
        var start = 0
        var i = 0
        func flush(_ end: Int) {
            var a = start, b = end
            while a < b, scalars[a].properties.isWhitespace { a += 1 }
            while b > a, scalars[b - 1].properties.isWhitespace { b -= 1 }
            if a < b { result.append((String(scalars: scalars[a..<b]), a, b)) }
            start = end
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < scalars.count, "\"”’)".unicodeScalars.contains(scalars[j]) { j += 1 }
                if j < scalars.count, scalars[j] == " ", j + 1 < scalars.count,
                   scalars[j + 1].properties.isUppercase || "\"“".unicodeScalars.contains(scalars[j + 1]) || scalars[j + 1].properties.numericType != nil {
                    var w = i
                    while w > start, scalars[w - 1].properties.isAlphabetic { w -= 1 }
                    let word = String(scalars: scalars[w..<i])
                    if c != "." || !(abbreviations.contains(word) || word.count == 1) { flush(j) }
                }
                i = j
                continue
            }
            i += 1
        }
        flush(scalars.count)
        return result
    }

    private static let abbreviations: Set<String> = ["Mr", "Mrs", "Ms", "Dr", "Gen", "Maj", "Col", "Lt", "St", "Sen", "Rep", "Prof", "No", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"]
}
