/// Consistency checks on a batch, run before anything is stored, so that a buggy or hostile importer
/// (external importers especially) can never write dangling references or out-of-range spans.
public extension ImportBatch {
    /// Every problem found, one sentence each; empty when the batch is sound.
    ///
    /// - Parameter knownDocuments: ids already in the archive, which pairs may reference.
    func validationProblems(knownDocuments: Set<DocumentID> = [], knownPassages: Set<PassageID> = []) -> [String] {
        var problems: [String] = []
        // Each document's position (the last, as a dictionary keeps the last of repeated keys), not a copy of
        // it: a `Document` copied out for each passage was a tenth of checking them.
        var documentsByID: [DocumentID: Int] = [:]
        for (position, document) in documents.enumerated() {
            if documentsByID[document.id] != nil { problems.append("document \(document.id) appears twice") }
            documentsByID[document.id] = position
        }
        var passageIDs = Set<PassageID>()
        // Counted once per document: counting per passage walked a bulletin's whole text for each of its lines.
        var lengths: [DocumentID: Int] = [:]
        for passage in passages {
            guard let position = documentsByID[passage.documentID] else {
                problems.append("passage \(passage.id) belongs to unknown document \(passage.documentID)")
                continue
            }
            if passage.id != PassageID(document: passage.documentID, index: passage.index) {
                problems.append("passage \(passage.id) does not match its document and index")
            }
            if !passageIDs.insert(passage.id).inserted { problems.append("passage \(passage.id) appears twice") }
            let length = lengths[passage.documentID] ?? documents[position].text.unicodeScalarCount
            lengths[passage.documentID] = length
            if passage.start < 0 || passage.end < passage.start || passage.end > length {
                problems.append("passage \(passage.id) spans \(passage.start)..<\(passage.end) outside its document (\(length) characters)")
            }
            // The archive stores a passage that repeats its span as an empty text (`passagesStoredAsSpans`),
            // so an empty text over characters would be read back as those characters.
            if passage.text.isEmpty && passage.end > passage.start {
                problems.append("passage \(passage.id) has no text over its span \(passage.start)..<\(passage.end)")
            }
        }
        func known(_ side: PairSide) -> Bool {
            switch side {
            case .document(let id): return documentsByID[id] != nil || knownDocuments.contains(id)
            case .passage(let id): return passageIDs.contains(id) || knownPassages.contains(id)
            }
        }
        for pair in pairs {
            if !known(pair.original) { problems.append("pair \(pair.id) names unknown original \(pair.original)") }
            if !known(pair.rendering) { problems.append("pair \(pair.id) names unknown rendering \(pair.rendering)") }
            if pair.original == pair.rendering { problems.append("pair \(pair.id) pairs \(pair.original) with itself") }
            if !(0...1).contains(pair.confidence) || pair.confidence.isNaN {
                problems.append("pair \(pair.id) has confidence \(pair.confidence) outside 0...1")
            }
        }
        for figure in figures where documentsByID[figure.documentID] == nil && !knownDocuments.contains(figure.documentID) {
            problems.append("figure \(figure.category) belongs to unknown document \(figure.documentID)")
        }
        let pairIDs = Set(pairs.map(\.id))
        for unit in alignedUnits where !pairIDs.contains(unit.pairID) {
            problems.append("aligned unit \(unit.index) belongs to unknown pair \(unit.pairID)")
        }
        return problems
    }
}
