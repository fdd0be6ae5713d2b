import DiglotImporting
import DiglotLanguage
import DiglotModel

/// Turns `ArticleContent` into one `article` document with a headline passage and paragraph passages.
///
/// The document id comes from the canonical URL when the page (or the caller's metadata) gives one, so the
/// same article saved twice is one document; otherwise from the source's SHA-256 (`source:<sha256>`).
/// Each passage gets its own detected language when it is long enough to tell and differs from the
/// document's: an English article quoting a Ukrainian statement keeps the quote's language.
struct ArticleDocumentBuilder {
    let input: ImportInput
    let article: ArticleContent

    func batch() -> ImportBatch {
        let canonicalURL = article.canonicalURL ?? input.metadata["url"].flatMap(HTMLArticleMetadata.absoluteURL)
        let naturalKey = canonicalURL ?? "source:\(input.sourceID.rawValue)"
        let id = DocumentID(naturalKey: naturalKey)
        let bodyText = article.paragraphs.map(\.text).joined(separator: "\n")
        let language = LanguageDetector.detect(([article.title ?? ""] + [bodyText]).joined(separator: "\n"))
        var builder = PassageBuilder(documentID: id, language: language)
        if let title = article.title { builder.append(title, role: .headline, language: passageLanguage(title, language)) }
        for block in article.paragraphs {
            builder.append(block.text, role: block.role, language: passageLanguage(block.text, language))
        }
        let (text, passages) = builder.finish()
        let published = article.published ?? input.metadata["published"].flatMap { PublishedDate(iso: $0) }
        let document = Document(
            id: id, kind: .article, language: language, declaredLanguage: article.declaredLanguage,
            title: article.title, author: article.author ?? input.metadata["author"],
            publisher: article.publisher ?? input.metadata["publisher"], published: published,
            canonicalURL: canonicalURL, text: text)
        return ImportBatch(documents: [document], passages: passages)
    }

    /// Fewer letters than this and a passage simply shares the document's language: a headline of six
    /// words is too little evidence to overrule the whole article.
    static let minimumLettersForOwnLanguage = 80

    /// Whether `text` has `count` letters (characters `isLetter` holds for), counted until there are enough:
    /// filtering every passage into a string of its letters only to count them was a three-hundredth of an import.
    /// The characters are classed by `forEachCharacterClass`, scalar by scalar where each stands alone (a
    /// `Character` walk asking Unicode's tables was 40 M instructions of a 5,000-document import, session 29).
    static func hasLetters(_ text: String, atLeast count: Int) -> Bool {
        var letters = 0
        text.forEachCharacterClass { classes in
            if classes.contains(.letter) { letters += 1 }
            return letters < count
        }
        return letters >= count
    }

    private func passageLanguage(_ text: String, _ documentLanguage: LanguageTag) -> LanguageTag {
        guard Self.hasLetters(text, atLeast: Self.minimumLettersForOwnLanguage) else { return documentLanguage }
        let detected = LanguageDetector.detect(text)
        return detected == .undetermined ? documentLanguage : detected
    }
}
