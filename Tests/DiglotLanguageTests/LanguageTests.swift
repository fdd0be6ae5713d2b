import Foundation
import Testing
import DiglotModel
@testable import DiglotLanguage
import DiglotTestSupport

@Suite struct LanguageDetectionTests {
    @Test(arguments: [
        ("Загальні бойові втрати противника з 24.02 по 08.07 орієнтовно склали", LanguageTag.ukrainian),
        ("Сьогодні вранці окупанти обстріляли Харків, є загиблі", .ukrainian),
        ("Сегодня утром оккупанты обстреляли Харьков, есть погибшие", .russian),
        ("Потери противника составили около пятисот человек", .russian),
        ("Генеральний штаб ЗСУ повідомляє про втрати ворога", .ukrainian),
        ("The total combat losses of the enemy from 24.02 to 12.04 were approximately", .english),
        ("Ukraine says Russian forces shelled Kharkiv overnight", .english),
        ("Die Verluste des Feindes sind nicht bekannt und werden geprüft", .undetermined),
        ("танків 1637", .undetermined),
        ("🔥🔥🔥 1637 2022", .undetermined),
    ])
    func detects(text: String, expected: LanguageTag) {
        #expect(LanguageDetector.detect(text) == expected, "\(text)")
    }

    @Test func ukrainianWithoutDistinctiveLettersIsToldByItsWords() {
        // No і ї є ґ here: only function words separate it from Russian.
        #expect(LanguageDetector.detect("Вони кажуть, що це буде так, але ми не знаємо коли") == .ukrainian)
        #expect(LanguageDetector.detect("Они говорят, что это будет так, но мы не знаем когда") == .russian)
    }
}

@Suite struct TextDecodingTests {
    let sample = "Втрати ворога: танків ‒ 1637, ґанок, їжак, є"

    @Test func readsUTF8AndBOMs() throws {
        #expect(try TextDecoder.decode(Data(sample.utf8)).encoding == .utf8)
        #expect(try TextDecoder.decode(Data([0xEF, 0xBB, 0xBF]) + Data(sample.utf8)).text == sample)
        var le = Data([0xFF, 0xFE])
        for unit in sample.utf16 { le.append(UInt8(unit & 0xFF)); le.append(UInt8(unit >> 8)) }
        #expect(try TextDecoder.decode(le) == (sample, .utf16LE))
    }

    @Test func tellsWindows1251FromKOI8U() throws {
        let plain = "Загальні бойові втрати противника орієнтовно склали, ґанок і їжак"
        let cp1251 = Data(plain.unicodeScalars.map { scalar -> UInt8 in
            if scalar.value < 0x80 { return UInt8(scalar.value) }
            return UInt8(0x80 + TextDecoder.windows1251.firstIndex(of: UInt16(scalar.value))!)
        })
        let koi = Data(plain.unicodeScalars.map { scalar -> UInt8 in
            if scalar.value < 0x80 { return UInt8(scalar.value) }
            return UInt8(0x80 + TextDecoder.koi8u.firstIndex(of: UInt16(scalar.value))!)
        })
        #expect(try TextDecoder.decode(cp1251) == (plain, .windows1251))
        #expect(try TextDecoder.decode(koi) == (plain, .koi8u))
    }

    @Test func refusesBinaryAndNULs() {
        #expect(throws: TextDecoder.Failure.self) { try TextDecoder.decode(Data([0x00, 0x9F, 0x92, 0x00, 0xFF])) }
        #expect(throws: TextDecoder.Failure.self) { try TextDecoder.decode(Data("a\u{0}b".utf8)) }
    }
}

