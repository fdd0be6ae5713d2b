import Foundation
import Testing
import DiglotKit
import DiglotModel
import DiglotStore
import DiglotTestSupport

/// Issue 3's "whichever is imported first": the pipeline pairs a day's Ukrainian and English bulletins after
/// writing the second, with the same pairs in either order, and reports figures that disagree as a mismatch.
@Suite struct BulletinPipelinePairingTests {
    static let samplePairs = [("milgov-uk-2022-10-01.html", "milgov-en-2022-10-01.html"),
                              ("early-2022-02-28-uk.txt", "early-2022-02-28-en.txt")]

    struct Snapshot: Hashable {
        var pair: String, method: String, confidence: Double, status: String, parent: String?, origin: String
    }

    static func importInOrder(_ names: [String], replacing: (String, String)? = nil) throws -> (Set<Snapshot>, StoreArchive) {
        let archive = try StoreArchive()
        let pipeline = ImportPipeline(store: archive.store)
        for name in names {
            var data = try Data(contentsOf: TestPaths.samples.appendingPathComponent("staff-bulletin/\(name)"))
            if let (old, new) = replacing, name.contains("-en") {
                let text = String(decoding: data, as: UTF8.self)
                #expect(text.contains(old))
                data = Data(text.replacingOccurrences(of: old, with: new).utf8)
            }
            guard case .imported = try pipeline.importBytes(data, fileName: name) else {
                Issue.record("\(name) was not imported")
                continue
            }
        }
        let snapshots = Set(try archive.pairs().values.map {
            Snapshot(pair: $0.pair.id.rawValue, method: $0.pair.method.rawValue, confidence: $0.pair.confidence,
                     status: $0.pair.fidelity.status.rawValue, parent: $0.pair.parent?.rawValue, origin: $0.pair.origin.rawValue)
        })
        return (snapshots, archive)
    }

    @Test(arguments: samplePairs)
    func eitherOrderGivesTheSamePairs(uk: String, en: String) throws {
        let (ukFirst, archive) = try Self.importInOrder([uk, en])
        let (enFirst, _) = try Self.importInOrder([en, uk])
        #expect(ukFirst == enFirst)
        let documentPairs = ukFirst.filter { $0.parent == nil }
        #expect(documentPairs.count == 1)
        let documentPair = try #require(documentPairs.first)
        #expect(documentPair.method == "same-bulletin" && documentPair.confidence == 1)
        let lines = ukFirst.filter { $0.parent == documentPair.pair }
        #expect(lines.count >= 10, "one pair per figure line, each with the document pair as parent")
        #expect(lines.allSatisfy { $0.method == "same-bulletin" })
        let rows = try archive.pairs().values.filter { $0.pair.parent == nil }
        #expect(rows.first?.originalLanguage == .ukrainian && rows.first?.renderingLanguage == .english)
        print("\(uk) + \(en): \(ukFirst.count) pairs in either order, fidelity \(documentPair.status)")
    }

    @Test func importingOneBulletinAloneMakesNoPair() throws {
        let (pairs, _) = try Self.importInOrder(["telegram-uk-2022-09-15.txt"])
        #expect(pairs.isEmpty)
    }

    @Test func figuresThatDisagreeAreAMismatchNamingTheCategory() throws {
        let (pairs, archive) = try Self.importInOrder(["early-2022-02-28-uk.txt", "early-2022-02-28-en.txt"],
                                                      replacing: ("Tanks - 150", "Tanks - 151"))
        let documentPair = try #require(pairs.first { $0.parent == nil })
        #expect(documentPair.status == "mismatch")
        let row = try #require(try archive.pairs()[PairID(rawValue: documentPair.pair)])
        #expect(row.pair.fidelity.issues.contains { $0.severity == .mismatch && $0.subject == "tank" && $0.message.contains("151") })
    }

    @Test func aBilingualListKeepsItsOwnPairs() throws {
        let (pairs, _) = try Self.importInOrder(["bilingual-list-2024-02-16.txt"])
        #expect(!pairs.isEmpty && pairs.allSatisfy { $0.method == "bilingual-list" })
    }
}
