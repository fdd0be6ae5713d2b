import Foundation
import DiglotTestSupport
import Testing
import DiglotModel
import DiglotImporting
@testable import StaffBulletinImporter

/// Numbers, dashes, dates and categories, one rule at a time.
@Suite struct StaffBulletinParsingTests {
    @Test(arguments: [
        ("1 020 010", 1_020_010), ("1020010", 1_020_010), ("1,020,010", 1_020_010), ("1\u{00A0}020\u{00A0}010", 1_020_010),
        ("1\u{2009}020\u{2009}010", 1_020_010), ("1\u{202F}020", 1020), ("0", 0), ("36900", 36900),
    ])
    func numbers(_ text: String, _ value: Int) {
        #expect(BulletinNumber.parse(text) == value)
    }

    @Test func numbersThatAreNotOne() {
        #expect(BulletinNumber.parse("12 34") == nil)
        #expect(BulletinNumber.parse("36900 123") == nil)
        #expect(BulletinNumber.parse("багато") == nil)
        #expect(BulletinNumber.scan("36900 (+250) осіб").map(\.value) == [36900, 250])
        #expect(BulletinNumber.scan("732, 1946").map(\.value) == [732, 1946])
    }

    @Test(arguments: ["-", "‒", "–", "—", "−"])
    func everyDashSeparates(_ dash: String) throws {
        let reading = try #require(try FigureLineParser.read("танків \(dash) 1637 (+35) од,"))
        #expect(reading.label == "танків")
        #expect(reading.total == 1637 && reading.delta == 35 && reading.qualifier == nil)
    }

