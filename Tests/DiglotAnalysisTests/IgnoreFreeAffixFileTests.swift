import Foundation
import Testing
@testable import DiglotAnalysis

/// Loading a dictionary without its affix file's `IGNORE` line (`IgnoreFreeAffixFile`) must find the stems
/// Hunspell finds with the line, and must only be used where that holds.
@Suite struct IgnoreFreeAffixFileTests {
    static let acute: Unicode.Scalar = "\u{0301}"

    func affix(_ lines: [String]) -> Data { Data(lines.joined(separator: "\n").utf8) }

    @Test func theIgnoreLineIsTakenOutOfAUTF8AffixFile() throws {
        let original = affix(["SET UTF-8", "TRY абв", "IGNORE \u{0301}", "SFX A Y 1", "SFX A 0 и ."])
        let derived = try #require(IgnoreFreeAffixFile.withoutIgnoreLine(original))
        #expect(derived.ignored == [Self.acute])
        #expect(String(decoding: derived.kept, as: UTF8.self) == "SET UTF-8\nTRY абв\nSFX A Y 1\nSFX A 0 и .")
        // Windows line ends and a tab: the fields are Hunspell's, the combining mark is not glued to the blank.
        let crlf = affix(["SET UTF-8\r", "IGNORE\t\u{0301}\u{00AD}\r", "SFX A Y 1\r"])
        let fromCRLF = try #require(IgnoreFreeAffixFile.withoutIgnoreLine(crlf))
        #expect(fromCRLF.ignored == [Self.acute, "\u{00AD}"])
        #expect(String(decoding: fromCRLF.kept, as: UTF8.self) == "SET UTF-8\r\nSFX A Y 1\r")
    }

    @Test func affixFilesItCannotVouchForAreLeftAsTheyAre() {
        // Not UTF-8: Hunspell's IGNORE would work on another encoding's bytes.
        #expect(IgnoreFreeAffixFile.withoutIgnoreLine(affix(["SET KOI8-U", "IGNORE \u{0301}"])) == nil)
        #expect(IgnoreFreeAffixFile.withoutIgnoreLine(affix(["IGNORE \u{0301}"])) == nil)
        // No IGNORE, or two: nothing to gain, or a file Hunspell itself complains about.
        #expect(IgnoreFreeAffixFile.withoutIgnoreLine(affix(["SET UTF-8", "TRY абв"])) == nil)
        #expect(IgnoreFreeAffixFile.withoutIgnoreLine(affix(["SET UTF-8", "IGNORE \u{0301}", "IGNORE \u{00AD}"])) == nil)
        // An ignored character in an affix rule: Hunspell removes it there too, so the rules would differ.
        #expect(IgnoreFreeAffixFile.withoutIgnoreLine(affix(["SET UTF-8", "IGNORE \u{0301}", "SFX A 0 и\u{0301} ."])) == nil)
        #expect(IgnoreFreeAffixFile.withoutIgnoreLine(affix(["SET UTF-8", "IGNORE"])) == nil)
    }

    @Test func aDictionaryHoldingAnIgnoredCharacterKeepsItsAffixFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ignore-free-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let aff = folder.appendingPathComponent("t.aff"), clean = folder.appendingPathComponent("clean.dic")
        let stressed = folder.appendingPathComponent("stressed.dic")
        try affix(["SET UTF-8", "IGNORE \u{0301}"]).write(to: aff)
        try Data("2\nвійна\nмир\n".utf8).write(to: clean)
        try Data("2\nві\u{0301}йна\nмир\n".utf8).write(to: stressed)
        #expect(IgnoreFreeAffixFile(affixPath: aff.path, dictionaryPath: stressed.path) == nil)
        let derived = try #require(IgnoreFreeAffixFile(affixPath: aff.path, dictionaryPath: clean.path))
        #expect(FileManager.default.contents(atPath: derived.path) == Data("SET UTF-8".utf8))
        #if os(Linux)
        // Read through an open descriptor whose file has no name left (it is used only once unlinked): a process
        // killed while Hunspell reads it leaves nothing in the temporary folder.
        #expect(derived.path.hasPrefix("/proc/self/fd/"))
        #endif
        derived.remove()
        #expect(FileManager.default.contents(atPath: derived.path) != Data("SET UTF-8".utf8))
    }

    @Test func wordsLoseTheIgnoredCharactersOnly() {
        #expect(IgnoreFreeAffixFile.removing([Self.acute], from: "ві\u{0301}йна") == "війна")
        #expect(IgnoreFreeAffixFile.removing([Self.acute], from: "Ки\u{0301}їв") == "Київ")
        #expect(IgnoreFreeAffixFile.removing([Self.acute], from: "танків") == "танків")
    }

    /// Debian's uk_UA loaded both ways gives the same stems for inflected, capitalised and stress-marked words
    /// (a sample of its own entries with common endings, and the words the importers meet most).
    @Test func debianUkrainianFindsTheSameStemsEitherWay() throws {
        let paths = MorphologyDictionaries.Paths.debian("uk_UA")
        let derived = try HunspellDictionary(affixPath: paths.affix, dictionaryPath: paths.dictionary)
        let asInstalled = try HunspellDictionary(affixPath: paths.affix, dictionaryPath: paths.dictionary, ignoringInSwift: false)
        #expect(derived.ignoresInSwift, "Debian's uk_UA.aff ignores the combining acute and its dictionary holds none")
        #expect(!asInstalled.ignoresInSwift)
        let bytes = try #require(FileManager.default.contents(atPath: paths.dictionary))
        let entries = String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst()
        var words = ["війна", "ві\u{0301}йна", "Ки\u{0301}їв", "Київ", "київ", "танків", "втратами", "Харкові", "ЗСУ",
                     "безпілотників", "о\u{0301}сіб", "артилерійських", "систем", "Генштаб", "окупантів"]
        for (index, entry) in entries.enumerated() where index % 97 == 0 {
            let stem = String(entry.prefix { $0 != "/" && $0 != "\t" && $0 != " " })
            words += [stem, stem.capitalized, stem + "ами", stem + "ів", stem + "ові", stem + "у", stem + "\u{0301}"]
        }
        #expect(words.count > 20_000)
        let differing = words.filter { derived.stems(of: $0) != asInstalled.stems(of: $0) }
        let differingCount = differing.count  // not the list itself: a failure would print all of it
        #expect(differingCount == 0, "\(differing.prefix(10))")
        #expect(words.filter { !derived.stems(of: $0).isEmpty }.count > 5_000, "the sample holds words Hunspell knows")
    }
}
