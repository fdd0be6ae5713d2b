import DiglotAnalysis

/// A positional inverted index over analyzer tokens, evaluating `MatchExpression`s the way FTS5 does
/// (colocated tokens share a position): the end-to-end retrieval check without SQL.
struct TinyIndex {
    private var postings: [String: [Int: Set<Int>]] = [:]
    let documentCount: Int

    init(_ documents: [String], analyzer: some TextAnalyzer) {
        documentCount = documents.count
        for (document, text) in documents.enumerated() {
            var position = -1
            for token in analyzer.indexTokens(text) {
                if !token.isColocated { position += 1 }
                postings[token.term, default: [:]][document, default: []].insert(position)
            }
        }
    }

    func matches(_ expression: MatchExpression) -> Set<Int> {
        switch expression {
        case .phrase(let positions):
            return Set((0..<documentCount).filter { phraseOccurs(positions, in: $0) })
        case .any(let nodes):
            return nodes.reduce(into: Set<Int>()) { $0.formUnion(matches($1)) }
        case .all(let nodes):
            return nodes.dropFirst().reduce(matches(nodes[0])) { $0.intersection(matches($1)) }
        case .excluding(let kept, let excluded):
            return matches(kept).subtracting(matches(excluded))
        }
    }

    private func positions(of alternatives: [String], in document: Int) -> Set<Int> {
        alternatives.reduce(into: Set<Int>()) { $0.formUnion(postings[$1]?[document] ?? []) }
    }

    private func phraseOccurs(_ phrase: [[String]], in document: Int) -> Bool {
        guard let first = phrase.first else { return false }
        return positions(of: first, in: document).contains { start in
            phrase.indices.allSatisfy { positions(of: phrase[$0], in: document).contains(start + $0) }
        }
    }
}
