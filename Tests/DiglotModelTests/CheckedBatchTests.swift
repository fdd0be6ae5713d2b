import Testing
@testable import DiglotModel

/// `CheckedBatch` lets the writer skip the check of a batch sound on its own. That is safe only because what
/// the archive knows never adds a problem: these tests hold `validationProblems` to that, batch by batch, for
/// every kind of problem it reports.
@Suite struct CheckedBatchTests {
    static let uk = Document(id: DocumentID(naturalKey: "uk"), kind: .staffBulletin, language: .ukrainian,
                             text: "танки — 40\nлітаки — 2")
    static let en = Document(id: DocumentID(naturalKey: "en"), kind: .staffBulletin, language: .english,
                             text: "tanks — 40\naircraft — 2")
    /// Records the batches below name but do not hold: what an archive may or may not know.
    static let archived = DocumentID(naturalKey: "archived")
    static let archivedPassage = PassageID(document: archived, index: 3)

    static func line(_ document: Document, _ index: Int) -> Passage {
        let lines = document.text.split(separator: "\n").map(String.init)
        let start = lines[..<index].reduce(0) { $0 + $1.unicodeScalars.count + 1 }
        return Passage(documentID: document.id, index: index, role: .figureLine, start: start,
                       end: start + lines[index].unicodeScalars.count, language: document.language, text: lines[index])
    }

    static var sound: ImportBatch {
        let pair = Pair(original: .document(uk.id), rendering: .document(en.id), method: .numbers, confidence: 1)
        return ImportBatch(documents: [uk, en], passages: [line(uk, 0), line(uk, 1), line(en, 0), line(en, 1)],
                           pairs: [pair],
                           figures: [Figure(documentID: uk.id, date: "2024-01-01", category: .tank, total: 40, delta: nil,
                                   qualifier: nil, language: .ukrainian)],
                           alignedUnits: [AlignedUnit(pairID: pair.id, index: 0, originalText: "танки", renderingText: "tanks",
                                                      pattern: "1-1")])
    }

    /// One batch per problem `validationProblems` reports, and batches naming records outside themselves.
    static var cases: [(name: String, batch: ImportBatch)] {
        var cases: [(String, ImportBatch)] = [("sound", sound)]
        var batch = sound
        batch.documents.append(uk)
        cases.append(("document twice", batch))
        batch = sound
        batch.passages.append(line(uk, 0))
        cases.append(("passage twice", batch))
        batch = sound
        batch.passages[1].id = PassageID(document: en.id, index: 1)
        cases.append(("passage id not its own", batch))
        batch = sound
        batch.passages[3].end = 999
        cases.append(("span past the text", batch))
        batch = sound
        batch.passages[2].start = -1
        cases.append(("negative start", batch))
        batch = sound
        batch.passages[1].text = ""
        cases.append(("empty text over characters", batch))
        batch = sound
        batch.passages.append(Passage(documentID: archived, index: 0, role: .paragraph, start: 0, end: 1,
                                      language: .english, text: "x"))
        cases.append(("passage of a document outside", batch))
        batch = sound
        batch.pairs.append(Pair(original: .document(archived), rendering: .document(en.id), method: .manual, confidence: 1))
        cases.append(("pair with an archived original", batch))
        batch = sound
        batch.pairs.append(Pair(original: .passage(line(uk, 0).id), rendering: .passage(archivedPassage), method: .manual,
                                confidence: 1))
        cases.append(("pair with an archived passage", batch))
        batch = sound
        batch.pairs.append(Pair(original: .document(uk.id), rendering: .document(uk.id), method: .manual, confidence: 1))
        cases.append(("pair with itself", batch))
        batch = sound
        batch.pairs[0].confidence = 1.5
        cases.append(("confidence above 1", batch))
        batch = sound
        batch.pairs[0].confidence = .nan
        cases.append(("confidence NaN", batch))
        batch = sound
        batch.figures.append(Figure(documentID: archived, date: "2024-01-01", category: .aircraft, total: 2, delta: nil,
                                    qualifier: nil, language: .english))
        cases.append(("figure of an archived document", batch))
        batch = sound
        batch.alignedUnits.append(AlignedUnit(pairID: PairID(original: .document(archived), rendering: .document(en.id)),
                                              index: 0, originalText: "a", renderingText: "b", pattern: "1-1"))
        cases.append(("aligned unit of an unknown pair", batch))
        return cases
    }

    /// What an archive might know: nothing, the records named, records unrelated, the batch's own.
    static var knowledge: [(documents: Set<DocumentID>, passages: Set<PassageID>)] {
        [([], []), ([archived], [archivedPassage]), ([DocumentID(naturalKey: "other")], []),
         ([uk.id, en.id, archived], [line(uk, 0).id, archivedPassage])]
    }

    @Test func whatTheArchiveKnowsNeverAddsAProblem() {
        for (name, batch) in Self.cases {
            let alone = Set(batch.validationProblems())
            for known in Self.knowledge {
                let problems = batch.validationProblems(knownDocuments: known.documents, knownPassages: known.passages)
                #expect(Set(problems).isSubset(of: alone), "\(name): \(problems) against \(alone)")
            }
        }
    }

    @Test func aBatchSoundAloneIsSoundAgainstAnyArchiveAndTheArchiveIsNotAsked() {
        let checked = CheckedBatch(Self.sound)
        #expect(checked.isSoundAlone)
        var asked = 0
        #expect(checked.problems { asked += 1; return ([], []) }.isEmpty)
        #expect(asked == 0)
    }

    @Test func everyOtherBatchIsCheckedAgainstWhatTheArchiveKnows() {
        for (name, batch) in Self.cases where name != "sound" {
            let checked = CheckedBatch(batch)
            #expect(!checked.isSoundAlone, "\(name)")
            for known in Self.knowledge {
                var asked = 0
                let problems = checked.problems { asked += 1; return known }
                #expect(asked == 1, "\(name)")
                #expect(problems == batch.validationProblems(knownDocuments: known.documents, knownPassages: known.passages),
                        "\(name)")
            }
            #expect(!checked.problems { ([], []) }.isEmpty, "\(name) has a problem with nothing known")
        }
        let namesArchived = Self.cases.first { $0.name == "pair with an archived passage" }!.batch
        #expect(CheckedBatch(namesArchived).problems { ([Self.archived], [Self.archivedPassage]) }.isEmpty)
    }
}
