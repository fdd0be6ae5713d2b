import Foundation
import DiglotModel

/// Month names in Ukrainian, Russian and English in every case form and abbreviation, from `Locales/data/months.tsv`.
///
/// ```swift
/// MonthNames.month(from: "липня") == 7
/// MonthNames.month(from: "лип.") == 7
/// MonthNames.month(from: "June") == 6
/// ```
public enum MonthNames {
    public static let fileName = "months.tsv"

    private struct Table: Sendable {
        var monthByForm: [String: Int] = [:]
        var forms: [LanguageTag: [Int: [String]]] = [:]
    }

    private static func load() throws -> Table {
        var table = Table()
        for row in try TSVResource.rows(named: fileName, columns: 3) {
            guard let month = Int(row.cells[0]), (1...12).contains(month) else {
                throw LexiconDataError(file: fileName, line: row.line, reason: "\"\(row.cells[0])\" is not a month number")
            }
            let language = LanguageTag(bcp47: row.cells[1])
            let forms = TSVResource.alternatives(row.cells[2]).map(TextFolding.fold)
            table.forms[language, default: [:]][month] = forms
            for form in forms { table.monthByForm[form] = month }
        }
        return table
    }

    private static let table: Table = (try? load()) ?? Table()

    /// Why the table failed to load, if it did.
    public static let loadProblem: LexiconDataError? = {
        do { _ = try load(); return nil } catch let e as LexiconDataError { return e } catch {
            return LexiconDataError(file: fileName, reason: "\(error)")
        }
    }()

    /// The month (1...12) a word names, in any case form or abbreviation, with or without a final dot; nil otherwise.
    public static func month(from word: String) -> Int? {
        var folded = TextFolding.fold(word.trimmingWhitespace())
        if folded.hasSuffix(".") { folded.removeLast() }
        return table.monthByForm[folded]
    }

    /// The forms of `month` in `language`, nominative first; empty when unknown.
    public static func names(of month: Int, in language: LanguageTag) -> [String] {
        table.forms[language]?[month] ?? []
    }
}
