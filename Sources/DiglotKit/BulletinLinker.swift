import DiglotModel
import DiglotStore
import StaffBulletinImporter

/// Pairs language versions of one day's General Staff bulletin across imports, whichever is imported first.
///
/// After the pipeline writes a `staff-bulletin` document it looks up the stored bulletins of the same
/// `bulletin_date` in other languages and pairs each with it through `BulletinPairing.pair`: a document pair
/// (`same-bulletin`, confidence 1) and one pair per figure line, with fidelity comparing the figures category by
/// category (a total or delta that differs is a `mismatch` naming the category). Two bulletins already paired
/// (the halves of a bilingual list) or unlinked by a person are left as they are.
///
/// ```swift
/// let added = try BulletinLinker(store: store).pairBulletins(of: batch)
/// ```
struct BulletinLinker {
    let store: ArchiveStore

    /// - Returns: how many pairs (document and line pairs) were added.
    func pairBulletins(of batch: ImportBatch) throws -> Int {
        var added = 0
        for document in batch.documents where document.kind == .staffBulletin {
            guard let date = document.metadata["bulletin_date"] else { continue }
            let others = try store.staffBulletins(on: date).filter { $0.id != document.id && $0.language != document.language }
            guard !others.isEmpty else { continue }
            let existing = try store.pairs(touching: [document.id])
            for other in others where other.language.isEastSlavic || document.language.isEastSlavic {
                let alreadyPaired = existing.contains { ends in
                    ends.isDocumentLevel && Set([ends.originalDocument, ends.renderingDocument]) == Set([document.id, other.id])
                }
                guard !alreadyPaired else { continue }
                let result = try BulletinPairing.pair(try records(of: document.id), try records(of: other.id))
                guard try store.unlinked(among: [result.documentPair.id]).isEmpty else { continue }
                added += try store.savePairs(result.pairs)
            }
        }
        return added
    }

    /// The bulletin as the archive holds it (an earlier import may have stored it first).
    private func records(of id: DocumentID) throws -> BulletinRecords {
        guard let document = try store.documents([id]).first else {
            throw StoreError(file: store.path, reason: .notFound("document \(id)"))
        }
        return BulletinRecords(document: document, passages: try store.passages(of: id), figures: try store.figures(of: id))
    }
}
