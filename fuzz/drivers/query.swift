import Foundation
import DiglotAnalysis

/// libFuzzer entry for the search query path (DiglotStore's MATCH builder, renamed StoreSearchQuery in this
/// build, and DiglotAnalysis's query parser): whatever a user types must become either nil or an FTS5
/// expression made only of quoted strings (so SQLite can never see a syntax error), and the analyzer's
/// tokens must lie inside the text they came from.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let analyzer = BasicAnalyzer()
    let length = text.utf8.count
    for token in analyzer.queryTokens(text) + analyzer.indexTokens(text) {
        precondition(token.byteRange.lowerBound >= 0 && token.byteRange.upperBound <= length,
                     "token \(token.term) at \(token.byteRange) outside \(length) bytes")
    }
    if let expression = StoreSearchQuery.matchExpression(for: text, analyzer: analyzer) {
        precondition(FTS5Strings.isQuotedSequence(expression), "not a safe FTS5 expression: \(expression)")
    }
    // The analysis module's query parser: never fails on syntax, bounds the words it accepts.
    if case .success(let query) = SearchQuery.parse(text) {
        precondition(query.words.count <= SearchQuery.wordLimit, "\(query.words.count) words passed the limit")
    }
    return 0
}

/// Recognises `"a" "b ""c"""`: FTS5 strings (quotes doubled inside) separated by single spaces.
enum FTS5Strings {
    static func isQuotedSequence(_ expression: String) -> Bool {
        var scalars = expression.unicodeScalars.makeIterator()
        var expectingString = true
        while let scalar = scalars.next() {
            if expectingString {
                guard scalar == "\"" else { return false }
                var closed = false
                while let inner = scalars.next() {
                    if inner == "\"" {
                        var lookahead = scalars
                        if lookahead.next() == "\"" { scalars = lookahead; continue }
                        closed = true
                        break
                    }
                }
                guard closed else { return false }
                expectingString = false
            } else {
                guard scalar == " " else { return false }
                expectingString = true
            }
        }
        return !expectingString
    }
}
