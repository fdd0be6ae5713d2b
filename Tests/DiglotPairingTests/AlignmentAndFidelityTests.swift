import Testing
import DiglotModel
import DiglotPairing

@Suite struct AlignmentAndFidelityTests {
    let aligner = SentenceAligner()
    let checker = FidelityChecker()

    @Test func alignsOneToOneAndDroppedSentence() {
        let units = aligner.align(
            original: "Окупанти обстріляли Харків. Загинули 10 людей. Дякую рятувальникам ДСНС за роботу вночі.",
            originalLanguage: .ukrainian,
            rendering: "The occupiers shelled Kharkiv. Ten people were killed, 10 in total.", renderingLanguage: .english)
        #expect(units.map(\.pattern) == ["1-1", "1-1", "1-0"])
        #expect(units[0].rendering == ["The occupiers shelled Kharkiv."])
    }

    @Test func alignsTwoToOneWhenTheRenderingMerges() {
        let units = aligner.align(
            original: "Ворог випустив 84 ракети. Сили ППО збили 43 з них.",
            originalLanguage: .ukrainian,
            rendering: "The enemy launched 84 missiles, of which air defence shot down 43.", renderingLanguage: .english)
        #expect(units.map(\.pattern) == ["2-1"])
    }

    @Test func emptySidesGiveOneSidedUnits() {
        let units = aligner.align(original: "Бої тривають.", originalLanguage: .ukrainian, rendering: "", renderingLanguage: .english)
        #expect(units.map(\.pattern) == ["1-0"])
        #expect(aligner.align(original: "", originalLanguage: .ukrainian, rendering: "", renderingLanguage: .english).isEmpty)
    }

    private func report(_ original: String, _ rendering: String, language: LanguageTag = .ukrainian) -> FidelityReport {
        let units = aligner.align(original: original, originalLanguage: language, rendering: rendering,
                                  renderingLanguage: .english)
        return checker.check(units: units, originalLanguage: language, renderingLanguage: .english)
    }

    @Test func faithfulRenderingIsOK() {
        let r = report("танків ‒ 1 637 (+35),\nРСЗВ ‒ 247 (+0),", "tanks ‒ 1,637 (+35),\nMLRS ‒ 247 (+0),")
        #expect(r.status == .ok, "\(r.issues)")
    }

    @Test func changedFigureIsAMismatch() throws {
        let r = report("танків ‒ 1637 (+35),\nРСЗВ ‒ 247 (+0),", "tanks ‒ 1673 (+35),\nMLRS ‒ 247 (+0),")
        #expect(r.status == .mismatch)
        let issue = try #require(r.issues.first)
        #expect(issue.kind == "number")
        #expect(issue.message == "1637 in the original is 1673 in the rendering.")
    }

    @Test func missingFigureIsAMismatchAndSmallOneAWarning() {
        #expect(report("Поранено 35 людей.", "People were wounded.").status == .mismatch)
        #expect(report("Поранено 3 людей.", "A few people were wounded.").status == .warning)
        #expect(report("Поранено 3 людей.", "Three people were wounded.").status == .ok)
        #expect(report("Поранено 50 людей.", "Fifty people were wounded.").status == .ok)
    }

    @Test func falseFriendIsAWarning() throws {
        let r = report("Ситуація в районі ООС залишається напруженою.",
                       "The situation in the Environmental Protection Agency area remains tense.")
        #expect(r.status == .warning)
        let issue = try #require(r.issues.first { $0.kind == "glossary" })
        #expect(issue.message.contains("Joint Forces Operation"))
        #expect(report("Ситуація в районі ООС залишається напруженою.",
                       "The situation in the Joint Forces Operation area remains tense.").status == .ok)
    }

    @Test func inconsistentNamesAreWarnings() {
        let twoSpellings = report("Зеленський зустрівся з військовими. Зеленський подякував їм.",
                                  "Zelensky met the troops. Zelenskyy thanked them.")
        #expect(twoSpellings.issues.contains { $0.kind == "name" && $0.message.contains("Zelensky") })
        let russianEra = report("Вибухи в Києві.", "Explosions in Kiev.")
        #expect(russianEra.issues.contains { $0.kind == "name" && $0.message.contains("Kyiv") })
        #expect(report("Вибухи в Києві.", "Explosions in Kyiv.").status == .ok)
    }
}
