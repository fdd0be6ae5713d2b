import DiglotModel
import Foundation
/// Numbers as bulletins write them: "1 020 010", "1020010", "1,020,010", with a space, a no-break space,
/// a thin or narrow no-break space, or a comma between groups of three digits.
///
/// ```swift
/// BulletinNumber.parse("1\u{2009}020\u{2009}010") // 1020010
/// BulletinNumber.scan("близько 36900 (+250) осіб").first?.value // 36900
/// ```
public enum BulletinNumber {
    /// Separators allowed between digit groups.
    static let groupSeparators: Set<Unicode.Scalar> = [" ", ",", "\u{00A0}", "\u{2009}", "\u{202F}", "\u{2007}", "\u{2008}", "'"]

    /// One number found in a text: its value and its scalar offsets (half-open).
    public struct Match: Equatable, Sendable {
        public var value: Int
        public var start: Int
        public var end: Int
    }

    /// The value of a text that is one number and nothing else; nil otherwise (and on overflow).
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces()
        let found = scan(trimmed)
        guard found.count == 1, found[0].start == 0, found[0].end == trimmed.unicodeScalars.count else { return nil }
        return found[0].value
    }

    /// Every number in `text`, left to right. A digit run followed by a separator and exactly three digits
    /// (not more) continues the same number; anything else ends it.
    public static func scan(_ text: String) -> [Match] {
        let scalars = text.unicodeScalarArray
        var matches: [Match] = []
        var i = 0
        while i < scalars.count {
            guard isDigit(scalars[i]), i == 0 || !isDigit(scalars[i - 1]) else { i += 1; continue }
            let start = i
            var digits = ""
            while i < scalars.count, isDigit(scalars[i]) { digits.unicodeScalars.append(scalars[i]); i += 1 }
            // Grouping only continues a run of at most three digits, as written numbers do ("36 900", not "36900 123").
            var groupLength = digits.count
            while groupLength <= 3, i + 3 < scalars.count, groupSeparators.contains(scalars[i]),
                  isDigit(scalars[i + 1]), isDigit(scalars[i + 2]), isDigit(scalars[i + 3]),
                  i + 4 >= scalars.count || !isDigit(scalars[i + 4]) {
                for k in 1...3 { digits.unicodeScalars.append(scalars[i + k]) }
                i += 4
                groupLength = 3
            }
            if let value = Int(digits) { matches.append(Match(value: value, start: start, end: i)) }
        }
        return matches
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
