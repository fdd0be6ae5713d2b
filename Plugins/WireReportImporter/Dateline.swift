import DiglotImporting
import DiglotModel
import Foundation

/// The place-and-agency lead of a wire report: "KYIV, March 2 (Reuters) -", "KYIV, Ukraine (AP) —",
/// "MOSCOW (AFP) -", or an agency-less "KYIV —".
struct Dateline: Equatable {
    /// As printed, without the dash: "KYIV, March 2 (Reuters)".
    var text: String
    /// "KYIV", "KYIV, Ukraine".
    var place: String
    /// "Reuters", "AP"; nil for an agency-less dateline.
    var agency: String?
    /// Scalar length of the lead in the paragraph, dash and spaces included.
    var length: Int

    static let agencies = [
        "Reuters", "AP", "Associated Press", "AFP", "Bloomberg", "UPI", "dpa", "DPA", "Interfax-Ukraine", "Interfax",
        "TASS", "RIA Novosti", "Ukrinform", "UNIAN", "Xinhua", "PA", "ANI", "Anadolu", "EFE", "ANSA", "Kyodo", "Yonhap",
    ]

    /// "(Reuters)", "(AP)"…: what every dateline with an agency contains.
    private static let agencyMarks = agencies.map { Array("(\($0))".utf8) }

    /// "(", "–" and "—": one of them is in every lead either pattern matches.
    private static let leadMarks = ["(", "\u{2013}", "\u{2014}"].map { Array($0.utf8) }

    /// The month abbreviations a dateline's date starts with, in the patterns' order (the hand matcher reads them
    /// too).
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
    private static let month = "(?:\(monthAbbreviations.joined(separator: "|")))[a-z]*\\.?\\s+\\d{1,2}"
    /// A capitalised place-name word: "KYIV", "Kyiv", "St.", "Kryvyi".
    private static let word = "[A-Z][A-Za-z.'\\-]*"
    private static let withAgency = try! NSRegularExpression(pattern:
        "^(\(word)(?: \(word)){0,3}(?:,\\s*\(word)(?: \(word)){0,2})?(?:,\\s*\(month))?)\\s*\\((\(agencies.joined(separator: "|")))\\)\\s*[-–—]+\\s*")
    private static let placeOnly = try! NSRegularExpression(pattern:
        "^([A-Z]{3,}(?:[ \\-][A-Z]{2,})*(?:,\\s*[A-Z][a-z]+)?(?:,\\s*\(month))?)\\s+[–—]+\\s+")

    /// The dateline opening `paragraph`, if it has one.
    ///
    /// Both patterns need the paragraph to open with an ASCII capital and to hold "(" (the agency) or an en or
    /// em dash (a place-only lead): a paragraph without them is not given to the patterns (about 18,000
    /// instructions a paragraph in ICU, where `DatelineMatcher` cannot decide).
    static func parse(_ paragraph: String) -> Dateline? {
        guard let first = paragraph.utf8.first, first >= 0x41 && first <= 0x5A,
              ByteScan.containsAny(paragraph, bytes: leadMarks) else { return nil }
        return matchingPatterns(paragraph)
    }

    /// The dateline the patterns find opening `paragraph`, without the byte checks `parse` makes first: matched
    /// by hand (`DatelineMatcher`) where the text allows it, by ICU otherwise.
    static func matchingPatterns(_ paragraph: String) -> Dateline? {
        switch DatelineMatcher.match(paragraph) {
        case let .matched(place, agency, length): return Dateline(place: place, agency: agency, length: length)
        case .noMatch: return nil
        case .undecided: return matchingRegularExpressions(paragraph)
        }
    }

    /// The dateline ICU's matcher finds with the two patterns: what `DatelineMatcher` must answer, and the answer
    /// for text it leaves undecided.
    static func matchingRegularExpressions(_ paragraph: String) -> Dateline? {
        let ns = paragraph as NSString
        let range = NSRange(location: 0, length: min(ns.length, 160))
        if let m = withAgency.firstMatch(in: paragraph, range: range) {
            return Dateline(place: ns.substring(with: m.range(at: 1)), agency: ns.substring(with: m.range(at: 2)),
                            length: ns.substring(with: m.range).unicodeScalars.count)
        }
        if let m = placeOnly.firstMatch(in: paragraph, range: range) {
            return Dateline(place: ns.substring(with: m.range(at: 1)), agency: nil,
                            length: ns.substring(with: m.range).unicodeScalars.count)
        }
        return nil
    }

    /// Whether some line of `text` opens with a dateline naming an agency: cheap detection.
    ///
    /// A dateline with an agency holds "(Agency)" literally, so text without any skips the line walk, and
    /// lines without "(" skip the pattern. Lines are split on the bytes (`ByteScan.forEachLine`, which also
    /// splits at CR LF: splitting the text as characters at "\n" walked every grapheme of the page and left a
    /// CR LF text one line).
    static func hasAgencyDateline(in text: String) -> Bool {
        guard ByteScan.containsAny(text, bytes: agencyMarks) else { return false }
        var found = false
        var lines = 0
        ByteScan.forEachLine(of: text) { line in
            lines += 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
            if let first = trimmed.first, first.isUppercase {
                let lead = trimmed.prefix(160)
                if lead.utf8.contains(0x28), parse(String(lead))?.agency != nil { found = true }
            }
            return !found && lines < 400
        }
        return found
    }
}

extension Dateline {
    /// A dateline from what a pattern matched: its place group, its agency group (nil for a place-only lead)
    /// and the match's length in scalars.
    init(place group: String, agency: String?, length: Int) {
        if let agency {
            let place = group.trimmingSpaces()
            self.init(text: "\(place) (\(agency))", place: Self.parts(of: place).prefix(2)
                        .filter { !$0.contains(where: \.isNumber) }.joined(separator: ", "),
                      agency: agency, length: length)
        } else {
            self.init(text: group, place: Self.parts(of: group)[0], agency: nil, length: length)
        }
    }

    /// `place.components(separatedBy: ", ")`. An ASCII place (every place the hand matcher finds) is cut at
    /// the bytes of ", ", where Foundation bridged it twice a dateline (35 M instructions of a 5,000-document
    /// import, session 29); in ASCII the two agree, a character being a byte.
    static func parts(of place: String) -> [String] {
        ByteScan.withBytes(place) { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return place.components(separatedBy: ", ") }
            var parts: [String] = []
            var start = 0
            var index = 0
            while index + 1 < bytes.count {
                if bytes[index] == 0x2C, bytes[index + 1] == 0x20 {
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    index += 2
                    start = index
                } else {
                    index += 1
                }
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return parts
        }
    }
}
