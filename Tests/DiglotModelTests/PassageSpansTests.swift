import Testing
@testable import DiglotModel

/// `passagesStoredAsSpans` decides which passages the archive stores as their span alone: a wrong `true`
/// would lose a passage's text, so it is held to the slow definition (`scalarSlice`) on texts with every width
/// of UTF-8 character, spans in and out of order, and texts that differ by one character.
@Suite struct PassageSpansTests {
    /// One-, two-, three- and four-byte scalars, a combining accent (two scalars, one character) and line breaks.
    static let text = "Генштаб: знищено 40 танків 🇺🇦.\nCafe\u{301} — «тиша».\r\nБахмут 💥 Бахмут"

    static func passage(_ document: Document, _ index: Int, _ start: Int, _ end: Int, text: String? = nil) -> Passage {
        Passage(documentID: document.id, index: index, role: .paragraph, start: start, end: end,
                language: document.language, text: text ?? document.text.scalarSlice(start, end))
    }

    @Test func spansInAnyOrderAndTextsThatDiffer() {
        let document = Document(id: DocumentID(naturalKey: "spans"), kind: .article, language: .ukrainian, text: Self.text)
        let scalars = Self.text.unicodeScalars.count
        let other = DocumentID(naturalKey: "archived")
        let passages = [
            Self.passage(document, 0, 0, 8),                                  // "Генштаб:"
            Self.passage(document, 1, 27, 30),                                // the flag's two scalars and a dot
            Self.passage(document, 2, 9, 26),                                 // before the previous one: walks again
            Self.passage(document, 3, 31, 36),                                // "Cafe" and its combining accent
            Self.passage(document, 4, 31, 36, text: "Caf\u{E9}"),            // the precomposed é: equal, other bytes
            Self.passage(document, 5, scalars - 6, scalars),                  // up to the last scalar
            Self.passage(document, 6, 4, 4),                                  // an empty span
            Self.passage(document, 7, 0, 8, text: "Генштаб."),                // one character differs
            Self.passage(document, 8, 0, 7, text: "Генштаб:"),                // the bytes, but one scalar too many
            Self.passage(document, 9, scalars - 6, scalars + 1, text: "Бахмут!"),  // past the end
            Passage(documentID: other, index: 0, role: .paragraph, start: 0, end: 3, language: .english, text: "abc"),
        ]
        let batch = ImportBatch(documents: [document], passages: passages)
        #expect(batch.passagesStoredAsSpans() == [true, true, true, true, false, true, true, false, false, false, false])
        #expect(Array(passages[3].text.unicodeScalars) == Array("Cafe\u{301}".unicodeScalars) && passages[5].text == "Бахмут")
        #expect(passages[4].text == passages[3].text, "Swift calls them equal; their bytes are not, and the bytes are stored")
    }

    /// Random spans over random texts of mixed scripts: the answer is always `scalarSlice(start, end) == text`.
    @Test func agreesWithSlicingOnRandomSpans() {
        var random = SplitMix(seed: 24)
        let alphabet = Array("aZ 9.,\n\r\u{301}éїЇ—«»🇺🇦💥\u{200D}".unicodeScalars)
        for round in 0..<300 {
            let documents = (0..<3).map { n in
                var text = String.UnicodeScalarView()
                for _ in 0..<Int(random.next() % (round % 3 == 0 ? 400 : 60)) { text.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
                return Document(id: DocumentID(naturalKey: "r\(round)-\(n)"), kind: .article, language: .ukrainian,
                                text: String(text))
            }
            var passages: [Passage] = []
            for index in 0..<12 {
                let document = documents[Int(random.next() % 3)]
                let length = document.text.unicodeScalars.count
                let start = Int(random.next() % UInt64(length + 2))
                let end = start + Int(random.next() % (round % 3 == 0 ? 90 : 8))
                var text = document.text.scalarSlice(start, end)
                switch random.next() % 4 {
                case 0: text = text.uppercased()
                case 1 where !text.isEmpty: text.removeLast()
                default: break
                }
                passages.append(Passage(documentID: document.id, index: index, role: .quote, start: start, end: end,
                                        language: .ukrainian, text: text))
            }
            let expected = passages.map { passage in
                let document = documents.first { $0.id == passage.documentID }!
                return passage.end <= document.text.unicodeScalars.count
                    && Array(document.text.unicodeScalars.dropFirst(passage.start).prefix(passage.end - passage.start)
                        .map { $0.value }) == Array(passage.text.unicodeScalars.map { $0.value })
            }
            let batch = ImportBatch(documents: documents, passages: passages)
            #expect(batch.passagesStoredAsSpans() == expected, "round \(round)")
            #expect(CheckedBatch(batch).passagesStoredAsSpans == expected)
        }
    }

    /// A passage of a document larger than the limit keeps its text, even where it repeats its span: reading
    /// it back would read the whole document.
    @Test func aLargeDocumentsPassagesKeepTheirTexts() {
        let line = "Генштаб: знищено 40 танків.\n"
        let limit = ImportBatch.largestDocumentForSpanPassages
        let fits = String(repeating: line, count: limit / line.utf8.count)
        let large = fits + line
        #expect(fits.utf8.count <= limit && large.utf8.count > limit)
        let documents = [fits, large].enumerated().map { n, text in
            Document(id: DocumentID(naturalKey: "size-\(n)"), kind: .article, language: .ukrainian, text: text)
        }
        let batch = ImportBatch(documents: documents, passages: documents.map { Self.passage($0, 0, 9, 16) })
        #expect(batch.passages.allSatisfy { $0.text == "знищено" })
        #expect(batch.passagesStoredAsSpans() == [true, false])
    }

    /// The word-at-a-time count against the scalar view, on every length and alignment up to three words.
    @Test func scalarsAreCountedAWordAtATime() {
        let text = Array("aé—🇺🇦ї\u{301}z".utf8)
        for start in 0..<text.count {
            for end in start...min(text.count, start + 24) {
                let slice = Array(text[start..<end])
                let expected = slice.filter { $0 & 0xC0 != 0x80 }.count
                #expect(slice.withUnsafeBufferPointer(UTF8Words.scalarCount) == expected)
            }
        }
    }

    /// `scalarSlice` walks bytes a word at a time; the scalar view's own prefix and drop are the oracle, for
    /// every span of a text of every UTF-8 width, clamped at both ends.
    @Test func slicingBytesAgreesWithTheScalarView() {
        let text = Self.text + " ще 🇺🇦 раз"
        let count = text.unicodeScalars.count
        for start in -2...(count + 2) {
            for end in (start - 1)...(count + 3) {
                let lower = max(0, start), length = max(0, end - lower)
                let expected = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(lower).prefix(length)))
                #expect(Array(text.scalarSlice(start, end).utf8) == Array(expected.utf8), "\(start)..<\(end)")
            }
        }
    }

    @Test func anEmptyTextOverCharactersIsAProblem() {
        let document = Document(id: DocumentID(naturalKey: "empty"), kind: .article, language: .english, text: "Forty tanks.")
        let batch = ImportBatch(documents: [document], passages: [Self.passage(document, 0, 0, 5, text: "")])
        #expect(batch.validationProblems() == ["passage \(batch.passages[0].id) has no text over its span 0..<5"])
        let empty = ImportBatch(documents: [document], passages: [Self.passage(document, 0, 5, 5)])
        #expect(empty.validationProblems().isEmpty)
    }
}

/// A small seeded generator (SplitMix64), so a failing round can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
