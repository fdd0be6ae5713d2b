import DiglotModel
import Foundation

/// One figure line, read: `танків ‒ 1637 (+35) од,` is label `танків`, total 1637, delta 35.
public struct FigureLineReading: Equatable, Sendable {
    /// The text before the separating dash, spaces collapsed.
    public var label: String
    /// The text after the separating dash.
    public var valueText: String
    /// The cumulative figure; nil only when the line states a delta and no total (`vehicles ‒ (+2).`).
    public var total: Int?
    /// The stated change, nil when the line states none; never inferred.
    public var delta: Int?
    /// The hedge in English (`about`, `more than`, `approximately`), whatever the line's language.
    public var qualifier: String?
    /// Words of the value part that are neither qualifiers nor unit words, for a warning.
    public var unknownWords: [String]
}

/// Reads figure lines: the label, the dash (‒ – — - or a colon), the total with its qualifier and unit
/// words, and the delta in parentheses ("(+1 070)", "(+0)", "(-3)") when there is one.
///
/// ```swift
/// let reading = try FigureLineParser.read("особового складу - близько 36900 (+250) осіб ліквідовано,")
/// // reading.total == 36900, reading.delta == 250, reading.qualifier == "about"
/// ```
public enum FigureLineParser {
    /// Why a line shaped like a figure line gives no figure.
    public enum Problem: Error, Equatable, Sendable {
        /// Nothing after the dash is a number ("танків ‒ багато").
        case noNumber(String)
        /// More than one number where one total belongs.
        case severalNumbers([Int])
    }

    /// The label and value of a line shaped `label <dash> value`; nil when the line has no separator.
    ///
    /// The separator is the first dash with a space on at least one side (so `БМ-21` and
    /// `оперативно-тактичного` stay inside the label), or failing that (when `allowColon`) the first colon.
    public static func split(_ line: String, allowColon: Bool = true) -> (label: String, value: String)? {
        let scalars = line.unicodeScalarArray
        for i in scalars.indices.dropFirst() where BulletinText.isDash(scalars[i]) {
            let spaced = BulletinText.isSpace(scalars[i - 1]) || (i + 1 < scalars.count && BulletinText.isSpace(scalars[i + 1]))
            guard spaced else { continue }
            let label = String(scalars: scalars[..<i])
            guard label.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { continue }
            return (BulletinText.collapsed(label), String(scalars: scalars[(i + 1)...]))
        }
        if allowColon, let colon = scalars.firstIndex(of: ":"), colon > 0 {
            let label = String(scalars: scalars[..<colon])
            let value = String(scalars: scalars[(colon + 1)...])
            if label.unicodeScalars.contains(where: { $0.properties.isAlphabetic }),
               value.unicodeScalars.contains(where: { BulletinNumber.isDigit($0) }) {
                return (BulletinText.collapsed(label), value)
            }
        }
        return nil
    }

    /// Reads a line; nil when it is not shaped like a figure line at all.
    /// - Throws: `Problem` when it is shaped like one but its value is not one number.
    public static func read(_ line: String, vocabulary: BulletinVocabulary = .shared) throws -> FigureLineReading? {
        guard let (label, value) = split(line) else { return nil }
        return try readValue(value, label: label, vocabulary: vocabulary)
    }

    /// Reads the value part of a figure line.
    /// - Throws: `Problem.noNumber` or `Problem.severalNumbers`.
    public static func readValue(_ value: String, label: String,
                                 vocabulary: BulletinVocabulary = .shared) throws -> FigureLineReading {
        var rest = value
        var delta: Int?
        let ns = value as NSString
        if let match = deltaPattern.firstMatch(in: value, range: NSRange(location: 0, length: ns.length)),
           let magnitude = BulletinNumber.parse(ns.substring(with: match.range(at: 2))) {
            let sign = ns.substring(with: match.range(at: 1))
            delta = sign.isEmpty || sign == "+" ? magnitude : -magnitude
            rest = ns.replacingCharacters(in: match.range, with: " ")
        }
        let numbers = BulletinNumber.scan(rest)
        guard numbers.count <= 1 else { throw Problem.severalNumbers(numbers.map(\.value)) }
        if numbers.isEmpty && delta == nil { throw Problem.noNumber(BulletinText.collapsed(value)) }
        var words = rest
        if let number = numbers.first {
            words = rest.scalarRangeReplaced(number.start, number.end, with: " ")
        }
        let (qualifier, unknown) = classify(BulletinVocabulary.normalizedWords(words), vocabulary: vocabulary)
        return FigureLineReading(label: label, valueText: BulletinText.collapsed(value), total: numbers.first?.value,
                                 delta: delta, qualifier: qualifier, unknownWords: unknown)
    }

    /// `(+250)`, `( +1 070 )`, `(-3)`, `(+0)`: a sign, then a number, in parentheses.
    static let deltaPattern = try! NSRegularExpression(
        pattern: "\\(\\s*([+\\-\\u2012\\u2013\\u2014\\u2212]?)\\s*([0-9][0-9 \\u00A0\\u2009\\u202F,]*[0-9]|[0-9])\\s*\\)")

    /// Splits words into the qualifier (first one found), known filler, and the rest.
    static func classify(_ words: [String], vocabulary: BulletinVocabulary) -> (String?, [String]) {
        var qualifier: String?
        var unknown: [String] = []
        var i = 0
        outer: while i < words.count {
            for length in stride(from: min(3, words.count - i), through: 1, by: -1) {
                let phrase = words[i..<(i + length)].joined(separator: " ")
                if let english = vocabulary.qualifiers[phrase] {
                    if qualifier == nil { qualifier = english }
                    i += length
                    continue outer
                }
                if vocabulary.fillers.contains(phrase) { i += length; continue outer }
            }
            if words[i].unicodeScalars.contains(where: { $0.properties.isAlphabetic || BulletinNumber.isDigit($0) }) {
                unknown.append(words[i])
            }
            i += 1
        }
        return (qualifier, unknown)
    }
}

extension String {
    /// The string with scalar offsets `start..<end` replaced.
    func scalarRangeReplaced(_ start: Int, _ end: Int, with replacement: String) -> String {
        var scalars = Array(unicodeScalars)
        scalars.replaceSubrange(start..<end, with: Array(replacement.unicodeScalars))
        return String(scalars: scalars)
    }
}
