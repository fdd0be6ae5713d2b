extension StringProtocol {
    /// The text without white space or line breaks at either end: what Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` returns, without its cost.
    ///
    /// Foundation bridges the text to an `NSString`, walks UTF-16 and builds the result back from UTF-16 units;
    /// importers trim every line, cell and feed field, and that conversion was 4 % of an import's parsing
    /// thread (callgrind, session 9). Here the ends are found on the scalars (ASCII by comparison, the rest by the
    /// Unicode `White_Space` property plus U+200B, which is the set Foundation's `whitespacesAndNewlines` holds
    /// on Linux, checked scalar by scalar in the tests), and the middle is copied as it is.
    ///
    /// ```swift
    /// "\u{00A0} Київ\n".trimmingWhitespace()   // "Київ"
    /// ```
    @inlinable
    public func trimmingWhitespace() -> String { trimmingScalars(where: Self.isTrimmedWhitespace) }

    /// The text without the scalars `isTrimmed` holds for at either end, the middle copied as it is: what
    /// Foundation's `trimmingCharacters(in:)` returns for a set of such scalars, without bridging to `NSString`.
    @inlinable
    public func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0) })!
        return String(self[first...last])
    }

    /// True for a scalar `trimmingWhitespace()` removes; ASCII without a property lookup.
    @inlinable
    static func isTrimmedWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        // Foundation (swift-corelibs) also trims the zero-width space, which is not `White_Space`.
        return value == 0x200B || scalar.properties.isWhitespace
    }

    /// The text without spaces and tabs at either end: what Foundation's `trimmingCharacters(in: .whitespaces)`
    /// returns (line breaks stay), without bridging the text to `NSString` (trimming each line of a plain-text
    /// wire copy that way was 51,000 instructions a copy).
    @inlinable
    public func trimmingSpaces() -> String { trimmingScalars(where: Self.isTrimmedSpace) }

    /// True for a scalar `trimmingSpaces()` removes: the space separators (`Zs`), the tab and, as Foundation
    /// on Linux has it, the zero-width space.
    @inlinable
    static func isTrimmedSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return value == 0x200B || scalar.properties.generalCategory == .spaceSeparator
    }
}