/// The detector's word splitting against the form it replaced (each word built scalar by scalar into its own
/// `String`): the same words on Cyrillic, Latin, apostrophes, stress marks and other scripts.
@Suite struct DetectorWordEquivalenceTests {
    static func stringWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for ch in text.lowercased().unicodeScalars {
            if ch.properties.isAlphabetic || ch == "'" || ch == "’" || ch == "ʼ" {
                current.unicodeScalars.append(ch)
            } else if !current.isEmpty {
                words.append(current); current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test func wordsMatchTheStringForm() {
        var texts = ["", " ", "Загальні бойові втрати противника", "Ру́сский язы́к, м'ясо та об’єкт", "KYIV (Reuters) - Don't",
                     "ĞÜŞ İstanbul straße ΑΘΗΝΑ ΟΔΟΣ ὈΔΥΣΣΕΎΣ 東京 ١٢٣", "a\u{301}b c\u{0327}", "ʼєдиний'  'quoted'",
                     "ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏ ҐЃӘ Ǆǅǆ ﬃ ΐ Ⅻ ⓐⒶ 𐐀𐐨", "\u{0}\u{7F}\u{80}\u{7FF}\u{800}"]
        var generator = SeededGenerator(seed: 77)
        let pieces = ["Київ", "ЩО", "the", "I", "'", "’", "ʼ", " ", "-", "\u{301}", "İ", "ß", "Ґ", "1", ",", "東", "Σ", "Ǆ", "Ѐ"]
        for _ in 0..<2_000 { texts.append((0..<generator.below(12)).map { _ in pieces[generator.below(pieces.count)] }.joined()) }
        for text in texts {
            var words: [String] = []
            LanguageDetector.forEachWord(of: text, upTo: .max) { words.append($0 ?? "(too long)") }
            #expect(words == Self.stringWords(text), "\(text)")
            // A limit leaves a word out only when it is longer than the limit.
            var limited: [String?] = []
            LanguageDetector.forEachWord(of: text, upTo: 6) { limited.append($0) }
            #expect(limited == Self.stringWords(text).map { $0.utf8.count <= 6 ? $0 : nil }, "\(text)")
        }
    }
}

/// The detector against its plain form (letters counted by their Unicode properties, then the words of the
/// lowercased text as strings looked up in the four `Set<String>` lists): the same decision, scores included,
/// on every line of Samples and ../shared/reference and on seeded mixes of scripts, apostrophes, function words
/// and long words. It guards the byte-level shortcuts (`ListedWords`, the arithmetic lowercasing, the letter
/// tests) as a whole.
@Suite struct DetectorPlainFormTests {
    static func plainDecision(_ text: String) -> LanguageDetector.Decision {
        var cyrillic = 0, latin = 0, other = 0, ukrainianLetters = 0, russianLetters = 0, apostrophes = 0
        var previousWasLetter = false, pendingApostrophe = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isLetter = scalar.properties.isAlphabetic
            if (0x0400...0x04FF).contains(v) {
                cyrillic += 1
                if "іІїЇєЄґҐ".unicodeScalars.contains(scalar) { ukrainianLetters += 1 }
                if "ыЫэЭъЪёЁ".unicodeScalars.contains(scalar) { russianLetters += 1 }
                if pendingApostrophe { apostrophes += 1 }
            } else if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xC0...0x24F).contains(v) {
                latin += 1
            } else if isLetter {
                other += 1
            }
            pendingApostrophe = previousWasLetter && "'’ʼ`".unicodeScalars.contains(scalar)
            previousWasLetter = isLetter
        }
        let letters = cyrillic + latin + other
        var decision = LanguageDetector.Decision(language: .undetermined, cyrillicLetters: cyrillic, latinLetters: latin,
                                                 ukrainianScore: 0, russianScore: 0)
        guard letters >= LanguageDetector.minimumLetters else { return decision }
        let words = DetectorWordEquivalenceTests.stringWords(text)
        if cyrillic >= latin && cyrillic * 2 >= letters {
            var uk = Double(ukrainianLetters) * 2 + Double(apostrophes) * 2
            var ru = Double(russianLetters) * 2
            for word in words {
                if LanguageDetector.ukrainianWords.contains(word) { uk += 3 }
                if LanguageDetector.russianWords.contains(word) { ru += 3 }
            }
            decision.ukrainianScore = uk
            decision.russianScore = ru
            if uk == 0 && ru == 0 { return decision }
            decision.language = uk >= ru ? .ukrainian : .russian
            return decision
        }
        if latin * 2 >= letters {
            let english = words.filter(LanguageDetector.englishWords.contains).count
            let foreign = words.filter(LanguageDetector.otherLatinWords.contains).count
            guard !words.isEmpty else { return decision }
            if english > foreign && (english >= 2 || Double(english) / Double(words.count) >= 0.1) {
                decision.language = .english
            } else if english > 0 && foreign == 0 && words.count < 12 {
                decision.language = .english
            } else if english == 0 && foreign == 0 && words.count >= 4 && latin == letters
                        && text.unicodeScalars.allSatisfy({ $0.isASCII || !$0.properties.isAlphabetic }) {
                decision.language = .english
            }
        }
        return decision
    }

