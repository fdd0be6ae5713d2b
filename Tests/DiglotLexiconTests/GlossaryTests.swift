import Foundation
import Testing
import DiglotModel
import DiglotTestSupport
@testable import DiglotLexicon

@Suite struct GlossaryTests {
    @Test func loadsSeveralHundredEntries() throws {
        #expect(Glossary.loadProblem == nil)
        let glossary = try Glossary.bundled()
        #expect(glossary.entries.count >= 400)
        #expect(glossary.entries.filter { !$0.ukrainian.isEmpty }.count >= 400)
        #expect(glossary.entries.filter { !$0.russian.isEmpty }.count >= 390)
    }

    @Test(arguments: [
        ("втрати", "losses"), ("окупанти", "occupiers"), ("РСЗВ", "MLRS"), ("ООС", "Joint Forces Operation"),
        ("ЗСУ", "Armed Forces of Ukraine"), ("Генштаб", "General Staff"), ("танк", "tank"),
        ("ББМ", "armoured combat vehicle"), ("БПЛА", "UAV"), ("ППО", "air defence"), ("обстріл", "shelling"),
        ("полонений", "prisoner of war"), ("евакуація", "evacuation"), ("гуманітарний коридор", "humanitarian corridor"),
        ("загиблі", "killed"), ("поранені", "wounded"),
    ])
    func ukrainianToEnglish(term: String, english: String) {
        #expect(Glossary.shared.translations(of: term, from: .ukrainian, to: .english).contains(english))
    }

