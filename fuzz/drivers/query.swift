import Foundation
import DiglotAnalysis

/// libFuzzer entry for the search query path: whatever a user types is parsed by `SearchQuery.parse` (words,
/// "phrases", -exclusions, OR, parentheses) and compiled by `QueryCompiler` into the tiered FTS5 MATCH
/// expressions the store runs. A parse may refuse (with a sentence), never trap; every compiled stage must be
/// structurally sound FTS5 (balanced quotes and parentheses, so SQLite never sees a syntax error), and the
/// analyzer's tokens must lie inside the text they came from.
private let analyzer = try! MorphologicalAnalyzer.morphological(lemmaStore: InMemoryLemmaStore())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let length = text.utf8.count
    for token in analyzer.queryTokens(text) + analyzer.indexTokens(text) {
        precondition(token.byteRange.lowerBound >= 0 && token.byteRange.upperBound <= length,
                     "token \(token.term) at \(token.byteRange) outside \(length) bytes")
    }
    if case .success(let query) = SearchQuery.parse(text) {
        for stage in QueryCompiler(analyzer: analyzer).compile(query).stages {
            precondition(FTS5Structure.isBalanced(stage.match), "unbalanced FTS5 expression: \(stage.match)")
        }
    }
    return 0
}

/// Quotes (with "" inside strings) and parentheses outside strings must balance.
enum FTS5Structure {
    static func isBalanced(_ expression: String) -> Bool {
        var inString = false
        var depth = 0
        var scalars = expression.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if inString {
                if scalar == "\"" {
                    var lookahead = scalars
                    if lookahead.next() == "\"" { scalars = lookahead } else { inString = false }
                }
            } else if scalar == "\"" {
                inString = true
            } else if scalar == "(" {
                depth += 1
            } else if scalar == ")" {
                depth -= 1
                if depth < 0 { return false }
            }
        }
        return !inString && depth == 0
    }
}
