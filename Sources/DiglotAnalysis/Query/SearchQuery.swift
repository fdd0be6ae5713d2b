/// A parsed search query: words, "phrases", -exclusions and OR, with every FTS5 operator character
/// read as plain text. Parsing never fails on syntax: a stray quote, a dangling OR or an unmatched
/// parenthesis is set aside and reported in `notes`; only a query with nothing to search for is refused.
///
/// OR binds tighter than the implicit AND between words, as in web search engines:
/// `tanks Kharkiv OR Kyiv` means tanks AND (Kharkiv OR Kyiv). Parentheses group; an exclusion applies
/// to the whole query wherever it is written (`(tanks -Russia) Kyiv` excludes Russia from every hit).
/// A run of words joined by hyphens ("Харків-Київ") is a phrase.
///
/// ```swift
/// let query = try SearchQuery.parse("танків \"Харківській області\" -Росія").get()
/// query.root   // .excluding(.all([.word("танків"), .phrase(["харківській", "області"])]), [.word("росія")])
/// ```
public struct SearchQuery: Sendable, Equatable {
    /// One node of the query tree. Words hold spellings as `BasicAnalyzer` folds them.
    public indirect enum Node: Sendable, Equatable, Hashable {
        case word(String)
        case phrase([String])
        case all([Node])
        case any([Node])
        /// The first node, without anything any of the others match.
        case excluding(Node, [Node])
    }

    /// The query tree.
    public var root: Node
    /// Sentences saying how the text was read where it was not well formed ("ignored an unmatched quote").
    public var notes: [String]

    /// The most words a query may hold; longer queries are refused rather than compiled into huge MATCH strings.
    public static let wordLimit = 64

    /// Parses what a user typed.
    ///
    /// - Returns: the query, or `SearchQueryError` saying in one sentence why it cannot be answered.
    public static func parse(_ text: String) -> Result<SearchQuery, SearchQueryError> {
        var lexer = QueryLexer(text)
        let lexemes = lexer.lexemes()
        var parser = QueryParser(lexemes: lexemes)
        let group = parser.parseSequence(depth: 0)
        let notes = lexer.notes + parser.notes
        guard parser.wordCount <= wordLimit else { return .failure(.tooManyWords(parser.wordCount)) }
        guard let positive = group.positive else {
            return .failure(group.exclusions.isEmpty ? .nothingToSearch : .onlyExclusions)
        }
        let root = group.exclusions.isEmpty ? positive : .excluding(positive, group.exclusions)
        return .success(SearchQuery(root: root, notes: notes))
    }

    /// Every word in the query, positive or excluded, in order of appearance.
    public var words: [String] { root.words }
}

extension SearchQuery.Node {
    var words: [String] {
        switch self {
        case .word(let word): return [word]
        case .phrase(let words): return words
        case .all(let nodes), .any(let nodes): return nodes.flatMap(\.words)
        case .excluding(let node, let excluded): return node.words + excluded.flatMap(\.words)
        }
    }
}

/// Why a query cannot be answered, as one sentence for the user.
public enum SearchQueryError: Error, Equatable, CustomStringConvertible, Sendable {
    case nothingToSearch
    case onlyExclusions
    case tooManyWords(Int)

    public var description: String {
        switch self {
        case .nothingToSearch:
            return "The query has no words to search for (punctuation and operators alone match nothing)."
        case .onlyExclusions:
            return "The query only excludes words; add at least one word to search for."
        case .tooManyWords(let count):
            return "The query has \(count) words; at most \(SearchQuery.wordLimit) are searched, so shorten it."
        }
    }
}
