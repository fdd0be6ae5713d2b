import Testing
import DiglotPairing

@Suite struct SentenceSplitterTests {
    @Test func splitsSentencesAndLines() {
        #expect(SentenceSplitter.sentences(in: "Втрати ворога зростають. Бої тривають!\nДані уточнюються.")
            == ["Втрати ворога зростають.", "Бої тривають!", "Дані уточнюються."])
    }

    @Test func keepsAbbreviationsInitialsAndDates() {
        #expect(SentenceSplitter.sentences(in: "Загинули понад 1 тис. Людей евакуйовано 5 тис.").count == 1)
        #expect(SentenceSplitter.sentences(in: "Президент В. Зеленський заявив про це.") == ["Президент В. Зеленський заявив про це."])
        #expect(SentenceSplitter.sentences(in: "Lt. Gen. Smith said so. Dr. Brown agreed.") == ["Lt. Gen. Smith said so.", "Dr. Brown agreed."])
        #expect(SentenceSplitter.sentences(in: "Втрати з 24.02 по 08.07 склали 1637 танків.").count == 1)
        #expect(SentenceSplitter.sentences(in: "вул. Сумська, 12") == ["вул. Сумська, 12"])
    }

    @Test func quotesAndNumbersStartSentences() {
        #expect(SentenceSplitter.sentences(in: "Він сказав: «Ми вистоїмо». 20 людей поранено.")
            == ["Він сказав: «Ми вистоїмо».", "20 людей поранено."])
        #expect(SentenceSplitter.sentences(in: "He said \"never.\" \"Yes,\" she replied.") == ["He said \"never.\"", "\"Yes,\" she replied."])
    }

    @Test func emptyText() {
        #expect(SentenceSplitter.sentences(in: "").isEmpty)
        #expect(SentenceSplitter.sentences(in: " \n\n ").isEmpty)
    }
}
