import Foundation

/// A positional romanisation table read from `Locales/data/translit-*.tsv`.
///
/// Each row gives a lowercase Cyrillic sequence of one or two letters and its Latin rendering at the start of a
/// word, elsewhere, and at the end of a word. A `+` in a rendering splits it letter by letter
/// (`зг` → `z+gh`) so that each part takes the case of its own letter: `зГин` → `zGhyn`.
public struct RomanizationTable: Sendable {
    struct Rule: Sendable {
        var initial: [String]
        var medial: [String]
        var final: [String]
    }

    let file: String
    /// Rules by their lowercase sequence packed into one integer (first scalar << 21 | second scalar).
    private let rules: [UInt64: Rule]

    private static func packed(_ first: Unicode.Scalar, _ second: Unicode.Scalar?) -> UInt64 {
        UInt64(first.value) << 21 | UInt64(second?.value ?? 0)
    }

    private static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x0410...0x042F: return Unicode.Scalar(scalar.value + 0x20) ?? scalar
        case 0x0400...0x040F: return Unicode.Scalar(scalar.value + 0x50) ?? scalar
        case 0x0490: return "\u{0491}"
        default:
            guard scalar.properties.isUppercase else { return scalar }
            let mapped = scalar.properties.lowercaseMapping.unicodeScalars
            return mapped.count == 1 ? (mapped.first ?? scalar) : scalar
        }
    }

    /// Loads bundled table `name`.
    ///
    /// - Throws: `LexiconDataError` if the file is missing or a row is malformed.
    public init(named name: String) throws {
        try self.init(rows: TSVResource.rows(named: name, columns: 4), file: name)
    }

    init(rows: [TSVResource.Row], file: String) throws {
        var rules: [UInt64: Rule] = [:]
        for row in rows {
            let sequence = row.cells[0]
            let length = sequence.unicodeScalars.count
            guard (1...2).contains(length), sequence == sequence.lowercased() else {
                throw LexiconDataError(file: file, line: row.line,
                                       reason: "the sequence \"\(sequence)\" must be one or two lowercase letters")
            }
            func parts(_ cell: String) throws -> [String] {
                guard cell.contains("+") else { return [cell] }
                let split = cell.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
                guard split.count == length else {
                    throw LexiconDataError(file: file, line: row.line,
                                           reason: "\"\(cell)\" must have one part per letter of \"\(sequence)\"")
                }
                return split
            }
            let letters = Array(sequence.unicodeScalars)
            rules[Self.packed(letters[0], letters.count > 1 ? letters[1] : nil)] = Rule(initial: try parts(row.cells[1]), medial: try parts(row.cells[2]),
                                   final: try parts(row.cells[3]))
        }
        self.file = file
        self.rules = rules
    }

    /// Romanises `text`: Cyrillic letters by the table, everything else kept as it is.
    ///
    /// Apostrophes between two letters are dropped first (they only mark separate pronunciation), so the letter
    /// after one is not at the start of a word: `б’єш` → `biesh`. The result is NFC, so a stress mark kept from
    /// the input composes with its Latin letter (`Я́` → `YÁ`).
    public func romanize(_ text: String) -> String {
        let scalars = Self.droppingInnerApostrophes(Array(TextFolding.composed(text).unicodeScalars))
        var output = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            var matched = false
            for length in [2, 1] where i + length <= scalars.count {
                let key = Self.packed(Self.lowercase(scalars[i]), length == 2 ? Self.lowercase(scalars[i + 1]) : nil)
                guard let rule = rules[key] else { continue }
                let atStart = i == 0 || !TextFolding.isWordScalar(scalars[i - 1])
                let after = Self.skippingStress(scalars, from: i + length)
                let atEnd = after >= scalars.count || !TextFolding.isWordScalar(scalars[after])
                let parts = atStart ? rule.initial : (atEnd ? rule.final : rule.medial)
                for (k, part) in parts.enumerated() {
                    let letterIndex = parts.count == 1 ? i : i + k
                    output.append(contentsOf: Self.cased(part, like: scalars[letterIndex],
                                                         next: Self.skippingStress(scalars, from: letterIndex + (parts.count == 1 ? length : 1)),
                                                         in: scalars).unicodeScalars)
                }
                i += length
                matched = true
                break
            }
            if !matched {
                output.append(scalars[i])
                i += 1
            }
        }
        return TextFolding.composed(String(output))
    }

    /// `part` in the case of `letter`: an uppercase letter gives "Zh" before a lowercase letter, "ZH" otherwise.
    private static func cased(_ part: String, like letter: Unicode.Scalar, next: Int, in scalars: [Unicode.Scalar]) -> String {
        guard letter.properties.isUppercase else { return part }
        if part.count <= 1 { return part.uppercased() }
        let followedByLowercase = next < scalars.count && scalars[next].properties.isLowercase
        return followedByLowercase ? part.prefix(1).uppercased() + part.dropFirst() : part.uppercased()
    }

    private static func skippingStress(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
        var j = index
        while j < scalars.count, scalars[j] == "\u{0301}" { j += 1 }
        return j
    }

    private static let innerApostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}"]

    private static func droppingInnerApostrophes(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for (i, s) in scalars.enumerated() {
            if innerApostrophes.contains(s), i > 0, i + 1 < scalars.count,
               scalars[i - 1].properties.isAlphabetic, scalars[i + 1].properties.isAlphabetic {
                continue
            }
            result.append(s)
        }
        return result
    }
}
