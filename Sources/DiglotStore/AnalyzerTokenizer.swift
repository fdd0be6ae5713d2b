import GRDB
import Synchronization
import GRDBSQLite
import DiglotAnalysis

/// The FTS5 tokenizer `diglot`: hands the text to the store's `TextAnalyzer` and reports its tokens.
///
/// SQLite creates one tokenizer per FTS table and connection, knowing only the connection; the analyzer
/// is found through the connection's label, which `ArchiveStore` sets to a key of `AnalyzerRegistry`.
/// Colocated analyzer tokens (lemmas, name keys) become `FTS5_TOKEN_COLOCATED`, so phrases still match and
/// snippets still highlight the surface form. A write may hand over tokens analysed ahead on another thread
/// (`PreparedIndexTokens`); the tokenizer replays those for the texts they cover.
///
/// A read-only connection (every reader of the `DatabasePool`) never writes the index: FTS5 tokenizes
/// documents there only for `snippet()`, which needs token positions and nothing else, so such a
/// connection asks the analyzer only for token positions (`forEachPositionRange`) and a search process never loads a dictionary.
final class AnalyzerTokenizer: FTS5CustomTokenizer {
    static let name = "diglot"

    private let registration: AnalyzerRegistration
    private var analyzer: any TextAnalyzer { registration.analyzer }
    private let readsOnly: Bool

    init(db: Database, arguments: [String]) throws {
        registration = AnalyzerRegistry.shared.registration(for: db.configuration.label)
        readsOnly = db.configuration.readonly
    }

    func tokenize(context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
                  pText: UnsafePointer<CChar>?, nText: CInt, tokenCallback: @escaping FTS5TokenCallback) -> CInt {
        guard let pText, nText > 0 else { return SQLITE_OK }
        let bytes = UnsafeRawBufferPointer(start: pText, count: Int(nText))
        if readsOnly && !tokenization.contains(.query) {
            return positions(bytes, context: context, tokenCallback: tokenCallback)
        }
        let tokens: [AnalyzedToken]
        if tokenization.contains(.query) {
            tokens = analyzer.queryTokens(String(decoding: bytes, as: UTF8.self))
        } else if let prepared = registration.preparedTokens(forUTF8: bytes) {
            tokens = prepared
        } else {
            tokens = analyzer.indexTokens(String(decoding: bytes, as: UTF8.self))
        }
        for token in tokens {
            let start = CInt(clamping: min(token.byteRange.lowerBound, Int(nText)))
            let end = CInt(clamping: min(token.byteRange.upperBound, Int(nText)))
            let flags = token.isColocated ? FTS5_TOKEN_COLOCATED : 0
            // `withUTF8` lends the term's own bytes (a short term's from the stack): no C string per token.
            var term = token.term
            let code = term.withUTF8 { utf8 in
                utf8.withMemoryRebound(to: CChar.self) { term in
                    tokenCallback(context, flags, term.baseAddress, CInt(term.count), start, end)
                }
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

/// One open store's analysis as its tokenizers see it: the analyzer, and the tokens its current write prepared.
final class AnalyzerRegistration: Sendable {
    let analyzer: any TextAnalyzer
    private let prepared = Mutex(PreparedIndexTokens.none)

    init(analyzer: any TextAnalyzer) { self.analyzer = analyzer }

    /// Offers `tokens` to the tokenizer while `body` runs (the store's write of the batch they were made for).
    func offering<T>(_ tokens: PreparedIndexTokens, during body: () throws -> T) rethrows -> T {
        prepared.withLock { $0 = tokens }
        defer { prepared.withLock { $0 = .none } }
        return try body()
    }

    func preparedTokens(forUTF8 bytes: UnsafeRawBufferPointer) -> [AnalyzedToken]? {
        prepared.withLock { $0.tokens(forUTF8: bytes) }
    }
}

/// The analyses of the open stores, keyed by the label their connections carry.
final class AnalyzerRegistry: Sendable {
    static let shared = AnalyzerRegistry()

    private let registrations = Mutex<[String: AnalyzerRegistration]>([:])

    func register(_ registration: AnalyzerRegistration, key: String) {
        registrations.withLock { $0[key] = registration }
    }

    func unregister(key: String) {
        registrations.withLock { _ = $0.removeValue(forKey: key) }
    }

    /// The registration for a connection label; `BasicAnalyzer` for a connection no store registered.
    func registration(for key: String?) -> AnalyzerRegistration {
        registrations.withLock { registrations in key.flatMap { registrations[$0] } } ?? AnalyzerRegistration(analyzer: BasicAnalyzer())
    }
}
