/// What `Character.isWhitespace`, `isLetter` and `isNumber` say of one character.
public struct CharacterClass: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let whitespace = CharacterClass(rawValue: 1)
    public static let letter = CharacterClass(rawValue: 2)
    public static let number = CharacterClass(rawValue: 4)

    /// The classes of a character made of this one scalar.
    @inlinable
    public init(of scalar: Unicode.Scalar) {
        let v = scalar.value
        if v < 0x80 {
            if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { self = .letter }
            else if v >= 0x30 && v <= 0x39 { self = .number }
            else if v == 0x20 || (v >= 0x09 && v <= 0x0D) { self = .whitespace }
            else { self = [] }
            return
        }
        // Cyrillic letters (not the thousands sign U+0482 or the combining marks after it): most of the text
        // Diglot reads that is not ASCII, answered without making a `Character` and asking Unicode's tables.
        if (v >= 0x400 && v <= 0x481) || (v >= 0x48A && v <= 0x4FF) { self = .letter; return }
        self.init(of: Character(scalar))
    }

    /// The classes of `character`, as its own properties give them.
    @inlinable
    public init(of character: Character) {
        var classes: CharacterClass = []
        if character.isWhitespace { classes.insert(.whitespace) }
        if character.isLetter { classes.insert(.letter) }
        if character.isNumber { classes.insert(.number) }
        self = classes
    }
}

extension String {
    /// Calls `body` with the classes of each character of the string, in order, until it returns false.
    ///
    /// Why: walking a `String` by `Character` finds every grapheme cluster's end, and each property then asks
    /// Unicode's tables: 300-400 instructions a character for quotations' words and quotes' letters on every
    /// page. A text whose every scalar stands alone (`isStandaloneInGraphemes`: no combining mark, no CR, no
    /// emoji) has one character per scalar, so it is walked by scalar, ASCII classified by its value.
    @inlinable
    public func forEachCharacterClass(_ body: (CharacterClass) -> Bool) {
        if unicodeScalars.allSatisfy(\.isStandaloneInGraphemes) {
            for scalar in unicodeScalars where !body(CharacterClass(of: scalar)) { return }
        } else {
            for character in self where !body(CharacterClass(of: character)) { return }
        }
    }
}
