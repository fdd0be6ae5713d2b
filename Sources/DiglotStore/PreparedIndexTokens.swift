import DiglotAnalysis
import Foundation
import DiglotModel

/// The index tokens of one batch's texts, analysed before its write on the thread that parsed it.
///
/// FTS5 calls the tokenizer inside the write, on the one thread that holds the archive's write lock; an import
/// that analysed there left the parsing threads idle while the writer, alone, lemmatised every word (47 % of
/// its instructions). A write handed these tokens (`ArchiveStore.write(source:batch:prepared:)`) lets the
/// tokenizer replay them instead. They are found by the text's exact UTF-8 bytes, so a text the batch did not
/// foresee, or changed since, is analysed in place as before: a miss costs time, never a wrong token.
///
/// ```swift
/// let prepared = store.prepareIndexTokens(for: batch)     // on a parsing thread
/// try store.write(source: source, batch: batch, prepared: prepared)
/// ```
public struct PreparedIndexTokens: Sendable {
    private var entries: [Int: [Entry]] = [:]

    private struct Entry: Sendable {
        let text: String
        let tokens: [AnalyzedToken]
    }

    /// No prepared texts: every text is analysed by the tokenizer.
    public static let none = PreparedIndexTokens()

    private init() {}

    /// A batch's titles and document texts, each distinct text once.
    init(batch: ImportBatch, analyzer: any TextAnalyzer) {
        for document in batch.documents {
            prepare(document.title ?? "", analyzer)
            prepare(document.text, analyzer)
        }
    }

    /// Analyses `text` unless it is empty or already held.
    private mutating func prepare(_ text: String, _ analyzer: any TextAnalyzer) {
        guard !text.isEmpty else { return }
        var text = text
        let key = text.withUTF8 { Self.key(UnsafeRawBufferPointer($0)) }
        if text.withUTF8({ tokens(forUTF8: UnsafeRawBufferPointer($0), key: key) }) != nil { return }
        entries[key, default: []].append(Entry(text: text, tokens: analyzer.indexTokens(text)))
    }

    /// Adds `other`'s texts (a write group gathers those of its files).
    mutating func merge(_ other: PreparedIndexTokens) {
        if entries.isEmpty { entries = other.entries; return }
        for (key, list) in other.entries {
            for entry in list where !holds(entry.text, key: key) { entries[key, default: []].append(entry) }
        }
    }

    private func holds(_ text: String, key: Int) -> Bool {
        guard let candidates = entries[key] else { return false }
        var text = text
        return text.withUTF8 { bytes in candidates.contains { Self.same($0.text, UnsafeRawBufferPointer(bytes)) } }
    }

    /// How many distinct texts were analysed.
    public var count: Int { entries.values.reduce(0) { $0 + $1.count } }

    /// The tokens prepared for exactly these UTF-8 bytes, or nil.
    func tokens(forUTF8 bytes: UnsafeRawBufferPointer) -> [AnalyzedToken]? {
        tokens(forUTF8: bytes, key: Self.key(bytes))
    }

    private func tokens(forUTF8 bytes: UnsafeRawBufferPointer, key: Int) -> [AnalyzedToken]? {
        guard let candidates = entries[key] else { return nil }
        return candidates.first { Self.same($0.text, bytes) }?.tokens
    }

    /// Whether `text`'s UTF-8 is exactly `bytes`. Bytes, not `String` equality: two canonically equivalent
    /// texts (é precomposed or not) are equal Strings but have different byte offsets, so they must not share
    /// tokens. Compared with `memcmp`: the generic byte-by-byte comparison took 12,600 instructions a lookup.
    private static func same(_ text: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        guard bytes.count > 0 else { return true }
        var text = text
        return text.withUTF8 { own in memcmp(own.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }

    /// How many bytes at each end of a text `key` reads.
    static let keyedBytesAtEachEnd = 64

    /// The length and at most `keyedBytesAtEachEnd` bytes at each end, FNV-1a: `same` decides every match, so
    /// the key only has to spread texts, and hashing whole texts (SipHash over a document's every byte, here
    /// and again when the write looks them up) cost more than finding them.
    static func key(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        func mix(_ range: Range<Int>) {
            for index in range { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3 }
        }
        let edge = keyedBytesAtEachEnd
        mix(0..<min(bytes.count, edge))
        if bytes.count > edge { mix(max(edge, bytes.count - edge)..<bytes.count) }
        return Int(truncatingIfNeeded: hash)
    }
}

extension ArchiveStore {
    /// The index tokens of everything `batch` would add to the full-text index: document titles and texts.
    /// Safe on any thread; see `PreparedIndexTokens` for why an import calls it beside the writer.
    public func prepareIndexTokens(for batch: ImportBatch) -> PreparedIndexTokens {
        PreparedIndexTokens(batch: batch, analyzer: analyzer)
    }
}
