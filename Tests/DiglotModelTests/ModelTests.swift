import Foundation
import Dispatch
import Testing
@testable import DiglotModel

@Suite struct ModelTests {
    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(of: long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// Lengths around the padding boundaries (55/56 bytes: one or two final blocks; 64: a whole block
    /// pending), a million bytes, and an input in several regions, against `sha256sum`.
    @Test func sha256HandlesBlockBoundariesLargeInputsAndRegions() {
        let expected: [Int: String] = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            63: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
            65: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
            119: "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb",
            128: "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e",
            1_000_000: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
        ]
        for (length, hex) in expected {
            #expect(SHA256.hex(of: Data(repeating: 0x61, count: length)) == hex, "\(length) bytes")
            #expect(SHA256.hex(of: [UInt8](repeating: 0x61, count: length)) == hex, "\(length) bytes as an array")
        }
        // DispatchData keeps appended buffers as separate regions: 50 + 70 + 8 bytes, split inside blocks.
        var regions = DispatchData.empty
        for count in [50, 70, 8] {
            let part = [UInt8](repeating: 0x61, count: count)
            part.withUnsafeBytes { regions.append(DispatchData(bytes: $0)) }
        }
        #expect(regions.regions.count == 3)
        #expect(SHA256.hex(of: regions) == expected[128])
    }

