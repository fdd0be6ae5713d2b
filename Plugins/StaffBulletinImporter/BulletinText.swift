import DiglotLexicon
import Foundation

/// Character classes of bulletin text: the dashes between a category and its figure, the spaces that
/// group digits, and the decorations (bullets, emoji) Telegram posts put in front of lines.
public enum BulletinText {
    /// Hyphen-minus, hyphen, figure dash ‒, en dash –, em dash —, horizontal bar, minus sign.
    public static let dashes: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}",
                                                     "\u{2015}", "\u{2212}"]

    /// Whether `scalar` is one of `dashes`, by value: the figure-line split and the list-dash check ask it of
    /// every scalar of a line they read, and hashing each into the set cost more than the rest of the split.
    @inline(__always)
    public static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x2D || (v >= 0x2010 && v <= 0x2015) || v == 0x2212
    }

    /// Space, no-break space, thin and narrow no-break spaces, figure space and the other Unicode spaces.
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        // Below U+2000 only these are White_Space; answering them directly spares a Unicode property lookup
        // for every letter of every line the importer and its detection read.
        if scalar.value < 0x2000 {
            return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)
                || scalar.value == 0x85 || scalar.value == 0xA0 || scalar.value == 0x1680
        }
        return scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
    }

    /// Spaces of every kind collapsed to one ASCII space, trimmed.
    ///
    /// ```swift
    /// BulletinText.collapsed("  танків\u{00A0}\u{00A0}‒ 1637 ") // "танків ‒ 1637"
    /// ```
    public static func collapsed(_ text: String) -> String {
        // Most lines are already collapsed (single ASCII spaces, none at either end): returned as they are,
        // without building a copy scalar by scalar.
        if isCollapsed(text) { return text }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    /// Whether `collapsed(text)` is `text`: every space a single U+0020 between two non-spaces.
    static func isCollapsed(_ text: String) -> Bool {
        var previousWasSpace = true  // a space at the start is not collapsed
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                if previousWasSpace || scalar != " " { return false }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        return !previousWasSpace || text.isEmpty
    }

    /// The line without leading bullets, emoji or list dashes ("• ", "🔥 ", "❗️", "- ", "▪️").
    public static func withoutDecoration(_ line: String) -> String {
        let scalars = line.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let isListDash = isDash(scalar) && (next == scalars.endIndex || isSpace(scalars[next]))
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "\"«(#".unicodeScalars.contains(scalar) {
                break
            }
            if !(isSpace(scalar) || isListDash || isDecoration(scalar)) { break }
            index = next
        }
        // Most lines start with their label: the line itself, not a copy of it.
        return index == scalars.startIndex ? line : String(scalars[index...])
    }

    static func isDecoration(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        return p.isEmoji && !(("0"..."9").contains(scalar)) || scalar.value == 0xFE0F || scalar.value == 0x200D
            || "•◦▪▫●○■□►▶➡→✅❗️⚡*·".unicodeScalars.contains(scalar)
            || p.generalCategory == .otherSymbol
    }

    /// Which alphabet a word is written in.
    public enum Script: Sendable, Equatable { case cyrillic, latin, other }

    /// The alphabet most of the letters of `text` belong to.
    ///
    /// Letters are told by `ScalarLetters.isAlphabetic` (ranges for the common scripts): asking Unicode's tables
    /// of each scalar was 50 M instructions of a 5,000-document import (session 29).
    public static func script(of text: String) -> Script {
        var cyrillic = 0, latin = 0
        for scalar in text.unicodeScalars where ScalarLetters.isAlphabetic(scalar) {
            if (0x0400...0x052F).contains(scalar.value) { cyrillic += 1 }
            else if scalar.isASCII || (0xC0...0x24F).contains(scalar.value) { latin += 1 }
        }
        if cyrillic == 0 && latin == 0 { return .other }
        return cyrillic >= latin ? .cyrillic : .latin
    }
}
