import Foundation
import Testing
import DiglotKit
import DiglotModel
import DiglotPairing
import DiglotStore

/// `diglot pair` through the archive: the store-backed candidate index against the in-memory reference, the
/// evaluation set run through the store path, incremental runs, curation that survives later runs, and the
/// fidelity check of importer pairs.
@Suite struct StorePairingTests {
    /// The token lookup `diglot pair` makes for each dated candidate: the other language, ±3 days, its tokens.
    static func tokenLookups(_ set: EvaluationSet)
        -> [(candidate: PairingCandidate, target: LanguageTag, days: ClosedRange<Int>, tokens: [String])] {
        set.candidates.compactMap { candidate in
            guard let day = candidate.day else { return nil }
            let target: LanguageTag = candidate.language == .english ? .ukrainian : .english
            return (candidate, target, (day - 3)...(day + 3), candidate.signature.blockingTokens)
        }
    }

    @Test func storeIndexAnswersWhatTheInMemoryIndexAnswers() throws {
        let set = try EvaluationSet.load()
        let archive = try StoreArchive()
        try archive.write(set.archiveDocuments())
        _ = try PairingRunner(store: archive.store).run()
        #expect(try archive.store.candidateCount() == set.candidates.count)

        let memory = InMemoryCandidateIndex(set.candidates)
        let stored = StoreCandidateIndex(store: archive.store)
        var lookups = 0
        for (candidate, target, days, tokens) in Self.tokenLookups(set) {
            let fromMemory = memory.candidates(language: target, days: days, sharing: tokens, limit: 64)
            let fromStore = stored.candidates(language: target, days: days, sharing: tokens, limit: 64)
            #expect(fromStore.map(\.candidate.id) == fromMemory.map(\.candidate.id), "token lookup for \(set.name[candidate.id]!)")
            #expect(fromStore.map(\.sharedTokens) == fromMemory.map(\.sharedTokens))
            #expect(fromStore.map(\.candidate.signature) == fromMemory.map(\.candidate.signature))
            #expect(stored.candidates(language: target, days: days, limit: 400).map(\.id)
                    == memory.candidates(language: target, days: days, limit: 400).map(\.id))
            let links = candidate.ownLinks.union(candidate.outgoingLinks)
            #expect(Set(stored.candidates(linkedBy: links).map(\.id)) == Set(memory.candidates(linkedBy: links).map(\.id)))
            lookups += 3
        }
        try stored.checkError()
        print("store index: \(lookups) lookups agree with the in-memory index on \(set.candidates.count) documents")
    }

    /// Tokens shared by more documents of a day than the stop length count for nothing, in the store's query as
    /// in memory: with a stop length of 1, 2 and 3 many of the evaluation set's tokens are stop tokens.
    @Test func stopTokensAreLeftOutAsInMemory() throws {
        let set = try EvaluationSet.load()
        let archive = try StoreArchive()
        try archive.write(set.archiveDocuments())
        _ = try PairingRunner(store: archive.store).run()
        var differing = 0
        for stopLength in [1, 2, 3] {
            var memory = InMemoryCandidateIndex(set.candidates)
            memory.stopTokenLength = stopLength
            let stored = StoreCandidateIndex(store: archive.store, stopTokenLength: stopLength)
            for (_, target, days, tokens) in Self.tokenLookups(set) {
                let fromMemory = memory.candidates(language: target, days: days, sharing: tokens, limit: 64)
                let fromStore = stored.candidates(language: target, days: days, sharing: tokens, limit: 64)
                #expect(fromStore.map(\.candidate.id) == fromMemory.map(\.candidate.id), "stop length \(stopLength)")
                #expect(fromStore.map(\.sharedTokens) == fromMemory.map(\.sharedTokens))
                let unlimited = StoreCandidateIndex(store: archive.store)
                    .candidates(language: target, days: days, sharing: tokens, limit: 64)
                if unlimited.map(\.sharedTokens) != fromStore.map(\.sharedTokens) { differing += 1 }
            }
            try stored.checkError()
        }
        #expect(differing > 10, "the stop lengths change what is found")
    }

    /// A lookup told which candidates its caller holds answers the same hits in the same order, leaving out the
    /// entries of exactly those; the others are the entries a full lookup reads.
    @Test func hitsLeaveOutOnlyTheEntriesTheCallerKnows() throws {
        let set = try EvaluationSet.load()
        let archive = try StoreArchive()
        try archive.write(set.archiveDocuments())
        _ = try PairingRunner(store: archive.store).run()
        let store = archive.store
        let known: (Int64) -> Bool = { $0 % 3 == 0 }
        var leftOut = 0, read = 0
        func compare(_ hits: [CandidateHit], _ full: [StoredCandidate], _ what: String) {
            #expect(hits.map(\.sequence) == full.map(\.entry.sequence), "\(what): the same hits in the same order")
            #expect(hits.map(\.sharedTokens) == full.map(\.sharedTokens), "\(what)")
            for (hit, stored) in zip(hits, full) {
                if known(hit.sequence) {
                    #expect(hit.entry == nil, "\(what): a known candidate's row is not read")
                    leftOut += 1
                } else {
                    #expect(hit.entry == stored.entry, "\(what): an unknown candidate's entry as a full lookup reads it")
                    read += 1
                }
            }
        }
        for (candidate, target, days, tokens) in Self.tokenLookups(set) {
            compare(try store.candidateHits(language: target, days: days, sharing: tokens, limit: 64, stopTokenLength: 512, known: known),
                    try store.candidates(language: target, days: days, sharing: tokens, limit: 64, stopTokenLength: 512),
                    "token lookup")
            compare(try store.candidateHits(language: target, days: days, limit: 400, known: known),
                    try store.candidates(language: target, days: days, limit: 400), "day lookup")
            let links = candidate.ownLinks.union(candidate.outgoingLinks)
            compare(try store.candidateHits(linkedBy: links, known: known), try store.candidates(linkedBy: links), "link lookup")
        }
        #expect(leftOut > 100 && read > 100, "both kinds of hit were seen: \(leftOut) left out, \(read) read")
    }

    /// Candidate entries are written with their tokens and links in key order, not arrival order: whatever the
    /// order (and repeats) of an entry's tokens, every token finds the entry, and a second save changes nothing.
    @Test func savedTokensAndLinksFindTheirEntriesWhateverTheirOrder() throws {
        let archive = try StoreArchive()
        let documents = (0..<40).map { n in
            DiglotModel.Document(id: DocumentID(rawValue: String(format: "%064x", n + 1)), kind: .article,
                                 language: n % 2 == 0 ? .ukrainian : .english, title: "t\(n)",
                                 published: PublishedDate(iso: "2023-03-1\(n % 5)"), text: "text \(n)")
        }
        try archive.write(documents)
        let store = archive.store
        var sequences: [Int64] = []
        for (n, _) in documents.enumerated() { sequences.append(Int64(n + 1)) }
        let entries = zip(documents, sequences).map { document, sequence in
            let n = Int(sequence)
            // Tokens out of order, repeated, Cyrillic and ASCII mixed: sorted by bytes they interleave entries.
            let tokens = ["n:\(100 - n)", "k:київ", "n:\(n % 7)", "k:київ", "k:\(n % 3)a", "k:я\(n)"]
            return CandidateEntry(sequence: sequence, document: document.id, language: document.language, kind: .article,
                                  day: 19_430 + n % 5, signature: "s\(n)", tokens: tokens,
                                  ownLinks: ["u:\(n)", "s:\(n)"], outgoingLinks: n > 1 ? ["u:\(n - 1)", "u:\(n)"] : [])
        }
        try store.saveCandidates(entries.shuffled())
        try store.saveCandidates(entries)
        #expect(try store.candidateCount() == documents.count)
        for entry in entries {
            for token in Set(entry.tokens) {
                let found = try store.candidates(language: entry.language, days: entry.day!...entry.day!, sharing: [token],
                                                 limit: 1_000, stopTokenLength: 1_000)
                #expect(found.contains { $0.entry.sequence == entry.sequence && $0.sharedTokens == 1 }, "\(token) finds \(entry.sequence)")
            }
            let linked = try store.candidates(linkedBy: ["s:\(entry.sequence)"])
            #expect(linked.map(\.entry.sequence) == [entry.sequence])
            #expect(linked.first?.entry.signature == entry.signature)
            #expect(linked.first?.entry.ownLinks == entry.ownLinks.sorted())
        }
        let pointing = try store.candidates(linkedBy: ["u:5"]).map(\.entry.sequence)
        #expect(pointing == [5, 6], "its own URL and the next document's outgoing link")
    }

    /// The passage texts and figures read for a batch of arrivals in one transaction are those read one by one.
    @Test func passageTextsAndFiguresOfManyDocumentsAreThoseOfEach() throws {
        let (_, archive) = try BulletinPipelinePairingTests.importInOrder(
            BulletinPipelinePairingTests.samplePairs.flatMap { [$0.0, $0.1] })
        let set = try EvaluationSet.load()
        try archive.write(set.archiveDocuments())
        let documents = try archive.store.documents(since: 0, limit: 1_000).map(\.document)
        let unknown = DiglotModel.Document(id: DocumentID(rawValue: String(repeating: "0", count: 64)), kind: .article,
                                           language: .english, text: "not stored")
        let together = try archive.store.passageTextsAndFigures(of: documents + [unknown])
        #expect(together.count == documents.count + 1)
        for (document, parts) in zip(documents, together) {
            #expect(parts.passages == (try archive.store.passages(of: document.id)).map(\.text))
            #expect(parts.figures == (try archive.store.figures(of: document.id)))
        }
        #expect(together.last.map { $0.passages.isEmpty && $0.figures.isEmpty } == true, "an unknown document has none")
        #expect(together.filter { !$0.figures.isEmpty }.count >= 4, "the bulletins' figures are read")
        #expect(together.filter { !$0.passages.isEmpty }.count >= 4, "the bulletins' passages are read")
    }

    @Test func evaluationThroughTheStoreMeetsTheTargets() throws {
        let set = try EvaluationSet.load()
        let archive = try StoreArchive()
        try archive.write(set.archiveDocuments())
        let summary = try PairingRunner(store: archive.store).run()
        #expect(summary.examined == set.documents.count)

        let gold = Set(set.pairs.map { "\($0.original)|\($0.rendering)" })
        let stored = try archive.pairs().values.filter { $0.pair.origin == .engine }
        let found = Set(stored.map { "\(set.name[$0.originalDocument] ?? "?")|\(set.name[$0.renderingDocument] ?? "?")" })
        let truePositives = found.intersection(gold).count
        let precision = found.isEmpty ? 1 : Double(truePositives) / Double(found.count)
        let recall = Double(truePositives) / Double(gold.count)
        for key in found.subtracting(gold).sorted() { print("store path, false pair: \(key)") }
        for key in gold.subtracting(found).sorted() { print("store path, missed pair: \(key)") }
        print(String(format: "store path: %d gold pairs, %d stored; precision %.3f recall %.3f (run %.2f s)",
                     gold.count, found.count, precision, recall, summary.seconds))
        #expect(precision >= 0.98)
        #expect(recall >= 0.95)

        let memory = PairingEngine().findPairs(new: set.candidates, pool: InMemoryCandidateIndex(set.candidates))
        let fromMemory = Set(memory.map { "\(set.name[$0.original]!)|\(set.name[$0.rendering]!)" })
        #expect(found == fromMemory, "the store path finds what the in-memory path finds")

        let units = try stored.map { try archive.store.alignedUnits(of: $0.pair.id) }
        #expect(units.allSatisfy { !$0.isEmpty }, "every saved engine pair is aligned")
        #expect(stored.allSatisfy { $0.pair.fidelity.status != .unchecked }, "every saved engine pair is checked")
    }

    @Test func aSecondRunExaminesNothingAndNewArrivalsPairWithTheArchive() throws {
        let archive = try StoreArchive()
        let (uk, en) = Self.statementPair(day: "2023-03-14", figure: "2 716")
        try archive.write([uk])
        let first = try PairingRunner(store: archive.store).run()
        #expect(first.examined == 1 && first.pairs == 0)
        let second = try PairingRunner(store: archive.store).run()
        #expect(second.examined == 0 && second.found == 0 && second.pairs == 0)

        try archive.write([en])
        let third = try PairingRunner(store: archive.store).run()
        #expect(third.examined == 1)
        #expect(third.pairs == 1, "the new English rendering is paired with the Ukrainian original stored earlier")
        let pair = try #require(try archive.pairs()[PairID(original: .document(uk.id), rendering: .document(en.id))])
        #expect(pair.pair.origin == .engine && pair.pair.fidelity.status == .ok)
        #expect(third.lastSequence == (try archive.store.latestSequence()))
        #expect(try PairingRunner(store: archive.store).run().examined == 0)
    }

    /// What the scale benchmark relies on: documents indexed without pairing count as examined, and a later
    /// arrival still finds them as partners.
    @Test func indexingWithoutPairingLeavesTheArchiveReadyForArrivals() throws {
        let archive = try StoreArchive()
        let (uk, en) = Self.statementPair(day: "2023-03-14", figure: "2 716")
        try archive.write([uk])
        #expect(try PairingRunner(store: archive.store).indexWithoutPairing() == 1)
        #expect(try archive.store.candidateCount() == 1)
        #expect(try PairingRunner(store: archive.store).indexWithoutPairing() == 0)
        try archive.write([en])
        let run = try PairingRunner(store: archive.store).run()
        #expect(run.examined == 1 && run.pairs == 1)
        #expect(try archive.pairs()[PairID(original: .document(uk.id), rendering: .document(en.id))] != nil)
    }

    @Test func linksAndUnlinksSurviveEveryLaterRun() throws {
        let archive = try StoreArchive()
        let (uk1, en1) = Self.statementPair(day: "2023-03-14", figure: "2 716")
        let (uk2, en2) = Self.statementPair(day: "2023-05-02", figure: "4 180")
        try archive.write([uk1, en1, uk2, en2])
        let runner = PairingRunner(store: archive.store)
        _ = try runner.run()
        let found1 = PairID(original: .document(uk1.id), rendering: .document(en1.id))
        let found2 = PairID(original: .document(uk2.id), rendering: .document(en2.id))
        #expect(try archive.pairs().keys.sorted() == [found1, found2].sorted())

        try runner.unlink(found1)
        let manual = try runner.link(original: .document(uk2.id), rendering: .document(en1.id))
        #expect(manual.method == .manual && manual.confidence == 1 && manual.origin == .manual)
        #expect(manual.fidelity.status == .mismatch, "the hand-made pair is checked: its figures differ")
        #expect(try archive.pairs()[found2] == nil, "the engine pair holding the original's English slot gave way")
        #expect(try !archive.store.alignedUnits(of: manual.id).isEmpty)

        // Later runs, including one that re-examines the whole archive, leave the curation as it is.
        _ = try runner.run()
        try archive.store.setMeta(PairingRunner.lastSequenceKey, nil)
        let full = try runner.run()
        #expect(full.examined == 4)
        let after = try archive.pairs()
        #expect(after[found1] == nil, "an unlinked pair never comes back")
        #expect(after[manual.id]?.pair.origin == .manual && after[manual.id]?.pair.method == .manual)
        #expect(after[found2] == nil, "the manual pair keeps its slot")
        #expect(try archive.store.isUnlinked(found1))
    }

    @Test func importerPairsStoredUncheckedAreCheckedByTheRun() throws {
        let archive = try StoreArchive()
        let uk = Document(id: DocumentID(naturalKey: "t:uk"), kind: .tweet, language: .ukrainian,
                          published: PublishedDate(iso: "2023-06-06"),
                          text: "Ворог втратив 45 танків і 120 артилерійських систем за тиждень.")
        let en = Document(id: DocumentID(naturalKey: "t:en"), kind: .article, language: .english,
                          published: PublishedDate(iso: "2023-06-06"),
                          text: "The enemy lost 45 tanks and 210 artillery systems in a week.")
        let pair = Pair(original: .document(uk.id), rendering: .document(en.id), method: .tmx, confidence: 1)
        try archive.write([uk, en], pairs: [pair])
        #expect(try archive.pairs()[pair.id]?.pair.fidelity.status == .unchecked)
        let summary = try PairingRunner(store: archive.store).run()
        #expect(summary.checked == 1)
        let checked = try #require(try archive.pairs()[pair.id])
        #expect(checked.pair.fidelity.status == .mismatch)
        #expect(checked.pair.fidelity.issues.contains { $0.message.contains("120") })
        #expect(checked.pair.method == .tmx && checked.pair.origin == .importer, "the check keeps the importer's pair as it was")
        #expect(summary.pairs == 0, "the two documents are already paired, so the engine adds no second pair")
    }

    /// The check aligns an unchecked pair that has no sentence alignment and keeps the one an importer stored.
    @Test func theCheckKeepsStoredAlignmentsAndAlignsThePairsWithout() throws {
        let archive = try StoreArchive()
        let (uk1, en1) = Self.statementPair(day: "2023-05-01", figure: "510")
        let (uk2, en2) = Self.statementPair(day: "2023-05-02", figure: "620")
        let bare = Pair(original: .document(uk1.id), rendering: .document(en1.id), method: .tmx, confidence: 1)
        let aligned = Pair(original: .document(uk2.id), rendering: .document(en2.id), method: .tmx, confidence: 1)
        let given = AlignedUnit(pairID: aligned.id, index: 0, originalText: "Оборона триває.",
                                renderingText: "The defence continues.", pattern: "1-1")
        let source = Source(bytes: Data("two tmx pairs".utf8), mediaType: "application/x-tmx+xml", fileName: "pairs.tmx",
                            importedAt: Date(), importerID: "test", importerVersion: "1")
        _ = try archive.store.write(source: source, batch: ImportBatch(documents: [uk1, en1, uk2, en2], pairs: [bare, aligned],
                                                                   alignedUnits: [given]))
        let unknown = PairID(rawValue: String(repeating: "f", count: 64))
        #expect(try archive.store.pairsWithAlignedUnits([bare.id, aligned.id, unknown]) == [aligned.id])

        let summary = try PairingRunner(store: archive.store).run()
        #expect(summary.checked == 2)
        #expect(try archive.store.alignedUnits(of: aligned.id) == [given], "the importer's alignment stays as it was")
        #expect(try archive.store.alignedUnits(of: bare.id).count >= 3, "the pair without one is aligned sentence by sentence")
        #expect(try archive.store.pairsWithAlignedUnits([bare.id, aligned.id, unknown]) == [bare.id, aligned.id])
        #expect(try archive.store.pairsWithAlignedUnits([]).isEmpty)
    }

    /// A Ukrainian statement and its faithful English rendering, published the same day.
    static func statementPair(day: String, figure: String) -> (Document, Document) {
        let uk = Document(id: DocumentID(naturalKey: "uk:\(day)"), kind: .article, language: .ukrainian,
                          title: "Зеленський: оборона Бахмута триває",
                          published: PublishedDate(iso: day),
                          text: "Президент Володимир Зеленський заявив, що оборона Бахмута триває. За добу ворог втратив \(figure) військових і 14 танків. Харків та Одеса отримали нові системи ППО.")
        let en = Document(id: DocumentID(naturalKey: "en:\(day)"), kind: .article, language: .english,
                          title: "Zelensky: the defence of Bakhmut continues",
                          published: PublishedDate(iso: day),
                          text: "President Volodymyr Zelensky said the defence of Bakhmut continues. In one day the enemy lost \(figure.replacingOccurrences(of: " ", with: ",")) soldiers and 14 tanks. Kharkiv and Odesa received new air defence systems.")
        return (uk, en)
    }
}
