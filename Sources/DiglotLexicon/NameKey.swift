import Foundation

/// A loose key for a proper name that is the same across scripts, romanisation systems and Ukrainian case forms.
///
/// Kharkiv, Kharkov, Харків, Харьков and Харкові share a key; so do Zelensky, Zelenskyy, Зеленський and Зеленского;
/// exonyms no rule can reach (Mykolaiv/Nikolaev, Bakhmut/Artemovsk) share one through `NamesTable`.
///
/// How: Cyrillic is romanised (after conservative removal of a consonantal case ending), then the Latin spelling
/// is reduced to a skeleton: digraphs (kh, zh, ch, sh, shch, ts) become single symbols, h and g merge (Ukrainian г
/// is h, Russian г is g), every run of vowels (y, i, j included) becomes one `a`, doubled consonants collapse and a
/// final vowel is dropped. Kherson and Kharkiv, Lviv and Lutsk, Donetsk and Donets keep different keys.
///
/// ```swift
/// NameKey.key("Харкові") == NameKey.key("Kharkov")   // true
/// ```
public enum NameKey {
    /// Raise whenever a change here (or in `Romanizer`, `TextFolding`) changes a key, so the keys cached by
    /// `DerivedKeyCache` from an older derivation are not read back. (A rebuilt program misses the cache anyway.)
    static let derivationVersion = 1

    /// The key of `name` (one word or several), mapped through the names table when it knows the name.
    public static func key(_ name: String) -> String {
        let words = TextFolding.words(name).map(String.init)
        let keys = words.map(phoneticKey(word:)).filter { !$0.isEmpty }
        guard !keys.isEmpty else { return "" }
        let whole = keys.joined(separator: " ")
        if let canonical = NamesTable.shared.canonicalKey(forPhoneticKey: whole) { return canonical }
        guard keys.count > 1 else { return whole }
        return keys.map { NamesTable.shared.canonicalKey(forPhoneticKey: $0) ?? $0 }.joined(separator: " ")
    }

    /// The key without the names table: the skeleton a rule derives from the spelling alone.
    public static func phoneticKey(_ name: String) -> String {
        TextFolding.words(name).map { phoneticKey(word: String($0)) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Case endings removed from Cyrillic names before romanising; vowel endings need no list because the key
    /// drops a final vowel anyway. Only endings that cannot end a nominative place or family name are here
    /// (never -ів: Київ, Харків).
    static let cyrillicEndings = ["ами", "ями", "ого", "ому", "ему", "ими", "ом", "ем", "єм", "им", "ім", "ах", "ях", "их", "іх"]

    static func phoneticKey(word: String) -> String {
        var word = TextFolding.fold(word)
        if word.unicodeScalars.contains(where: TextFolding.isCyrillic) {
            for ending in cyrillicEndings where word.hasSuffix(ending) && word.count - ending.count >= 3 {
                word.removeLast(ending.count)
                break
            }
            word = Romanizer.auto(word).lowercased()
        } else if word.hasSuffix("'s") {
            word.removeLast(2)
        }
        // Foundation's folding is slow and only matters for accented Latin letters (Zelenskyj, Kyïv).
        let latin = word.unicodeScalars.allSatisfy(\.isASCII)
            ? word.lowercased() : word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return skeleton(latin)
    }

    /// Digraph and letter substitutions, tried in this order at each position; uppercase symbols stand for one
    /// sound written with several letters.
    private static let substitutions: [([Unicode.Scalar], Unicode.Scalar)] = [
        ("shch", "Q"), ("sch", "Q"), ("zh", "J"), ("kh", "X"), ("ch", "C"), ("sh", "W"), ("ts", "T"), ("tz", "T"),
        ("ph", "f"), ("w", "v"), ("q", "k"), ("c", "k"), ("h", "g"),
    ].map { (Array($0.0.unicodeScalars), Unicode.Scalar($0.1)!) }
    private static let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "y", "j"]

    /// The consonant skeleton of a lowercase Latin spelling (see the type's summary).
    static func skeleton(_ latin: String) -> String {
        let letters = latin.unicodeScalars.filter(ScalarLetters.isAlphabetic)
        let scalars = Array(letters)
        var result = String.UnicodeScalarView()
        var last: Unicode.Scalar?
        func emit(_ symbol: Unicode.Scalar) {
            if symbol != last { result.append(symbol); last = symbol }
        }
        var i = 0
        scan: while i < scalars.count {
            if scalars[i] == "x" { emit("k"); emit("s"); i += 1; continue }
            for (pattern, symbol) in substitutions where i + pattern.count <= scalars.count {
                if scalars[i..<(i + pattern.count)].elementsEqual(pattern) {
                    emit(symbol)
                    i += pattern.count
                    continue scan
                }
            }
            emit(vowels.contains(scalars[i]) ? "a" : scalars[i])
            i += 1
        }
        if result.count > 1, last == "a" { result.removeLast() }
        return String(result)
    }
}