    @Test func decidesAsThePlainFormDoes() {
        let pieces = ["Київ", "ЩО", "що", "та", "і", "что", "это", "ещё", "the", "of", "and", "der", "und", "I", "'", "’",
                      "ʼ", "`", " ", " ", " ", "-", "\u{301}", "İ", "ß", "Ґ", "ї", "є", "ы", "э", "1", ",", "東", "Σ",
                      "Ǆ", "Ѐ", "м'ясо", "об’єкт", "Ukraine", "says", "forces", "é", "ĞÜŞ", "орієнтовнонадзвичайно",
                      "approximatelyapproximately", "\u{483}", "Ӂ"]
        var generator = SeededGenerator(seed: 31)
        var texts = (0..<20_000).map { _ in
            (0..<(1 + generator.below(30))).map { _ in pieces[generator.below(pieces.count)] }.joined()
        }
        var folders = [TestPaths.samples]
        if let reference = TestPaths.reference { folders.append(reference) } else {
            print("../shared/reference is absent: decisions compared on Samples and generated texts only")
        }
        for folder in folders {
            for case let file as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
            where ["html", "txt", "xml", "json", "md"].contains(file.pathExtension) {
                guard let data = try? Data(contentsOf: file) else { continue }
                let text = String(decoding: data, as: UTF8.self)
                texts.append(text)
                texts += text.split(separator: "\n").map(String.init)
            }
        }
        var decided: [LanguageTag: Int] = [:]
        for text in texts {
            let expected = Self.plainDecision(text)
            decided[expected.language, default: 0] += 1
            #expect(LanguageDetector.detailed(text) == expected, "\(text.prefix(200).debugDescription)")
        }
        print("decisions compared: \(decided.map { "\($0.key.rawValue) \($0.value)" }.sorted().joined(separator: ", "))")
        #expect(decided.count >= 4)
    }
}

/// The detector's byte-keyed word table answers as the four `Set<String>` lists it is built from.
@Suite struct ListedWordsTests {
    @Test func everyListedWordIsFoundInExactlyItsListsAndOtherWordsInNone() {
        let sets: [(Set<String>, ListedWords.Lists)] = [
            (LanguageDetector.ukrainianWords, .ukrainian), (LanguageDetector.russianWords, .russian),
            (LanguageDetector.englishWords, .english), (LanguageDetector.otherLatinWords, .otherLatin),
        ]
        let table = LanguageDetector.listedWords
        func lists(_ word: String) -> ListedWords.Lists {
            Array(word.utf8).withUnsafeBufferPointer { table.lists(holding: $0) }
        }
        var probes = sets.flatMap { $0.0 }
        // Near misses: prefixes, extensions and unlisted words.
        probes += probes.map { $0 + "s" } + probes.map { String($0.dropLast()) } + ["", "київ", "tanks", "ї", "thee"]
        for word in probes {
            var expected: ListedWords.Lists = []
            for (set, list) in sets where set.contains(word) { expected.insert(list) }
            #expect(lists(word) == expected, "\(word)")
        }
        #expect(lists("та") == .ukrainian)
        #expect(lists("на").contains(.otherLatin) == false && lists("na") == .otherLatin)
        #expect(lists("над") == [.ukrainian, .russian], "a word of two lists")
    }
}