    @Test func inflectedFormsFindTheirLemma() {
        #expect(Glossary.shared.translations(of: "втратами", from: .ukrainian, to: .english).contains("losses"))
        #expect(Glossary.shared.translations(of: "окупантів", from: .ukrainian, to: .english).contains("occupiers"))
        #expect(Glossary.shared.translations(of: "гуманітарного коридору", from: .ukrainian, to: .english)
            .contains("humanitarian corridor"))
        #expect(Glossary.shared.translations(of: "потерь", from: .russian, to: .english).contains("losses"))
    }

    @Test func englishToUkrainianAndRussian() {
        #expect(Glossary.shared.translations(of: "losses", from: .english, to: .ukrainian).first == "втрати")
        #expect(Glossary.shared.translations(of: "MLRS", from: .english, to: .russian).contains("РСЗО"))
        #expect(Glossary.shared.translations(of: "shelling", from: .english, to: .ukrainian).contains("обстріл"))
        #expect(Glossary.shared.translations(of: "drones", from: .english, to: .ukrainian).contains("дрон"))
        #expect(Glossary.shared.translations(of: "no such term", from: .english, to: .ukrainian).isEmpty)
    }

    @Test func conflictsMarkFalseFriends() throws {
        let entry = try #require(Glossary.shared.entries(matching: "ООС").first)
        #expect(entry.conflicts.contains("Environmental Protection Agency"))
        #expect(entry.english.first == "Joint Forces Operation")
    }

    @Test func findsTermsInInflectedText() {
        let text = "Загальні бойові втрати противника: танків ‒ 1637, РСЗВ ‒ 246, засоби ППО ‒ 105; обстріли тривають."
        let found = Glossary.shared.matches(in: text, language: .ukrainian)
        let english = Set(found.map { $0.entry.english[0] })
        #expect(english.contains("total combat losses"))
        #expect(english.contains("tank"))
        #expect(english.contains("MLRS"))
        #expect(english.contains("air defence systems"))
        #expect(english.contains("shelling"))
        #expect(found.first?.surface == "Загальні бойові втрати")
        let englishFound = Glossary.shared.matches(in: "Russian forces lost 12 tanks and 3 UAVs in the shelling.",
                                                   language: .english)
        #expect(Set(englishFound.map { $0.entry.english[0] }).isSuperset(of: ["Russian forces", "tank", "UAV", "shelling"]))
    }

    @Test func malformedGlossaryNamesFileAndLine() {
        #expect(throws: LexiconDataError(file: "g.tsv", line: 2, reason: "expected 5 tab-separated columns, found 2")) {
            try Glossary.parse("# comment\nlosses\tвтрати\n", file: "g.tsv")
        }
        #expect(throws: LexiconDataError.self) { try Glossary.parse("\tвтрати\tпотери\t\tx\n", file: "g.tsv") }
    }

    @Test func stemmerMeetsInflections() {
        #expect(LightStemmer.stem("втратами") == LightStemmer.stem("втрати"))
        #expect(LightStemmer.stem("евакуацією") == LightStemmer.stem("евакуація"))
        #expect(LightStemmer.stem("losses") == LightStemmer.stem("loss"))
        #expect(LightStemmer.stem("shelled") == LightStemmer.stem("shelling"))
        #expect(LightStemmer.stem("casualties") == LightStemmer.stem("casualty"))
        #expect(LightStemmer.stem("ЗСУ") == "зсу")
        #expect(LightStemmer.stem("tanks") != LightStemmer.stem("tanker"))
    }

    /// The stems `matches` remembers are the light stemmer's: every word of a mixed text stems as the stemmer
    /// stems it, first from the stemmer and then from the memo, and a memo past its limit starts again.
    @Test func rememberedStemsAreTheStemmers() {
        let text = "Знищено 12 танків, 3 РСЗВ і 40 бойових броньованих машин; Russia lost tanks, UAVs and artillery systems. "
            + "п'ять Zelensky's ЗСУ е\u{301}кран Київ Kyiv"
        let trimmed: [String] = text.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }
        let words: [Substring] = trimmed.filter { !$0.isEmpty }.map { Substring($0) }
        let expected = words.map { LightStemmer.stem(String($0)) }
        let memo = WordMemo(limit: 10) { LightStemmer.stem($0) }
        #expect(memo.values(of: Array(words.prefix(8))) == Array(expected.prefix(8)))
        #expect(memo.count == Set(words.prefix(8)).count)
        #expect(memo.values(of: Array(words.prefix(8))) == Array(expected.prefix(8)), "from the memo")
        #expect(memo.values(of: words) == expected, "past the limit")
        #expect(memo.count == Set(words).subtracting(words.prefix(8)).count, "forgotten, then the new words kept")
        let glossary = Glossary(entries: Glossary.shared.entries)
        let cold = glossary.matches(in: text, language: .ukrainian).map(\.term)
        #expect(!cold.isEmpty && glossary.matches(in: text, language: .ukrainian).map(\.term) == cold)
    }

    /// The terms found by stem numbers remembered by bytes are those found by comparing stems as strings, term by
    /// term, as `matches` did until session 27: on seeded texts of inflected terms of every language, read cold,
    /// then from memory, then after the memory was forgotten.
    @Test func termsFoundByNumbersAreTermsFoundByStems() {
        let entries = Glossary.shared.entries
        // The reference: every term's stems as strings, the terms by first stem, longest first.
        var byFirst: [String: [(stems: [String], entry: Int, term: String, language: LanguageTag)]] = [:]
        var k = 0
        let allStems = Glossary.termStems(entries)
        for (i, entry) in entries.enumerated() {
            for language in Glossary.languages {
                for term in entry.terms(in: language) {
                    let stems = allStems[k]
                    k += 1
                    guard let first = stems.first else { continue }
                    byFirst[first, default: []].append((stems, i, term, language))
                }
            }
        }
        for key in byFirst.keys { byFirst[key]?.sort { $0.stems.count > $1.stems.count } }
        func reference(_ text: String, _ language: LanguageTag) -> [String] {
            let words = TextFolding.words(text)
            let stems = words.map { LightStemmer.stem(String($0)) }
            var found: [String] = []
            var i = 0
            while i < words.count {
                var advanced = false
                for candidate in byFirst[stems[i]] ?? [] where candidate.language == language {
                    let n = candidate.stems.count
                    guard i + n <= words.count, Array(stems[i..<(i + n)]) == candidate.stems else { continue }
                    found.append("\(entries[candidate.entry].id) \(candidate.term) \(text[words[i].startIndex..<words[i + n - 1].endIndex])")
                    i += n
                    advanced = true
                    break
                }
                if !advanced { i += 1 }
            }
            return found
        }
        func found(_ glossary: Glossary, _ text: String, _ language: LanguageTag) -> [String] {
            glossary.matches(in: text, language: language).map { "\($0.entry.id) \($0.term) \(text[$0.range])" }
        }
        var random = SeededGenerator(seed: 27)
        let endings = ["", "", "ами", "ів", "у", "s", "es", "ed", "ing", "ом", "ах", "'s"]
        let fillers = ["і", "та", "and", "the", "у", "в", "of", "на", "за", "—", "12", "Київ", "Kharkiv", "ще", "після"]
        let glossary = Glossary(entries: entries)
        var texts: [(String, LanguageTag)] = []
        for _ in 0..<400 {
            let language = [LanguageTag.ukrainian, .english, .russian].randomElement(using: &random)!
            var words: [String] = []
            for _ in 0..<Int.random(in: 5...40, using: &random) {
                if Int.random(in: 0..<3, using: &random) == 0, let entry = entries.randomElement(using: &random),
                   let term = entry.terms(in: language).randomElement(using: &random) {
                    let inflected = term + endings.randomElement(using: &random)!
                    words.append(Bool.random(using: &random) ? inflected : inflected.uppercased())
                } else {
                    words.append(fillers.randomElement(using: &random)!)
                }
            }
            texts.append((words.joined(separator: [" ", ", ", ". ", " "].randomElement(using: &random)!), language))
        }
        var matched = 0
        for (text, language) in texts {
            let expected = reference(text, language)
            #expect(found(glossary, text, language) == expected, "cold: \(text)")
            matched += expected.count
        }
        for (text, language) in texts { #expect(found(glossary, text, language) == reference(text, language), "remembered: \(text)") }
        #expect(glossary.rememberedWords > 100 && glossary.rememberedWords <= Glossary.wordNumberLimit)
        // Past the limit the memory starts again, and answers the same.
        let many = (0..<(Glossary.wordNumberLimit + 10)).map { "w\($0)" }.joined(separator: " ")
        _ = glossary.matches(in: many, language: .english)
        #expect(glossary.rememberedWords <= Glossary.wordNumberLimit)
        for (text, language) in texts.prefix(50) { #expect(found(glossary, text, language) == reference(text, language), "after forgetting") }
        #expect(matched > 1_000, "the texts hold terms: \(matched)")
    }

    /// The index `matches` builds on first use is built once and answers alike from many threads at once.
    @Test func termsAreFoundFromManyThreadsAtOnce() async {
        let glossary = Glossary(entries: Glossary.shared.entries)
        let text = "знищено 12 танків, 3 РСЗВ і 40 бойових броньованих машин"
        let expected = Glossary.shared.matches(in: text, language: .ukrainian).map(\.term)
        #expect(!expected.isEmpty)
        let found = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<16 { group.addTask { glossary.matches(in: text, language: .ukrainian).map(\.term) } }
            return await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        #expect(found.count == 16)
        #expect(found.allSatisfy { $0 == expected })
    }
}
