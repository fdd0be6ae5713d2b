/// An FTS5 MATCH expression over index terms, kept as a tree so it can be rendered for FTS5 and
/// evaluated by other means (tests evaluate it over an in-memory index).
///
/// Every term is double-quoted in the rendered form, so no term can be read as FTS5 syntax.
///
/// ```swift
/// MatchExpression.any([.term("танків"), .term("~танк")]).fts5   // ("танків" OR "~танк")
/// ```
public indirect enum MatchExpression: Sendable, Hashable {
    /// Consecutive positions, each holding alternative terms (rendered `"a|b c"`: the query analysis
    /// turns `|` into colocated tokens, which FTS5 reads as "any of these" at that position).
    case phrase([[String]])
    case any([MatchExpression])
    case all([MatchExpression])
    /// Matches of the first expression that the second does not match.
    case excluding(MatchExpression, MatchExpression)

    /// A one-term phrase.
    public static func term(_ term: String) -> MatchExpression { .phrase([[term]]) }

    /// The expression as FTS5 query syntax.
    public var fts5: String {
        switch self {
        case .phrase(let positions):
            let body = Self.phraseBody(positions)
            return "\"" + body.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case .any(let nodes): return Self.join(nodes, with: " OR ")
        case .all(let nodes): return Self.join(nodes, with: " AND ")
        case .excluding(let kept, let excluded): return "(" + kept.fts5 + " NOT " + excluded.fts5 + ")"
        }
    }

    private static func join(_ nodes: [MatchExpression], with separator: String) -> String {
        nodes.count == 1 ? nodes[0].fts5 : "(" + nodes.map(\.fts5).joined(separator: separator) + ")"
    }

    /// Every phrase in the order FTS5 numbers them (left to right as rendered, excluded ones included): the
    /// order an FTS5 auxiliary function sees them in.
    public var phrases: [[[String]]] {
        switch self {
        case .phrase(let positions): return [positions]
        case .any(let nodes), .all(let nodes): return nodes.flatMap(\.phrases)
        case .excluding(let kept, let excluded): return kept.phrases + excluded.phrases
        }
    }

    /// A phrase's text inside its quotes, as FTS5 hands it to the query tokenizer.
    public static func phraseBody(_ positions: [[String]]) -> String {
        positions.map { $0.joined(separator: "|") }.joined(separator: " ")
    }

    /// Every term the expression mentions outside exclusions (for highlighting what matched).
    public var positiveTerms: [String] {
        switch self {
        case .phrase(let positions): return positions.flatMap { $0 }
        case .any(let nodes), .all(let nodes): return nodes.flatMap(\.positiveTerms)
        case .excluding(let kept, _): return kept.positiveTerms
        }
    }
}
