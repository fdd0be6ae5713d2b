/// A batch with the checks that need no archive already run, so the archive's one writing thread need not run
/// them.
///
/// Why: checking a batch (every passage's id recomputed from its document and index, its span measured against
/// its document) was 7 % of an import's writing thread, and an import on two cores waits for that thread. What
/// the archive knows can only settle references the batch makes to records outside it: `validationProblems`
/// with larger `knownDocuments` and `knownPassages` never finds a problem it did not find with none. So a batch
/// with no problem on its own (`isSoundAlone`, decided here, on the thread that parsed it) is sound against any
/// archive, and only a batch that names records outside itself, or is broken, is checked again by the writer.
///
/// The only way to make one is this initializer, which runs the check; a caller cannot declare a batch checked.
///
/// ```swift
/// let checked = CheckedBatch(batch)                       // on a parsing thread
/// try store.write(source: source, checked: checked)       // the writer checks only what the archive settles
/// ```
public struct CheckedBatch: Sendable {
    public let batch: ImportBatch
    /// Whether the batch has no problem even with nothing outside it known.
    public let isSoundAlone: Bool
    /// `batch.passagesStoredAsSpans()`, found here for the same reason: the writer stores those passages'
    /// texts once, in their documents.
    public let passagesStoredAsSpans: [Bool]

    public init(_ batch: ImportBatch) {
        self.batch = batch
        isSoundAlone = batch.validationProblems().isEmpty
        passagesStoredAsSpans = batch.passagesStoredAsSpans()
    }

    /// Every problem of the batch given the records the archive holds; the archive is asked (`known`) only for
    /// a batch that is not sound alone.
    public func problems(known: () throws -> (documents: Set<DocumentID>, passages: Set<PassageID>)) rethrows -> [String] {
        guard !isSoundAlone else { return [] }
        let (documents, passages) = try known()
        return batch.validationProblems(knownDocuments: documents, knownPassages: passages)
    }
}
