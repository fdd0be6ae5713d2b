import DiglotModel
import DiglotStore

/// One line of `diglot pairs --json`. (`diglot export --format jsonl` writes DiglotExport's `JSONLinesFormat`,
/// whose lines hold every key below, with the same values, and more: sides' metadata and aligned units.)
///
/// ```json
/// {"confidence":0.98,"fidelity":{"issues":[],"status":"ok"},"method":"same-bulletin",
///  "original":{"document":"d…","language":"uk","text":"…"},"pair":"r…",
///  "rendering":{"document":"d…","language":"en","text":"…"}}
/// ```
/// `fidelity.status` is `ok`, `warning` or `mismatch` once the pairing engine has checked the pair, and
/// `unchecked` for a pair an importer found that no check has looked at yet.
public struct PairListing: JSONLineAppendable, Sendable, Equatable {
    public struct Side: Encodable, Sendable, Equatable {
        public var document: String
        public var language: String
        public var text: String
    }

    public struct Fidelity: Encodable, Sendable, Equatable {
        public var status: String
        public var issues: [FidelityIssue]
    }

    public var pair: String
    public var method: String
    public var confidence: Double
    public var origin: String
    public var original: Side
    public var rendering: Side
    public var fidelity: Fidelity

    public init(_ row: PairRow) {
        pair = row.pair.id.rawValue
        method = row.pair.method.rawValue
        confidence = row.pair.confidence
        origin = row.pair.origin.rawValue
        original = Side(document: row.originalDocument.rawValue, language: row.originalLanguage.rawValue, text: row.originalText)
        rendering = Side(document: row.renderingDocument.rawValue, language: row.renderingLanguage.rawValue,
                         text: row.renderingText)
        fidelity = Fidelity(status: row.pair.fidelity.status.rawValue, issues: row.pair.fidelity.issues)
    }

    /// The line `JSONEncoder` would write (keys sorted), written by hand (see `JSONText`).
    public func appendJSONLine(to line: inout [UInt8]) -> Bool {
        guard JSONText.isWritable(confidence) else { return false }
        JSONText.appendObject(to: &line) { object in
            object.number("confidence", confidence)
            object.member("fidelity") { JSONText.appendFidelity(issues: fidelity.issues, status: fidelity.status, to: &$0) }
            object.string("method", method)
            object.string("origin", origin)
            object.member("original") { Self.append(original, to: &$0) }
            object.string("pair", pair)
            object.member("rendering") { Self.append(rendering, to: &$0) }
        }
        return true
    }

    private static func append(_ side: Side, to line: inout [UInt8]) {
        JSONText.appendObject(to: &line) { object in
            object.string("document", side.document)
            object.string("language", side.language)
            object.string("text", side.text)
        }
    }
}
