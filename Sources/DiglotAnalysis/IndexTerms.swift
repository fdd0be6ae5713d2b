/// The token scheme Diglot writes to its FTS5 index, three tiers at the same position:
///
/// - the **surface** form, folded: `танків` (lowercase, NFC, ґ→г, ё→е, apostrophe U+0027);
/// - **lemmas**, prefixed with `~`: `~танк` (Hunspell lemma, or the light stem for unknown words, or the
///   Snowball stem for English). A lemma equal to the surface form is not written again: queries look
///   for a lemma both as `~lemma` and as the plain surface form, which keeps the index small;
/// - **name keys**, prefixed with `#`: `#kharkiv`, for names (dictionary proper nouns, capitalised Latin
///   words, Cyrillic words no dictionary knows).
///
/// Surface forms hold only letters, digits and the apostrophe, so the prefixes never collide with them.
///
/// ```swift
/// IndexTerms.lemma("танк")   // "~танк"
/// ```
public enum IndexTerms {
    public static let lemmaPrefix: Character = "~"
    public static let namePrefix: Character = "#"

    public static func lemma(_ lemma: String) -> String { "~" + lemma }
    public static func name(_ key: String) -> String { "#" + key }

    /// True for a term carrying a tier prefix (a lemma or a name key), which query analysis passes verbatim.
    public static func isPrefixed(_ term: Substring) -> Bool {
        term.count > 1 && (term.first == lemmaPrefix || term.first == namePrefix)
    }

    /// Surface folding on top of `BasicAnalyzer.fold`: ґ→г (users type г), ё→е (Russian writers drop ё).
    public static func fold(_ spelling: String) -> String {
        guard spelling.unicodeScalars.contains(where: { $0 == "ґ" || $0 == "ё" }) else { return spelling }
        var folded = String.UnicodeScalarView()
        for scalar in spelling.unicodeScalars {
            folded.append(scalar == "ґ" ? "г" : scalar == "ё" ? "е" : scalar)
        }
        return String(folded)
    }
}
