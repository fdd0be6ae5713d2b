import DiglotModel

/// One line of input and the line number it has in the file, for error messages.
struct SourceLine: Sendable {
    var text: String
    var line: Int
}

/// What a saved page says about itself outside its list: heading, date, declared language.
struct PageFacts: Sendable {
    var title: String?
    var titleLine: Int?
    var published: PublishedDate?
    var declaredLanguage: LanguageTag?
    var publisher: String?
}

/// One passage-to-be of a bulletin, with its figure when it is a figure line.
struct BulletinItem: Sendable {
    var text: String
    var role: PassageRole
    /// Set for commentary in another language than the bulletin's.
    var language: LanguageTag?
    var category: FigureCategory?
    var reading: FigureLineReading?
    var sourceLine: Int
}

/// A bulletin as read, before it becomes archive records.
struct ParsedBulletin: Sendable {
    var language: LanguageTag
    var declaredLanguage: LanguageTag?
    var title: String?
    var published: PublishedDate?
    var publisher: String?
    var periodStart: PublishedDate
    var bulletinDate: PublishedDate
    var items: [BulletinItem]
}
