import ArgumentParser
import DiglotModel

/// Input checks shared by the subcommands' `validate()`, with sentences a user understands.
enum Parsing {
    static func language(_ text: String?, option: String) throws -> LanguageTag? {
        guard let text else { return nil }
        let tag = LanguageTag(bcp47: text)
        guard tag != .undetermined || text.lowercased() == "und" else {
            throw ValidationError("\(option) \"\(text)\" is not a language tag; use uk, ru, en or und.")
        }
        return tag
    }

    static func kind(_ text: String?) throws -> DocumentKind? {
        guard let text else { return nil }
        guard let kind = DocumentKind(rawValue: text) else {
            throw ValidationError("--kind \"\(text)\" is not a document kind; use one of: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return kind
    }

    static func category(_ text: String?) throws -> FigureCategory? {
        guard let text else { return nil }
        guard let category = FigureCategory(rawValue: text) else {
            throw ValidationError("--category \"\(text)\" is not a figure category; use one of: \(FigureCategory.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return category
    }

    static func day(_ text: String?, option: String) throws -> String? {
        guard let text else { return nil }
        guard text.count == 10, let date = PublishedDate(iso: text), date.precision == .day else {
            throw ValidationError("\(option) \"\(text)\" is not a date; write it as YYYY-MM-DD.")
        }
        return date.day
    }
}
