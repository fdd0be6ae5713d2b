import Foundation
import Testing
import DiglotLexicon
import DiglotTestSupport

@Suite struct RomanizerTests {
    @Test func tablesLoad() {
        #expect(Romanizer.loadProblem == nil)
    }

    /// Every test vector of the reference implementation (uklatn, KMU 55), read from ../shared/reference.
    @Test func passesReferenceVectors() throws {
        guard let reference = TestPaths.reference else {
            print("reference material absent: skipped the KMU 55 test vectors")
            return
        }
        let url = reference.appendingPathComponent("transliteration/test_KMU_55.json")
        let data = try Data(contentsOf: url)
        let vectors = try JSONDecoder().decode([[String: String]].self, from: data)
        #expect(vectors.count >= 17)
        for vector in vectors where vector["test"] == "cyr > lat" {
            let cyrillic = try #require(vector["cyr"])
            let latin = try #require(vector["lat"])
            #expect(Romanizer.ukrainian(cyrillic) == latin.precomposedStringWithCanonicalMapping, "\(cyrillic)")
        }
    }

    @Test(arguments: [
        ("Харків", "Kharkiv"), ("Київ", "Kyiv"), ("Миколаїв", "Mykolaiv"), ("Запоріжжя", "Zaporizhzhia"),
        ("Згурівка", "Zghurivka"), ("Розгон", "Rozghon"), ("Зеленський", "Zelenskyi"), ("Юрій", "Yurii"),
        ("Яготин", "Yahotyn"), ("Знам’янка", "Znamianka"), ("Ізмаїл", "Izmail"), ("Єнакієве", "Yenakiieve"),
        ("Олексій", "Oleksii"), ("Гостомель", "Hostomel"), ("Ґорґани", "Gorgany"), ("Біловодськ", "Bilovodsk"),
        ("ЗСУ", "ZSU"), ("ЩАСТЯ", "SHCHASTIA"), ("Щастя", "Shchastia"), ("Львів", "Lviv"),
    ])
    func ukrainianPlaceAndPersonNames(cyrillic: String, latin: String) {
        #expect(Romanizer.ukrainian(cyrillic) == latin)
    }

    @Test(arguments: [
        ("Харьков", "Kharkov"), ("Киев", "Kiev"), ("Николаев", "Nikolaev"), ("Белгород", "Belgorod"),
        ("Зеленский", "Zelensky"), ("Шойгу", "Shoygu"), ("Песков", "Peskov"), ("Грозный", "Grozny"),
        ("Евгений", "Yevgeny"), ("Пётр", "Pyotr"), ("Запорожье", "Zaporozhye"), ("Щёкино", "Shchyokino"),
        ("Объект", "Obyekt"), ("Лавров", "Lavrov"), ("Дмитрий", "Dmitry"), ("ЧВК", "CHVK"), ("Чвк", "Chvk"),
    ])
    func russianNewsSpelling(cyrillic: String, latin: String) {
        #expect(Romanizer.russian(cyrillic) == latin)
    }

    @Test func keepsNonCyrillicAndPunctuation() {
        #expect(Romanizer.ukrainian("Kyiv, 24.02.2022 — «Київ»!") == "Kyiv, 24.02.2022 — «Kyiv»!")
        #expect(Romanizer.russian("") == "")
    }

    @Test func autoChoosesByLetters() {
        #expect(Romanizer.auto("Харків") == "Kharkiv")
        #expect(Romanizer.auto("Грозный") == "Grozny")
        #expect(Romanizer.auto("Пригожин") == "Pryhozhyn")
    }
}
