import DiglotAnalysis

/// Turns what a user typed into an FTS5 MATCH expression that can never be a syntax error.
///
/// Each word the analyzer finds becomes a quoted FTS5 string (quotes inside doubled), and text the user put
/// in double quotes stays one phrase; the parts are ANDed. Operators (`AND`, `NEAR`, `*`, `^`, `:`) are
/// thereby plain words. A grouped number the analyzer reads as one token ("1 020 010") stays one string, so
/// it matches however the document wrote it.
///
/// ```swift
/// SearchQuery.matchExpression(for: "об’єкт \"Генеральний штаб\"", analyzer: BasicAnalyzer())
/// // "\"об’єкт\" \"Генеральний штаб\""
/// ```
public enum SearchQuery {
    /// The MATCH expression, or nil when the text holds nothing the analyzer indexes.
    public static func matchExpression(for text: String, analyzer: any TextAnalyzer) -> String? {
        var parts: [String] = []
        for (index, chunk) in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            let chunk = String(chunk)
            let insideQuotes = index % 2 == 1
            let tokens = analyzer.queryTokens(chunk).filter { !$0.isColocated }
            if tokens.isEmpty { continue }
            if insideQuotes {
                parts.append(quoted(chunk))
            } else {
                let bytes = Array(chunk.utf8)
                for token in tokens {
                    let range = token.byteRange.clamped(to: 0..<bytes.count)
                    parts.append(quoted(String(decoding: bytes[range], as: UTF8.self)))
                }
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
