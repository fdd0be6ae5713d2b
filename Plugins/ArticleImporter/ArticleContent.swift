import DiglotModel

/// What an article reader found in one input, before it becomes a document: metadata as the page declared
/// it and the main text as ordered blocks.
struct ArticleContent: Sendable, Equatable {
    /// One block of the main text.
    struct Block: Sendable, Equatable {
        var text: String
        var role: PassageRole
    }

    var title: String?
    var author: String?
    var publisher: String?
    var published: PublishedDate?
    var canonicalURL: String?
    var declaredLanguage: LanguageTag?
    /// The main text in reading order, the title not included.
    var paragraphs: [Block] = []
}
