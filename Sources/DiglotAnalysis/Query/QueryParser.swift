/// Builds a `SearchQuery.Node` tree from lexemes, recovering from every malformed construct.
struct QueryParser {
    /// What one parenthesised level (or the whole query) contributes.
    struct Group {
        var positive: SearchQuery.Node?
        var exclusions: [SearchQuery.Node]
    }

    private let lexemes: [QueryLexer.Lexeme]
    private var position = 0
    private(set) var notes: [String] = []
    private(set) var wordCount = 0

    init(lexemes: [QueryLexer.Lexeme]) { self.lexemes = lexemes }

    /// Reads items until the end or, inside parentheses, the closing one.
    mutating func parseSequence(depth: Int) -> Group {
        var positives: [SearchQuery.Node] = []
        var exclusions: [SearchQuery.Node] = []
        var pendingOr = false
        while position < lexemes.count {
            let lexeme = lexemes[position]
            position += 1
            switch lexeme {
            case .close where depth > 0:
                if pendingOr { note("An OR with nothing after it was ignored.") }
                return Group(positive: Self.conjunction(positives), exclusions: exclusions)
            case .close:
                note("An unmatched closing parenthesis was ignored.")
            case .or:
                if pendingOr || positives.isEmpty { note("An OR with nothing on one side was ignored.") }
                pendingOr = !positives.isEmpty
            case .minus:
                guard position < lexemes.count, lexemes[position] != .or, lexemes[position] != .close,
                      lexemes[position] != .minus else {
                    note("A lone \"-\" was ignored.")
                    continue
                }
                let operand = parseOperand(depth: depth)
                if pendingOr { note("An OR before an exclusion was ignored."); pendingOr = false }
                if let excluded = operand?.positive { exclusions.append(excluded) }
            case .text, .phrase, .open:
                position -= 1
                guard let operand = parseOperand(depth: depth) else { continue }
                exclusions += operand.exclusions
                guard let node = operand.positive else {
                    if pendingOr { note("An OR before a group of exclusions was ignored."); pendingOr = false }
                    continue
                }
                if pendingOr, let previous = positives.popLast() {
                    positives.append(Self.disjunction(previous, node))
                } else {
                    positives.append(node)
                }
                pendingOr = false
            }
        }
        if pendingOr { note("An OR with nothing after it was ignored.") }
        if depth > 0 { note("An unmatched opening parenthesis was closed at the end of the query.") }
        return Group(positive: Self.conjunction(positives), exclusions: exclusions)
    }

    /// One word run, phrase or parenthesised group; nil when it holds no words at all.
    private mutating func parseOperand(depth: Int) -> Group? {
        let lexeme = lexemes[position]
        position += 1
        switch lexeme {
        case .text(let text):
            let words = BasicAnalyzer.tokenize(text).map(\.term)
            wordCount += words.count
            return words.isEmpty ? nil : Group(positive: words.count == 1 ? .word(words[0]) : .phrase(words),
                                              exclusions: [])
        case .phrase(let text):
            let words = BasicAnalyzer.tokenize(text).map(\.term)
            wordCount += words.count
            return words.isEmpty ? nil : Group(positive: words.count == 1 ? .word(words[0]) : .phrase(words),
                                              exclusions: [])
        case .open:
            let group = parseSequence(depth: depth + 1)
            return group.positive == nil && group.exclusions.isEmpty ? nil : group
        case .close, .or, .minus:
            position -= 1
            return nil
        }
    }

    private mutating func note(_ sentence: String) {
        if !notes.contains(sentence) { notes.append(sentence) }
    }

    static func conjunction(_ nodes: [SearchQuery.Node]) -> SearchQuery.Node? {
        nodes.count <= 1 ? nodes.first : .all(nodes)
    }

    static func disjunction(_ left: SearchQuery.Node, _ right: SearchQuery.Node) -> SearchQuery.Node {
        if case .any(let nodes) = left { return .any(nodes + [right]) }
        return .any([left, right])
    }
}