    /// The dash test by value answers as the set of dashes for every scalar; a line without decoration is
    /// returned as it is.
    @Test func dashesByValueAreTheSetOfDashes() {
        var dashes = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if BulletinText.isDash(scalar) != BulletinText.dashes.contains(scalar) { Issue.record("U+\(String(value, radix: 16))") }
            if BulletinText.isDash(scalar) { dashes += 1 }
        }
        #expect(dashes == BulletinText.dashes.count)
        #expect(BulletinText.withoutDecoration("танків – 5") == "танків – 5")
        #expect(BulletinText.withoutDecoration("– танків – 5") == "танків – 5")
        #expect(BulletinText.withoutDecoration("✅ tanks ‒ 5") == "tanks ‒ 5")
    }

    @Test func hyphensInsideLabelsDoNotSeparate() throws {
        let grad = try #require(try FigureLineParser.read("РСЗВ БМ-21 \"Град\" - 21,"))
        #expect(grad.label == "РСЗВ БМ-21 \"Град\"" && grad.total == 21)
        let uav = try #require(try FigureLineParser.read("БПЛА оперативно-тактичного рівня - 669 (+2),"))
        #expect(uav.label == "БПЛА оперативно-тактичного рівня")
        let attached = try #require(try FigureLineParser.read("personnel‒ \u{00A0}about 41350 (+180) persons were liquidated,"))
        #expect(attached.label == "personnel" && attached.total == 41350 && attached.qualifier == "about")
    }

    @Test func qualifiersDeltasAndUnitWords() throws {
        let cases: [(String, Int?, Int?, String?)] = [
            ("особового складу - близько 36900 (+250) осіб ліквідовано,", 36900, 250, "about"),
            ("особового складу - ліквідовано близько 45200 (+300)", 45200, 300, "about"),
            ("Особовий склад - орієнтовно 5300 (уточнюється)", 5300, nil, "approximately"),
            ("personnel ‒ more than 1 020 010 (+1 070) persons", 1_020_010, 1070, "more than"),
            ("особового складу ‒ понад 105 960 (+710) осіб", 105_960, 710, "more than"),
            ("РСЗВ - 247 (+0) од,", 247, 0, nil),
            ("tanks ‒ 732 од,", 732, nil, nil),
            ("APV ‒ 3736 (-2),", 3736, -2, nil),
            ("vehicles and fuel tanks ‒ (+2).", nil, 2, nil),
        ]
        for (line, total, delta, qualifier) in cases {
            let reading = try #require(try FigureLineParser.read(line), "\(line)")
            #expect(reading.total == total, "\(line)")
            #expect(reading.delta == delta, "\(line)")
            #expect(reading.qualifier == qualifier, "\(line)")
            #expect(reading.unknownWords.isEmpty, "\(line): \(reading.unknownWords)")
        }
    }

    @Test func aValueThatIsNotANumberIsAProblem() {
        #expect(throws: FigureLineParser.Problem.noNumber("багато,")) { try FigureLineParser.read("танків ‒ багато,") }
        #expect(throws: FigureLineParser.Problem.severalNumbers([1637, 1640])) { try FigureLineParser.read("танків ‒ 1637 1640") }
        #expect((try? FigureLineParser.read("Дані уточнюються.")) == .some(nil))
    }

    @Test func periods() throws {
        let plain = try #require(BulletinDates.period(in: "Загальні бойові втрати противника з 24.02 по 08.07 орієнтовно склали:"))
        #expect(plain.start == BulletinDayMonth(day: 24, month: 2, year: nil))
        #expect(plain.end == BulletinDayMonth(day: 8, month: 7, year: nil))
        let withYears = try #require(BulletinDates.period(in: "втрати з 24.02.22 по 08.07.25"))
        #expect(withYears.end.year == 2025 && withYears.start.year == 2022)
        let english = try #require(BulletinDates.period(in: "The total combat losses of the enemy from 24.02 to 2.03"))
        #expect(english.end == BulletinDayMonth(day: 2, month: 3, year: nil))
        #expect(BulletinDates.period(in: "станом на ранок") == nil)
    }

    /// The byte check detection runs before lowercasing a line never refuses a line whose period the
    /// pattern would find, Arabic-Indic digits included.
    @Test func theDayMonthPrefilterRefusesNoPeriod() {
        var generator = SeededGenerator(seed: 91)
        func pick(_ options: [String]) -> String { options[generator.below(options.count)] }
        var periods = 0
        for _ in 0..<5_000 {
            // A header-shaped line, each part sometimes missing or broken.
            let day = { pick(["24", "8", "٢٤", "03", "12", "x"]) }
            let date = { day() + pick([".", ".", ".", ". ", ","]) + day() + pick(["", ".2022", ".٢٢", "."]) }
            let line = pick(["", "Загальні втрати ", "Total losses "]) + pick(["з ", "from ", "з ", "із"]) + date()
                + pick([" по ", " to ", " до ", "-"]) + date() + pick(["", ".", " орієнтовно."])
            if BulletinDates.period(in: line) != nil {
                periods += 1
                #expect(BulletinReader.mayHoldDayMonth(line), "\(line)")
            }
        }
        #expect(periods > 20, "the generated lines hold periods often enough to test the check")
        #expect(BulletinReader.mayHoldDayMonth("з ٢٤.٠٢ по ٠٥.٠٣"))
        #expect(!BulletinReader.mayHoldDayMonth("Загальні бойові втрати противника. Дані уточнюються."))
    }

    /// Collapsing spaces, through its shortcut for lines already collapsed or not, gives the words joined by
    /// single spaces; a line without a slash between alphabets has no bilingual sides.
    @Test func collapsingAndBilingualShortcutsChangeNothing() {
        var generator = SeededGenerator(seed: 92)
        let pieces = ["танки", "tanks", " ", "  ", "\u{00A0}", "\t", "\u{2009}", "\u{200B}", "/", "‒", "28", "(+1)", "Київ"]
        for _ in 0..<5_000 {
            let line = (0..<generator.below(9)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let words = line.unicodeScalars.split(whereSeparator: BulletinText.isSpace).map { String(String.UnicodeScalarView($0)) }
            #expect(BulletinText.collapsed(line) == words.joined(separator: " "), "\(line.debugDescription)")
            if !line.contains("/") { #expect(BilingualLine.sides(of: line) == nil) }
        }
        #expect(BilingualLine.sides(of: "танки / tanks ‒ 28")?.latin == "tanks ‒ 28")
    }

    @Test func yearsComeFromThePeriodThePublicationOr2022() throws {
        let yearless = try #require(BulletinDates.period(in: "з 24.02 по 31.12"))
        let newYear = try #require(BulletinDates.publicationDate("01 січня 2023, 09:00"))
        #expect(try BulletinDates.resolve(yearless, published: newYear).end.day == "2022-12-31")
        #expect(try BulletinDates.resolve(yearless, published: nil).end.day == "2022-12-31")
        let july = try #require(BulletinDates.period(in: "з 24.02 по 08.07"))
        let published = try #require(BulletinDates.publicationDate("2023-07-08 09:00:00"))
        #expect(try BulletinDates.resolve(july, published: published).end.day == "2023-07-08")
        let explicit = try #require(BulletinDates.period(in: "з 24.02.22 по 08.07.25"))
        let days = try BulletinDates.resolve(explicit, published: nil)
        #expect(days.start.day == "2022-02-24" && days.end.day == "2025-07-08")
        let unknown = try #require(BulletinDates.period(in: "з 01.03 по 12.03"))
        #expect(throws: BulletinDates.Problem.yearUnknown) { try BulletinDates.resolve(unknown, published: nil) }
        let impossible = try #require(BulletinDates.period(in: "з 24.02.22 по 31.02.23"))
        #expect(throws: BulletinDates.Problem.self) { try BulletinDates.resolve(impossible, published: nil) }
    }

    @Test func publicationDatesAreKyivTime() throws {
        #expect(BulletinDates.publicationDate("08 липня 2022, 09:25")?.description == "2022-07-08T06:25Z")
        #expect(BulletinDates.publicationDate("2022-04-12 06:00:00")?.description == "2022-04-12T03:00:00Z")
        #expect(BulletinDates.publicationDate("05 june 2022, 06:00")?.description == "2022-06-05T03:00Z")
        #expect(BulletinDates.publicationDate("2022-02-01 10:00:00")?.description == "2022-02-01T08:00:00Z")
        #expect(BulletinDates.publicationDate("Дані уточнюються") == nil)
    }

    @Test(arguments: [
        ("особового складу", FigureCategory.personnel), ("Personnel", .personnel), ("танків", .tank), ("Танки", .tank),
        ("бойових броньованих машин", .armoredCombatVehicle), ("ББМ", .armoredCombatVehicle), ("APV", .armoredCombatVehicle),
        ("ABV", .armoredCombatVehicle), ("Armoured personnel vehicles", .armoredCombatVehicle),
        ("артилерійських систем", .artillery), ("Гармат", .artillery), ("Artillery pieces", .artillery),
        ("РСЗВ", .mlrs), ("РСЗВ БМ-21 \"Град\"", .mlrs), ("РСЗВ БМ-21 «Град»", .mlrs), ("MLRS", .mlrs),
        ("засоби ППО", .airDefense), ("ЗРК БУК", .airDefense), ("Anti-aircraft warfare systems", .airDefense),
        ("літаків", .aircraft), ("aircraft", .aircraft), ("гелікоптерів", .helicopter), ("helicopters", .helicopter),
        ("БПЛА оперативно-тактичного рівня", .uav), ("БПЛА", .uav), ("UAV operational-tactical level", .uav),
        ("крилаті ракети", .cruiseMissile), ("cruise missiles", .cruiseMissile),
        ("кораблі /катери", .warship), ("кораблі/катери", .warship), ("boats / cutters", .warship),
        ("warships / boats", .warship), ("ships/boats", .warship), ("підводні човни", .submarine),
        ("submarines", .submarine), ("автомобільної техніки та автоцистерн", .vehicleFuelTank),
        ("vehicles and fuel tanks", .vehicleFuelTank), ("спеціальна техніка", .specialEquipment),
        ("special equipment", .specialEquipment), ("наземні робототехнічні комплекси", .groundRoboticSystem),
        ("ground robotic systems", .groundRoboticSystem), ("автомобільної техніки", .militaryVehicle),
        ("Автомобілі", .militaryVehicle), ("vehicles", .militaryVehicle), ("цистерн з ПММ", .fuelTank),
        ("fuel tanks", .fuelTank), ("пускові установки ОТРК/ТРК", .srbmLauncher), ("mobile SRBM system", .srbmLauncher),
        ("взято в полон", .pow), ("#танків", .tank),
    ])
    func categories(_ label: String, _ category: FigureCategory) {
        #expect(BulletinVocabulary.shared.category(forLabel: label) == category)
    }

    @Test func unknownCategoriesAreNotGuessed() {
        #expect(BulletinVocabulary.shared.category(forLabel: "Юбилей") == nil)
        #expect(BulletinVocabulary.shared.category(forLabel: "танки противника на складі") == nil)
    }

    @Test func bilingualLinesSplitByAlphabet() throws {
        let sides = try #require(BilingualLine.sides(of: "кораблі / катери / ships / boats ‒ 25 (+0) од / units"))
        #expect(sides.cyrillic == "кораблі / катери ‒ 25 (+0) од")
        #expect(sides.latin == "ships / boats ‒ 25 (+0) units")
        let personnel = try #require(BilingualLine.sides(of: "personnel - about 41 (+1) осіб ліквідовано / persons were liquidated,"))
        #expect(personnel.latin == "personnel - about 41 (+1) persons were liquidated,")
        #expect(BilingualLine.sides(of: "кораблі /катери - 15 (+0) од,") == nil)
        #expect(BilingualLine.sides(of: "boats / cutters ‒ 7 од,") == nil)
    }

    @Test func anUnmappedCategoryIsKeptAndReported() throws {
        let text = """
        Загальні бойові втрати противника з 24.02 по 08.07 орієнтовно склали:
        танків ‒ 1637 (+35) од,
        тактичних ракетних комплексів ‒ 3 (+1) од,
        """
        let batch = try StaffBulletinImporter(configuration: .default)
            .read(ImportInput(bytes: Data(text.utf8), fileName: "unmapped.txt"))
        #expect(batch.figures.map(\.category) == [.tank])
        #expect(batch.passages.contains { $0.role == .figureLine && $0.text.hasPrefix("тактичних") && $0.metadata["category"] == nil })
        #expect(batch.warnings == ["unmapped.txt:3: category \"тактичних ракетних комплексів\" is not in the vocabulary; the line is kept as a passage without a figure"])
    }

    @Test func confidenceIsZeroForOrdinaryText() {
        let article = ImportInput(bytes: Data("Russian forces shelled Kharkiv overnight, officials said.".utf8), fileName: "a.txt")
        #expect(StaffBulletinImporter.confidence(for: article) == 0)
    }
}

/// `BulletinText.script(of:)`, which classes ASCII and Cyrillic letters by value, against asking Unicode's tables
/// of every scalar as it did: every scalar of the Basic Multilingual Plane alone and beside a Latin and a
/// Cyrillic letter, and 5,000 seeded mixes.
@Suite struct BulletinScriptTests {
    static func byProperties(_ text: String) -> BulletinText.Script {
        var cyrillic = 0, latin = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if (0x0400...0x052F).contains(scalar.value) { cyrillic += 1 }
            else if scalar.isASCII || (0xC0...0x24F).contains(scalar.value) { latin += 1 }
        }
        if cyrillic == 0 && latin == 0 { return .other }
        return cyrillic >= latin ? .cyrillic : .latin
    }

    @Test func scriptsAreThoseOfTheUnicodeTables() {
        var differing: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)", "A\(scalar)", "Ї\(scalar)", "\(scalar)\(scalar)Z"]
            where BulletinText.script(of: text) != Self.byProperties(text) {
                differing.append(String(value, radix: 16))
            }
        }
        #expect(differing.isEmpty, "differs for U+\(differing.prefix(10).joined(separator: ", U+"))")
        var generator = SeededGenerator(seed: 66)
        let pieces = ["танків", "tanks", "Ї", "ё", "҂", "\u{0483}", "Ӏ", "é", "ǅ", "Σ", "1 020", " ", "—", "ª", "_"]
        for _ in 0..<5_000 {
            let text = (0..<generator.below(8)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            #expect(BulletinText.script(of: text) == Self.byProperties(text), "\(text.debugDescription)")
        }
    }
}
