import Testing
import DiglotModel
import StaffBulletinImporter

/// `figures --check`: deltas against day-to-day changes, decreasing totals, language versions that disagree.
@Suite struct StaffBulletinCheckTests {
    func figure(_ date: String, _ total: Int, _ delta: Int?, _ language: LanguageTag = .ukrainian,
                _ category: FigureCategory = .tank) -> Figure {
        Figure(documentID: DocumentID(naturalKey: "staff-bulletin:\(language):\(date)"), date: date, category: category,
               total: total, delta: delta, qualifier: nil, language: language)
    }

    @Test func aConsistentSeriesHasNoFindings() {
        let series = [figure("2022-06-02", 1363, 2), figure("2022-06-03", 1367, 4), figure("2022-06-01", 1361, 3)]
        #expect(FigureSeriesCheck.check(series).isEmpty)
    }

    @Test func aDeltaThatDoesNotAddUpIsReported() {
        // The real 03.06.2022 English page: "artillery systems – 661 (+14)" after 661 the day before.
        let findings = FigureSeriesCheck.check([figure("2022-06-02", 661, 2, .english, .artillery),
                                                figure("2022-06-03", 661, 14, .english, .artillery)])
        #expect(findings.map(\.kind) == [.deltaMismatch])
        #expect(findings.first?.message == "total 661 is 661 +0 since 2022-06-02, but the bulletin states +14")
    }

    @Test func decreasesAreReportedAndGapsAreNotDeltaChecked() {
        let findings = FigureSeriesCheck.check([figure("2022-10-12", 5220, 10), figure("2022-10-14", 5200, 5)])
        #expect(findings.map(\.kind) == [.decrease])
    }

    @Test func missingDeltasAreNeverInferred() {
        #expect(FigureSeriesCheck.check([figure("2022-08-20", 1907, 5), figure("2022-08-21", 1912, nil)]).isEmpty)
    }

    @Test func languageVersionsThatDisagreeAreReported() {
        let findings = FigureSeriesCheck.check([figure("2022-07-08", 1637, 35, .ukrainian), figure("2022-07-08", 1673, 35, .english)])
        #expect(findings.map(\.kind) == [.languageDisagreement])
        #expect(findings.first?.description == "2022-07-08 tank: en: 1673 (+35); uk: 1637 (+35)")
    }
}
