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
        var text = ""
        render(into: &text)
        return text
    }

    /// Appends the FTS5 syntax to `text`: one string grown in place (building each node's string and joining
    /// them, with Foundation's `replacingOccurrences` for the quotes, was a twentieth of a search).
    private func render(into text: inout String) {
        switch self {
        case .phrase(let positions):
            text.append("\"")
            for (index, alternatives) in positions.enumerated() {
                if index > 0 { text.append(" ") }
                for (place, term) in alternatives.enumerated() {
                    if place > 0 { text.append("|") }
                    if term.utf8.contains(UInt8(ascii: "\"")) {
                        for character in term { text.append(character == "\"" ? "\"\"" : String(character)) }
                    } else {
                        text.append(term)
                    }
                }
            }
            text.append("\"")
        case .any(let nodes): Self.join(nodes, with: " OR ", into: &text)
        case .all(let nodes): Self.join(nodes, with: " AND ", into: &text)
        case .excluding(let kept, let excluded):
            text.append("(")
            kept.render(into: &text)
            text.append(" NOT ")
            excluded.render(into: &text)
            text.append(")")
        }
    }

    private static func join(_ nodes: [MatchExpression], with separator: String, into text: inout String) {
        if nodes.count == 1 { return nodes[0].render(into: &text) }
        text.append("(")
        for (index, node) in nodes.enumerated() {
            if index > 0 { text.append(separator) }
            node.render(into: &text)
        }
        text.append(")")
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
