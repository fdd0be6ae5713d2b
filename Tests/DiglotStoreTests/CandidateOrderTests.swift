import Foundation
import Testing
import GRDB
@testable import DiglotStore

/// `saveCandidates` sorts a batch's tokens and links as their B-trees order them, by SQLite's BINARY collation.
@Suite struct CandidateOrderTests {
    /// `compareBytes` orders texts as SQLite compares them: ASCII, Cyrillic, emoji, combining marks, empty
    /// texts and prefixes of one another, small (inline) and large strings.
    @Test func textsAreOrderedAsSQLiteOrdersThem() throws {
        let archive = try TemporaryArchive()
        let pieces = ["", "a", "k:", "n:12", "київ", "Київ", "ї", "🇺🇦", "e\u{301}", "é", "z", "k:київ", "s:1497000000000023757",
                      String(repeating: "ж", count: 12), "\u{7F}", "\u{80}", "~"]
        var random = SystemRandomNumberGenerator()
        var texts: [String] = pieces
        for _ in 0..<200 {
            texts.append((0..<Int.random(in: 1...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        var compared = 0
        try archive.store.reading { db in
            for _ in 0..<2_000 {
                let a = texts.randomElement(using: &random)!, b = Bool.random(using: &random) ? a : texts.randomElement(using: &random)!
                let sqlite = try Int.fetchOne(db, sql: "SELECT CASE WHEN ?1 < ?2 THEN -1 WHEN ?1 = ?2 THEN 0 ELSE 1 END",
                                              arguments: [a, b])!
                #expect(ArchiveStore.compareBytes(a, b).signum() == sqlite, "\(a.debugDescription) \(b.debugDescription)")
                compared += 1
            }
        }
        #expect(compared == 2_000)
    }
}