    /// The SHA extensions' rounds (`CSHA256`) against the Swift rounds, on every length up to five blocks and
    /// pseudo-random bytes fed in uneven pieces, and both against `sha256sum`'s digests above. On a CPU without
    /// the extensions both hashers run the Swift rounds and the comparison says nothing, so the test says so.
    @Test func sha256HardwareRoundsEqualTheSwiftRounds() {
        if !SHA256.hardwareAvailable {
            print("sha256HardwareRoundsEqualTheSwiftRounds: this CPU has no SHA extensions; only the Swift rounds ran")
        }
        func digest(_ bytes: [UInt8], hardware: Bool, piece: Int) -> [UInt8] {
            var hasher = SHA256.Hasher()
            hasher.usesHardware = hardware && SHA256.hardwareAvailable
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + piece)
                bytes[offset..<end].withUnsafeBytes { hasher.update($0) }
                offset = end
            }
            return hasher.finish()
        }
        var generator = SystemRandomNumberGenerator()
        let random = (0..<(5 * 64 + 1)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for length in 0...random.count {
            let bytes = Array(random.prefix(length))
            let piece = [1, 7, 64, 200][length % 4]
            #expect(digest(bytes, hardware: true, piece: piece) == digest(bytes, hardware: false, piece: 13), "\(length) bytes")
        }
        let million = [UInt8](repeating: 0x61, count: 1_000_000)
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        for hardware in [true, false] {
            let hex = digest(million, hardware: hardware, piece: 4096).map { String(format: "%02x", $0) }.joined()
            #expect(hex == expected, "hardware: \(hardware)")
        }
    }

    @Test func languageTagsDropRegionsAndNormaliseOddTags() {
        #expect(LanguageTag(bcp47: "uk-UA") == .ukrainian)
        #expect(LanguageTag(bcp47: "EN_us") == .english)
        #expect(LanguageTag(bcp47: "zxx") == .undetermined)
        #expect(LanguageTag(bcp47: "ua") == .ukrainian)
        #expect(LanguageTag(bcp47: "") == .undetermined)
        #expect(LanguageTag(bcp47: "x1!") == .undetermined)
    }

    @Test func idsAreDerivedAndStable() {
        let a = DocumentID(naturalKey: "tweet:1497")
        #expect(a == DocumentID(naturalKey: "tweet:1497"))
        #expect(a != DocumentID(naturalKey: "tweet:1498"))
        #expect(a.rawValue.hasPrefix("d") && a.rawValue.count == 17)
        let p = PassageID(document: a, index: 2)
        #expect(PairSide(rawValue: p.rawValue) == .passage(p))
        #expect(PairSide(rawValue: a.rawValue) == .document(a))
        #expect(PairSide(rawValue: "x1") == nil)
    }

    /// `PassageID.range(of:)` is how the archive finds a document's passages (schema 9): every id the formula
    /// gives lies inside it, for documents by the usual formula and for ids an external importer chose (shorter
    /// than 8 digits, or not hex), and the next document in id order lies outside.
    @Test func everyPassageIDLiesInItsDocumentsRange() {
        var generator = SystemRandomNumberGenerator()
        var documents = (0..<200).map { DocumentID(naturalKey: "range:\($0)") }
        documents += ["d", "dx", "d1234", "tweet:1497", "dЖовтень-2024", "d12345678"].map(DocumentID.init(rawValue:))
        for document in documents {
            let range = PassageID.range(of: document)
            for index in [0, 1, 9, 10, 99, Int.random(in: 100..<100_000, using: &generator)] {
                let id = PassageID(document: document, index: index).rawValue
                #expect(Array(range.lower.utf8).lexicographicallyPrecedes(Array(id.utf8)), "\(id) below \(range.lower)")
                #expect(Array(id.utf8).lexicographicallyPrecedes(Array(range.upper.utf8)), "\(id) above \(range.upper)")
            }
        }
        let a = DocumentID(rawValue: "d12345678aaaaaaaa"), b = DocumentID(rawValue: "d12345679aaaaaaaa")
        let next = PassageID(document: b, index: 0).rawValue
        #expect(!Array(next.utf8).lexicographicallyPrecedes(Array(PassageID.range(of: a).upper.utf8)))
    }

    /// The passage-id formula external importers compute (docs/importer-protocol.md, its Python example), and the
    /// first one they may still send: both pinned, so neither can drift from the documentation.
    /// A batch by the first formula: passages, the pairs naming them (ids derived from their sides), the pairs'
    /// children and aligned units all follow; a pair with an id of its own and an id matching no formula stay.
    @Test func legacyPassageIDsAreUpgradedWithEveryReference() {
        let uk = DocumentID(naturalKey: "legacy:uk"), en = DocumentID(naturalKey: "legacy:en")
        func passage(_ document: DocumentID, _ index: Int) -> Passage {
            var passage = Passage(documentID: document, index: index, role: .paragraph, start: 0, end: 1,
                                  language: document == uk ? .ukrainian : .english, text: "x")
            passage.id = PassageID.legacy(document: document, index: index)
            return passage
        }
        let passages = [passage(uk, 0), passage(en, 0)]
        let line = Pair(original: .passage(passages[0].id), rendering: .passage(passages[1].id), method: .numbers, confidence: 1)
        let child = Pair(id: PairID(rawValue: "rchild"), original: .document(uk), rendering: .document(en), method: .manual,
                         confidence: 1, fidelity: .unchecked, origin: .manual, parent: line.id)
        var stray = passage(uk, 1)
        stray.id = PassageID(rawValue: "p0000000000000000")
        var batch = ImportBatch(passages: passages + [stray], pairs: [line, child],
                                alignedUnits: [AlignedUnit(pairID: line.id, index: 0, originalText: "x", renderingText: "x", pattern: "1-1")])
        batch.upgradeLegacyPassageIDs()
        let current = [PassageID(document: uk, index: 0), PassageID(document: en, index: 0)]
        let currentLine = PairID(original: .passage(current[0]), rendering: .passage(current[1]))
        #expect(batch.passages.map(\.id) == current + [PassageID(rawValue: "p0000000000000000")])
        #expect(batch.pairs.map(\.id) == [currentLine, PairID(rawValue: "rchild")])
        #expect(batch.pairs[1].parent == currentLine)
        #expect(batch.alignedUnits.map(\.pairID) == [currentLine])
    }

    @Test func passageIDsBeginWithTheirDocumentsDigits() {
        let document = DocumentID(rawValue: "d6e1e51866a9a4b2a")
        #expect(PassageID(document: document, index: 0).rawValue == "p6e1e5186c8814258")
        #expect(PassageID.legacy(document: document, index: 0).rawValue
                == "p" + SHA256.hex(of: Data("d6e1e51866a9a4b2a\u{1F}0".utf8)).prefix(16))
        let ids = (0..<200).map { PassageID(document: document, index: $0).rawValue }
        #expect(Set(ids).count == 200)
        #expect(ids.allSatisfy { $0.count == 17 && $0.hasPrefix("p6e1e5186") })
    }

    @Test func publishedDateKeepsPrecisionThroughJSON() throws {
        let day = try #require(PublishedDate(year: 2022, month: 2, day: 25))
        #expect(day.description == "2022-02-25")
        #expect(PublishedDate(year: 2022, month: 2, day: 31) == nil)
        let second = try #require(PublishedDate(iso: "2022-04-12T06:00:00+03:00"))
        #expect(second.description == "2022-04-12T03:00:00Z")
        let minute = try #require(PublishedDate(iso: "2022-04-12T06:00Z"))
        #expect(minute.precision == .minute)
        let encoded = try ArchiveJSON.encoder().encode([day, second])
        let decoded = try ArchiveJSON.decoder().decode([PublishedDate].self, from: encoded)
        #expect(decoded == [day, second])
    }

    /// The calendar arithmetic that replaced `Calendar`/`ISO8601DateFormatter` agrees with them, leap days
    /// and centuries included.
    @Test func civilArithmeticAgreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var instant = -2_208_988_800.0  // 1900-01-01
        while instant < 4_102_444_800 {  // 2100-01-01
            let date = Date(timeIntervalSince1970: instant)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let civil = CivilDay(date)
            #expect([civil.year, civil.month, civil.day, civil.hour, civil.minute, civil.second]
                    == [c.year, c.month, c.day, c.hour, c.minute, c.second], "\(date)")
            for precision in PublishedDate.Precision.allCases {
                let value = PublishedDate(instant: date, precision: precision)
                let again = try #require(PublishedDate(iso: value.description))
                #expect(again.description == value.description)
            }
            instant += 86_400 * 37 + 3_723  // a day a month or so, at shifting times
        }
        #expect(PublishedDate(year: 2024, month: 2, day: 29) != nil && PublishedDate(year: 2023, month: 2, day: 29) == nil)
        #expect(PublishedDate(year: 2000, month: 2, day: 29) != nil && PublishedDate(year: 1900, month: 2, day: 29) == nil)
        #expect(PublishedDate(iso: "2022-13-01") == nil && PublishedDate(iso: "2022-02-30") == nil)
    }

    @Test func recordsRoundTripThroughTheirJSONForm() throws {
        let id = DocumentID(naturalKey: "x")
        var builder = PassageBuilderForTests(id: id)
        let document = Document(id: id, kind: .staffBulletin, language: .ukrainian, declaredLanguage: .ukrainian,
                                title: "Втрати", published: PublishedDate(year: 2022, month: 7, day: 8),
                                text: builder.text, metadata: ["bulletin_date": "2022-07-08"])
        let passage = builder.passage
        let figure = Figure(documentID: id, date: "2022-07-08", category: .tank, total: 1637, delta: nil,
                            qualifier: nil, language: .ukrainian)
        let other = DocumentID(naturalKey: "y")
        let pair = Pair(original: .document(id), rendering: .document(other), method: .sameBulletin, confidence: 1.4)
        #expect(pair.confidence == 1)
        let records: [ArchiveRecord] = [.document(document), .passage(passage), .figure(figure), .pair(pair)]
        let lines = try records.map { try ArchiveJSON.line($0) }
        #expect(lines[2].contains("\"delta\":null"))
        let back = try lines.map { try ArchiveJSON.decoder().decode(ArchiveRecord.self, from: Data($0.utf8)) }
        #expect(back == records)
        builder.touch()
    }

    @Test func validationCatchesDanglingReferencesAndBadSpans() {
        let id = DocumentID(naturalKey: "x")
        let document = Document(id: id, kind: .article, language: .english, text: "short")
        let bad = Passage(documentID: id, index: 0, role: .paragraph, start: 0, end: 99, language: .english, text: "x")
        let orphan = Pair(original: .document(id), rendering: .document(DocumentID(naturalKey: "nowhere")),
                          method: .manual, confidence: 1)
        let problems = ImportBatch(documents: [document], passages: [bad], pairs: [orphan]).validationProblems()
        #expect(problems.count == 2)
        #expect(ImportBatch(documents: [document]).validationProblems().isEmpty)
    }

    @Test func scalarSlicingCountsScalarsNotGraphemes() {
        let text = "о\u{301}к 🔥 ok"
        #expect(text.scalarSlice(0, 2) == "о\u{301}")
        #expect(text.scalarSlice(4, 5) == "🔥")
        #expect(text.scalarSlice(6, 99) == "ok")
    }
}

/// A one-passage document text for the round-trip test.
private struct PassageBuilderForTests {
    let id: DocumentID
    var text: String { "танків ‒ 1637 (+35) од" }
    var passage: Passage {
        Passage(documentID: id, index: 0, role: .figureLine, start: 0, end: text.unicodeScalars.count,
                language: .ukrainian, text: text, metadata: ["category": "tank"])
    }
    mutating func touch() {}
}

/// `String(scalars:)` makes the same strings as a `UnicodeScalarView` built from the scalars.
@Suite struct StringFromScalarsTests {
    @Test func itMatchesTheScalarView() {
        let samples = ["", "a", "Київ", "e\u{301}", "€ 𐐀 😀 \u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", "\r\n", "ґ'ʼ’"]
        for sample in samples {
            let scalars = Array(sample.unicodeScalars)
            for start in 0...scalars.count {
                let slice = scalars[start...]
                #expect(String(scalars: slice) == String(String.UnicodeScalarView(slice)), "\(sample) from \(start)")
                #expect(String(scalars: slice).utf8.elementsEqual(String(String.UnicodeScalarView(slice)).utf8))
            }
        }
    }
}
