import Foundation

/// Which passages repeat their span of their document word for word, so that the archive can keep each such
/// text once, in its document, and store the passage as its span alone.
///
/// Why: every importer makes passages by slicing its document's text, so `passages.text` held a second copy of
/// nearly every document: 131 MB of an 820 MB archive at 100,000 documents, written (twice, through the
/// write-ahead log) on the import's one writing thread. A passage whose text is not its span (an external
/// importer may normalise or trim it) keeps its own text.
public extension ImportBatch {
    /// For each passage, in the order of `passages`: whether its text is its document's text at scalar offsets
    /// `start..<end`. A passage of a document outside the batch is `false`: only the archive knows that text.
    ///
    /// Runs on the thread that parsed the batch (`CheckedBatch`): it walks each document's UTF-8 bytes once while
    /// its passages come in order of their starts, and compares bytes in place.
    func passagesRepeatingTheirSpans() -> [Bool] {
        var positions: [DocumentID: Int] = [:]
        positions.reserveCapacity(documents.count)
        for (position, document) in documents.enumerated() { positions[document.id] = position }
        var cursor = ScalarCursor()
        var cursorDocument = -1
        return passages.map { passage in
            guard let position = positions[passage.documentID], passage.start >= 0, passage.end >= passage.start else {
                return false
            }
            if position != cursorDocument || passage.start < cursor.scalar {
                cursorDocument = position
                cursor = ScalarCursor()
            }
            return Self.contiguousUTF8(documents[position].text) { document in
                guard cursor.advance(to: passage.start, in: document) else { return false }
                return Self.contiguousUTF8(passage.text) { text in
                    guard text.count <= document.count - cursor.byte else { return false }
                    if !text.isEmpty, memcmp(document.baseAddress! + cursor.byte, text.baseAddress!, text.count) != 0 {
                        return false
                    }
                    var scalars = 0
                    for byte in text where byte & 0xC0 != 0x80 { scalars += 1 }
                    return scalars == passage.end - passage.start
                }
            }
        }
    }

    /// Runs `body` on the string's UTF-8 bytes, in place for a native string.
    private static func contiguousUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}

/// A position in a UTF-8 text, counted both in scalars and in bytes, that only moves forward.
private struct ScalarCursor {
    var scalar = 0
    var byte = 0

    /// Moves to the scalar at `offset` (not before the cursor); false when the text ends first.
    mutating func advance(to offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        while scalar < offset {
            guard byte < bytes.count else { return false }
            byte += 1
            while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
            scalar += 1
        }
        return true
    }
}
