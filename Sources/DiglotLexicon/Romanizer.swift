import Foundation

/// Romanises Ukrainian and Russian text with the tables bundled in `Locales/data`.
///
/// ```swift
/// Romanizer.ukrainian("Згорани, Їжакевич")   // "Zghorany, Yizhakevych"
/// Romanizer.russian("Харьков")               // "Kharkov"
/// ```
public enum Romanizer {
    /// The Ukrainian national romanisation (Cabinet of Ministers Resolution 55 of 2010).
    public static func ukrainian(_ text: String) -> String { ukrainianTable?.romanize(text) ?? text }

    /// Russian romanisation as English-language news spells names: BGN/PCGN simplified, without apostrophes.
    public static func russian(_ text: String) -> String { russianTable?.romanize(text) ?? text }

    /// Romanises by the letters present: Ukrainian when the text has і, ї, є or ґ, Russian when it has ы, э, ъ or ё,
    /// and otherwise Ukrainian (the archive's main language).
    public static func auto(_ text: String) -> String {
        guessesRussian(text) ? russian(text) : ukrainian(text)
    }

    static func guessesRussian(_ text: String) -> Bool {
        var russianSigns = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "і", "ї", "є", "ґ", "І", "Ї", "Є", "Ґ": return false
            case "ы", "э", "ъ", "ё", "Ы", "Э", "Ъ", "Ё": russianSigns = true
            default: continue
            }
        }
        return russianSigns
    }

    /// Why a table failed to load, if one did; nil when both loaded. Tests assert it is nil.
    public static let loadProblem: LexiconDataError? = {
        do {
            _ = try RomanizationTable(named: ukrainianTableName)
            _ = try RomanizationTable(named: russianTableName)
            return nil
        } catch let error as LexiconDataError { return error } catch {
            return LexiconDataError(file: ukrainianTableName, reason: "\(error)")
        }
    }()

    static let ukrainianTableName = "translit-uk-kmu55.tsv"
    static let russianTableName = "translit-ru-news.tsv"
    static let ukrainianTable: RomanizationTable? = try? RomanizationTable(named: ukrainianTableName)
    static let russianTable: RomanizationTable? = try? RomanizationTable(named: russianTableName)
}
