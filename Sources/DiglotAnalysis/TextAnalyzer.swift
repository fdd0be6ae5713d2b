/// One token as the search index sees it.
public struct AnalyzedToken: Sendable, Equatable, Hashable {
    /// The normalised term written to (or looked up in) the index.
    public var term: String
    /// Where the token's surface form sits in the analysed text, as UTF-8 byte offsets (FTS5's unit).
    public var byteRange: Range<Int>
    /// True for extra forms at the same position as the previous token (a lemma, a name key), which FTS5
    /// stores as colocated tokens (FTS5_TOKEN_COLOCATED) so phrase queries and highlighting still work.
    public var isColocated: Bool

    public init(term: String, byteRange: Range<Int>, isColocated: Bool = false) {
        self.term = term
        self.byteRange = byteRange
        self.isColocated = isColocated
    }
}

/// Turns text into index terms. The same analyzer runs at index time (through the store's FTS5 tokenizer)
/// and at query time, which is what makes "втратами" find "втрати".
///
/// ```swift
/// let tokens = BasicAnalyzer().indexTokens("Об’єкт ‒ 1 020 010")
/// // ["об'єкт", "1020010"]
/// ```
public protocol TextAnalyzer: Sendable {
    /// Tokens for indexing a document or passage: surface forms, each possibly followed by colocated forms.
    func indexTokens(_ text: String) -> [AnalyzedToken]
    /// Tokens for one query string (a word or a phrase the user typed). Colocated tokens here mean
    /// "any of these forms" at that position.
    func queryTokens(_ text: String) -> [AnalyzedToken]
    /// The byte ranges of a stored UTF-8 text's surface tokens, in order, until `body` returns false: what
    /// FTS5's `snippet()` and `highlight()` need, as they re-tokenize a returned row only to map token positions
    /// back to byte offsets. They must have the same positions as `indexTokens`, but need no lemmas (a search
    /// process answers without loading a dictionary) and no terms (a String per word was a seventh of a
    /// search's instructions).
    func forEachPositionRange(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool)
}

extension TextAnalyzer {
    /// The non-colocated index tokens' ranges: correct for any analyzer, though it pays for the full analysis.
    public func forEachPositionRange(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
        for token in indexTokens(String(decoding: text, as: UTF8.self)) where !token.isColocated {
            guard body(token.byteRange) else { return }
        }
    }
}
