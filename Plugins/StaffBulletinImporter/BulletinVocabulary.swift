import Foundation
import DiglotLocales
import DiglotModel

/// The words of loss bulletins: category labels, qualifiers, unit words and month names, read once from
/// `Locales/data/staff-bulletin-*.tsv` so that a new spelling is a data change, not a code change.
///
/// ```swift
/// BulletinVocabulary.shared.category(forLabel: "кораблі /катери") // .warship
/// ```
public struct BulletinVocabulary: Sendable {
    /// Normalised label -> category.
    public let categories: [String: FigureCategory]
    /// Normalised qualifier phrase -> its English form.
    public let qualifiers: [String: String]
    /// Normalised phrases that carry no figure (unit words, "persons were liquidated").
    public let fillers: Set<String>
    /// Lower-case month name -> month number.
    public let months: [String: Int]

    /// The vocabulary bundled with Diglot.
    public static let shared = BulletinVocabulary(
        categoriesTSV: Locales.text(named: "staff-bulletin-categories.tsv") ?? "",
        wordsTSV: Locales.text(named: "staff-bulletin-words.tsv") ?? "",
        monthsTSV: Locales.text(named: "staff-bulletin-months.tsv") ?? "")

    /// Builds a vocabulary from the three TSV texts (comment lines start with `#`).
    public init(categoriesTSV: String, wordsTSV: String, monthsTSV: String) {
        var categories: [String: FigureCategory] = [:]
        for fields in Self.rows(categoriesTSV) where fields.count >= 3 {
            if let category = FigureCategory(rawValue: fields[0]) {
                categories[Self.normalizedLabel(fields[2])] = category
            }
        }
        var qualifiers: [String: String] = [:]
        var fillers = Set<String>()
        for fields in Self.rows(wordsTSV) where fields.count >= 3 {
            let phrase = Self.normalizedWords(fields[1]).joined(separator: " ")
            if fields[0] == "qualifier" { qualifiers[phrase] = fields[2] } else if fields[0] == "filler" { fillers.insert(phrase) }
        }
        var months: [String: Int] = [:]
        for fields in Self.rows(monthsTSV) where fields.count >= 2 {
            if let number = Int(fields[1]) { months[fields[0].quickLowercased()] = number }
        }
        self.categories = categories
        self.qualifiers = qualifiers
        self.fillers = fillers
        self.months = months
    }

    /// The canonical category a figure line's label names, or nil when the vocabulary does not know it.
    public func category(forLabel label: String) -> FigureCategory? {
        categories[Self.normalizedLabel(label)]
    }

    /// Lower case, quotes, hashtags and emoji removed, apostrophes unified, no spaces around `/`, single
    /// spaces, no trailing punctuation: the form labels are compared in.
    public static func normalizedLabel(_ label: String) -> String {
        // One pass over the scalars: runs of space become one, none is kept at either end or beside a "/".
        // (It used to split, join and call Foundation's replacingOccurrences twice: a tenth of detection.)
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in label.quickLowercased().unicodeScalars {
            var kept = scalar
            switch scalar {
            case "\"", "«", "»", "“", "”", "„", "#": continue
            case "’", "ʼ", "`", "‘": kept = "'"
            default:
                if BulletinText.isSpace(scalar) { pendingSpace = !scalars.isEmpty; continue }
                // Emoji_Presentation starts at U+231A: no need to ask the property tables below that.
                if scalar.value >= 0x2000 && (scalar.properties.isEmojiPresentation || scalar.value == 0xFE0F || scalar == "•") {
                    continue
                }
            }
            if kept == "/" {
                pendingSpace = false
            } else if pendingSpace {
                if scalars.last != "/" { scalars.append(" ") }
                pendingSpace = false
            }
            scalars.append(kept)
        }
        var text = String(scalars)
        while let last = text.last, ",.;:".contains(last) { text.removeLast() }
        return text.trimmingSpaces()
    }

    /// The words of a phrase, lower case, punctuation around them removed.
    public static func normalizedWords(_ text: String) -> [String] {
        text.quickLowercased().split(whereSeparator: { $0.unicodeScalars.allSatisfy(BulletinText.isSpace) || $0 == "/" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:()!\"«»")) }
            .filter { !$0.isEmpty }
    }

    private static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingSpaces()
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            return line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingSpaces() }
        }
    }
}
