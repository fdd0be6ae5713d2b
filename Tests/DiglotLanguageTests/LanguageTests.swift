import Foundation
import Testing
import DiglotModel
@testable import DiglotLanguage

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
