import Foundation
import Testing
@testable import DiglotLexicon
import DiglotTestSupport

/// The on-disk cache of derived keys may make loading faster, never different.
@Suite struct DerivedKeyCacheTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diglot-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func derivesOnceThenReadsBack() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var derivations = 0
        func load(_ text: String, version: Int = 1) -> [String] {
            DerivedKeyCache.lines(resource: "test", text: text, version: version, expectedCount: 3, in: folder) {
                derivations += 1
                return ["harkiv", "", "kiiv \(text.count)"]
            }
        }
        let first = load("table one")
        #expect(derivations == 1)
        #expect(load("table one") == first)
        #expect(derivations == 1, "the second load reads the cache")
        _ = load("table two")
        #expect(derivations == 2, "another table text misses the cache")
        _ = load("table one", version: 2)
        #expect(derivations == 3, "another derivation version misses the cache")
    }

    @Test func aTruncatedOrForeignFileIsIgnored() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var derivations = 0
        let derive = { () -> [String] in derivations += 1; return ["a", "b", "c"] }
        _ = DerivedKeyCache.lines(resource: "test", text: "t", version: 1, expectedCount: 3, in: folder, derive: derive)
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".keys") })
        try Data("a\nb".utf8).write(to: folder.appendingPathComponent(file))
        #expect(DerivedKeyCache.lines(resource: "test", text: "t", version: 1, expectedCount: 3, in: folder, derive: derive)
                == ["a", "b", "c"])
        #expect(derivations == 2)
    }

    @Test func oldFingerprintsArePrunedBeyondTheKeptNumber() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for n in 0..<(DerivedKeyCache.keptPerResource + 3) {
            _ = DerivedKeyCache.lines(resource: "test", text: "table \(n)", version: 1, expectedCount: 1, in: folder) { ["k"] }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".keys") }
        #expect(files.count == DerivedKeyCache.keptPerResource)
    }

    /// The bundled tables read through the cache (whatever state it is in) answer as tables derived afresh.
    @Test func cachedTablesAnswerAsDerivedOnes() throws {
        let names = try NamesTable.bundled()
        let derived = NamesTable(entries: names.entries)
        for entry in names.entries {
            for form in entry.allForms {
                #expect(names.entry(for: form) == derived.entry(for: form), "\(form)")
            }
        }
        let glossary = try Glossary.bundled()
        let fresh = Glossary(entries: glossary.entries)
        for entry in glossary.entries.prefix(120) {
            for term in entry.english {
                #expect(glossary.translations(of: term, from: .english, to: .ukrainian)
                        == fresh.translations(of: term, from: .english, to: .ukrainian), "\(term)")
            }
        }
        #expect(glossary.matches(in: "знищено 12 танків і 3 РСЗВ", language: .ukrainian).map(\.term)
                == fresh.matches(in: "знищено 12 танків і 3 РСЗВ", language: .ukrainian).map(\.term))
    }

    /// The cache file's line split against `Data.split` and `String(decoding:)`, on seeded bytes with empty
    /// lines, a final newline or none, Cyrillic and bytes that are not UTF-8.
    @Test func lineSplitMatchesDataSplit() {
        let pieces: [[UInt8]] = [[0x0A], [0x0A, 0x0A], [0x61], [0x20], [0xD0, 0x9A], [0xFF], [0xE2, 0x80], [0x62, 0x63]]
        var generator = SeededGenerator(seed: 818)
        for _ in 0..<5_000 {
            let data = Data((0..<generator.below(10)).flatMap { _ in pieces[generator.below(pieces.count)] })
            let expected = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            #expect(DerivedKeyCache.splitLines(data) == expected, "\(Array(data))")
        }
    }
}
