/// A number found in text, with its value after normalisation.
public struct NumberMention: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// A whole number ("1 020 010", "(+1 070)", "2 млн").
        case cardinal
        /// A number with a fractional part that no scale word made whole ("3.5 km").
        case decimal
        /// A day and month written with a dot ("24.02", "08.07.2022"): `value` is the day, `month` the month.
        case date
        /// A clock time ("06:00"): `value` is the hour.
        case time
    }

    public var value: Double
    public var kind: Kind
    /// The text it was read from, scale word included ("1,5 тис.").
    public var text: String
    public var range: Range<String.Index>
    /// For a `.date`, the month (1...12) and, when written, the year.
    public var month: Int?
    public var year: Int?
    /// True for a number written as a word ("fifty"); only `NumberNormalizer.numbers(in:includingWords:)` finds them.
    public var isSpelledOut = false

    /// The value as an integer when it is whole.
    public var intValue: Int? {
        guard value.rounded() == value, abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }

    /// True for counts and amounts (the numbers fidelity checks compare), false for dates and times.
    public var isQuantity: Bool { kind == .cardinal || kind == .decimal }
}
