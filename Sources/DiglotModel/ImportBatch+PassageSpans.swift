import Foundation

/// Which passages the archive stores as their span of their document alone: those whose text repeats the span
/// word for word, in a document no larger than `largestDocumentForSpanPassages`.
///
/// Why: every importer makes passages by slicing its document's text, so `passages.text` held a second copy of
/// nearly every document: 131 MB of an 820 MB archive at 100,000 documents, written (twice, through the
/// write-ahead log) on the import's one writing thread. A passage whose text is not its span (an external
/// importer may normalise or trim it) keeps its own text.
public extension ImportBatch {
    /// The largest document, in UTF-8 bytes, whose passages are stored as spans. Reading such a passage reads
    /// its document's row and walks to the span (`StoredRecord.passageText`), so its cost grows with the
    /// document: a foreign translation memory is one document of tens of thousands of segments, and reading
    /// them all would be quadratic. Below this size a read costs at most a few hundred thousand instructions;
    /// the bench corpus's documents average 1.3 KB (the largest 6.3 KB), ../shared/reference's largest is 8.3 KB.
    static let largestDocumentForSpanPassages = 32_768

    /// For each passage, in the order of `passages`: whether its text is its document's text at scalar offsets
    /// `start..<end`, in a document of at most `largestDocumentForSpanPassages` bytes. A passage of a document
    /// outside the batch is `false`: only the archive knows that text.
    ///
    /// Runs on the thread that parsed the batch (`CheckedBatch`): each document's UTF-8 bytes are walked once,
    /// its passages taken in order of their starts (a batch may interleave two documents' passages, as a
    /// bilingual bulletin does), and each passage's bytes are compared in place.
    func passagesStoredAsSpans() -> [Bool] {
        var positions: [DocumentID: Int] = [:]
        positions.reserveCapacity(documents.count)
        for (position, document) in documents.enumerated() where document.text.utf8.count <= Self.largestDocumentForSpanPassages {
            positions[document.id] = position
        }
        var byDocument = [[Int]](repeating: [], count: documents.count)
        for (index, passage) in passages.enumerated() where passage.start >= 0 && passage.end >= passage.start {
            if let position = positions[passage.documentID] { byDocument[position].append(index) }
        }
        var result = [Bool](repeating: false, count: passages.count)
        for (position, indices) in byDocument.enumerated() where !indices.isEmpty {
            let inOrder = zip(indices, indices.dropFirst()).allSatisfy { passages[$0].start <= passages[$1].start }
                ? indices : indices.sorted { passages[$0].start < passages[$1].start }
            var documentText = documents[position].text
            documentText.withUTF8 { document in
                var cursor = ScalarCursor()
                for index in inOrder {
                    let passage = passages[index]
                    guard cursor.advance(to: passage.start, in: document) else { break }
                    var passageText = passage.text
                    result[index] = passageText.withUTF8 { text in
                        guard text.count <= document.count - cursor.byte else { return false }
                        if !text.isEmpty, memcmp(document.baseAddress! + cursor.byte, text.baseAddress!, text.count) != 0 {
                            return false
                        }
                        return UTF8Words.scalarCount(text) == passage.end - passage.start
                    }
                }
            }
        }
        return result
    }
}
