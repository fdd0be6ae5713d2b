import Foundation
import GRDB
import GRDBSQLite
import DiglotAnalysis

/// The FTS5 tokenizer `diglot`: hands the text to the store's `TextAnalyzer` and reports its tokens.
///
/// SQLite creates one tokenizer per FTS table and connection, knowing only the connection; the analyzer
/// is found through the connection's label, which `ArchiveStore` sets to a key of `AnalyzerRegistry`.
/// Colocated analyzer tokens (lemmas, name keys) become `FTS5_TOKEN_COLOCATED`, so phrases still match and
/// snippets still highlight the surface form.
///
/// A read-only connection (every reader of the `DatabasePool`) never writes the index: FTS5 tokenizes
/// documents there only for `snippet()`, which needs token positions and nothing else, so such a
/// connection asks the analyzer only for token positions (`forEachPositionRange`) and a search process never loads a dictionary.
final class AnalyzerTokenizer: FTS5CustomTokenizer {
    static let name = "diglot"

    private let analyzer: any TextAnalyzer
    private let readsOnly: Bool

    init(db: Database, arguments: [String]) throws {
        analyzer = AnalyzerRegistry.shared.analyzer(for: db.configuration.label)
        readsOnly = db.configuration.readonly
    }

    func tokenize(context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
                  pText: UnsafePointer<CChar>?, nText: CInt, tokenCallback: @escaping FTS5TokenCallback) -> CInt {
        guard let pText, nText > 0 else { return SQLITE_OK }
        let bytes = UnsafeRawBufferPointer(start: pText, count: Int(nText))
        if readsOnly && !tokenization.contains(.query) {
            return positions(bytes, context: context, tokenCallback: tokenCallback)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let tokens = tokenization.contains(.query) ? analyzer.queryTokens(text) : analyzer.indexTokens(text)
        for token in tokens {
            let start = CInt(clamping: min(token.byteRange.lowerBound, Int(nText)))
            let end = CInt(clamping: min(token.byteRange.upperBound, Int(nText)))
            let flags = token.isColocated ? FTS5_TOKEN_COLOCATED : 0
            let code = token.term.utf8CString.withUnsafeBufferPointer { term in
                tokenCallback(context, flags, term.baseAddress, CInt(term.count - 1), start, end)
            }
            if code != SQLITE_OK { return code }
        }
        return SQLITE_OK
    }
}

extension AnalyzerTokenizer {
    /// A stored text's token positions for `snippet()` and `highlight()`, which use each token's byte offsets and
    /// count positions but never read its text: every token is reported as the same one-byte term.
    private func positions(_ bytes: UnsafeRawBufferPointer, context: UnsafeMutableRawPointer?,
                           tokenCallback: FTS5TokenCallback) -> CInt {
        var code = SQLITE_OK
        let term = UnsafeRawPointer(Self.placeholderTerm.utf8Start).assumingMemoryBound(to: CChar.self)
        analyzer.forEachPositionRange(in: bytes.bindMemory(to: UInt8.self)) { range in
            code = tokenCallback(context, 0, term, 1, CInt(clamping: range.lowerBound), CInt(clamping: range.upperBound))
            return code == SQLITE_OK
        }
        return code
    }

    private static let placeholderTerm: StaticString = "x"
}

/// The analyzers of the open stores, keyed by the label their connections carry.
final class AnalyzerRegistry: @unchecked Sendable {
    static let shared = AnalyzerRegistry()

    private let lock = NSLock()
    private var analyzers: [String: any TextAnalyzer] = [:]

    func register(_ analyzer: any TextAnalyzer, key: String) {
        lock.withLock { analyzers[key] = analyzer }
    }

    func unregister(key: String) {
        lock.withLock { _ = analyzers.removeValue(forKey: key) }
    }

    /// The analyzer for a connection label; `BasicAnalyzer` for a connection no store registered.
    func analyzer(for key: String?) -> any TextAnalyzer {
        lock.withLock { key.flatMap { analyzers[$0] } } ?? BasicAnalyzer()
    }
}
