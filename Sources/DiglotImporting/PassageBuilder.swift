import DiglotModel

/// Builds a document's text and its passages together, so that passage offsets are right by construction.
///
/// ```swift
/// var builder = PassageBuilder(documentID: id, language: .ukrainian)
/// builder.append("Втрати ворога", role: .headline)
/// builder.append("танків ‒ 1637 (+35) од", role: .figureLine, metadata: ["category": "tank"])
/// let (text, passages) = builder.finish()
/// ```
public struct PassageBuilder: Sendable {
    public let documentID: DocumentID
    public let language: LanguageTag
    /// Placed between appended passages in the document text.
    public var separator: String
    private(set) public var text: String = ""
    private var scalarCount = 0
    private(set) public var passages: [Passage] = []

    public init(documentID: DocumentID, language: LanguageTag, separator: String = "\n") {
        self.documentID = documentID
        self.language = language
        self.separator = separator
    }

    /// Appends `passageText` to the document text as a new passage; returns its id.
    @discardableResult
    public mutating func append(_ passageText: String, role: PassageRole, language: LanguageTag? = nil,
                                metadata: [String: String] = [:]) -> PassageID {
        if !text.isEmpty {
            text += separator
            scalarCount += separator.unicodeScalarCount
        }
        let start = scalarCount
        text += passageText
        scalarCount += passageText.unicodeScalarCount
        let passage = Passage(documentID: documentID, index: passages.count, role: role, start: start,
                              end: scalarCount, language: language ?? self.language, text: passageText,
                              metadata: metadata)
        passages.append(passage)
        return passage.id
    }

    /// Appends text that belongs to the document but is no passage of its own.
    public mutating func appendUnmarked(_ plain: String) {
        if !text.isEmpty {
            text += separator
            scalarCount += separator.unicodeScalarCount
        }
        text += plain
        scalarCount += plain.unicodeScalarCount
    }

    public func finish() -> (text: String, passages: [Passage]) { (text, passages) }
}
