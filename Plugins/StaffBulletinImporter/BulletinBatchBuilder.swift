import DiglotImporting
import DiglotModel

/// Turns read bulletins into archive records: a document per bulletin, its passages and figures, and for
/// a bilingual list the pair of its two halves with their line pairs.
enum BulletinBatchBuilder {
    /// - Throws: `BulletinPairing.Problem` when the halves of a bilingual list cannot be paired.
    static func batch(for bulletins: [ParsedBulletin]) throws -> ImportBatch {
        var batch = ImportBatch()
        var records: [BulletinRecords] = []
        for bulletin in bulletins {
            let date = bulletin.bulletinDate.day
            let id = DocumentID(naturalKey: "staff-bulletin:\(bulletin.language.rawValue):\(date)")
            var builder = PassageBuilder(documentID: id, language: bulletin.language)
            var figures: [Figure] = []
            for item in bulletin.items {
                var metadata: [String: String] = [:]
                if let category = item.category { metadata["category"] = category.rawValue }
                let passageID = builder.append(item.text, role: item.role, language: item.language, metadata: metadata)
                if let category = item.category, let reading = item.reading, let total = reading.total {
                    figures.append(Figure(documentID: id, date: date, category: category, total: total,
                                          delta: reading.delta, qualifier: reading.qualifier,
                                          language: bulletin.language, label: item.text, passageID: passageID))
                }
            }
            let (text, passages) = builder.finish()
            let document = Document(id: id, kind: .staffBulletin, language: bulletin.language,
                                    declaredLanguage: bulletin.declaredLanguage, title: bulletin.title,
                                    publisher: bulletin.publisher, published: bulletin.published, text: text,
                                    metadata: ["bulletin_date": date, "period_start": bulletin.periodStart.day])
            batch.documents.append(document)
            batch.passages += passages
            batch.figures += figures
            records.append(BulletinRecords(document: document, passages: passages, figures: figures))
        }
        if records.count == 2 {
            batch.pairs = try BulletinPairing.pair(records[0], records[1], method: .bilingualList).pairs
        }
        return batch
    }
}
