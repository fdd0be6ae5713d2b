import Foundation
import DiglotModel
import DiglotLexicon

/// Checks that a rendering says what its original says, the way a careful human checker would.
///
/// - A number of the original missing from, or different in, the rendering is a `mismatch` (English number words
///   count as the number; a missing number of ten or less is only a `warning`, being often rendered by a word
///   such as "a couple" or "both").
/// - A glossary term rendered by one of its known wrong renderings (ООС → "Environmental Protection Agency") is a
///   `warning`.
/// - A name spelled two ways in the rendering (Zelensky and Zelenskyy), or a Ukrainian place given its Russian-era
///   spelling (Київ → Kiev), is a `warning`.
public struct FidelityChecker: Sendable {
    public init() {}

    /// The report for an aligned pair; `units` come from `SentenceAligner` (pass one unit holding both whole texts
    /// when there is no alignment).
    public func check(units: [(original: [String], rendering: [String], pattern: String)],
                      originalLanguage: LanguageTag, renderingLanguage: LanguageTag) -> FidelityReport {
        var issues: [FidelityIssue] = []
        var leftover: [NumberMention] = []
        var extra: [NumberMention] = []
        for unit in units {
            let o = quantities(unit.original.joined(separator: " "))
            let r = quantities(unit.rendering.joined(separator: " "))
            var remaining = r
            var missing: [NumberMention] = []
            for number in o {
                if let k = remaining.firstIndex(where: { $0.value == number.value }) { remaining.remove(at: k) } else {
                    missing.append(number)
                }
            }
            leftover += missing
            extra += remaining
        }
        // A number the aligner put in another unit still counts as rendered.
        var unmatchedExtra = extra
        leftover.removeAll { number in
            if let k = unmatchedExtra.firstIndex(where: { $0.value == number.value }) { unmatchedExtra.remove(at: k); return true }
            return false
        }
        for number in leftover {
            let severity: FidelityReport.Status = number.value <= 10 ? .warning : .mismatch
            if let replacement = unmatchedExtra.first(where: { close($0.value, number.value) }) {
                unmatchedExtra.removeAll { $0 == replacement }
                issues.append(FidelityIssue(kind: "number", severity: severity,
                                            message: "\(number.text) in the original is \(replacement.text) in the rendering.",
                                            subject: number.text))
            } else {
                issues.append(FidelityIssue(kind: "number", severity: severity,
                                            message: "\(number.text) in the original is missing from the rendering.",
                                            subject: number.text))
            }
        }
        let original = units.flatMap(\.original).joined(separator: "\n")
        let rendering = units.flatMap(\.rendering).joined(separator: "\n")
        issues += glossaryIssues(original: original, originalLanguage: originalLanguage, rendering: rendering,
                                 renderingLanguage: renderingLanguage)
        issues += nameIssues(original: original, originalLanguage: originalLanguage, rendering: rendering)
        return FidelityReport(issues: issues)
    }

    private func quantities(_ text: String) -> [NumberMention] {
        NumberNormalizer.numbers(in: LinkExtractor.removingURLs(from: text), includingWords: true).filter(\.isQuantity)
    }

    /// Same order of magnitude: a plausible mistyped or changed figure rather than an unrelated number.
    private func close(_ a: Double, _ b: Double) -> Bool {
        guard a > 0, b > 0 else { return false }
        return max(a, b) / min(a, b) < 3
    }

    private func glossaryIssues(original: String, originalLanguage: LanguageTag, rendering: String,
                                renderingLanguage: LanguageTag) -> [FidelityIssue] {
        var issues: [FidelityIssue] = []
        var seen = Set<Int>()
        for match in Glossary.shared.matches(in: original, language: originalLanguage)
        where !match.entry.conflicts.isEmpty && seen.insert(match.entry.id).inserted {
            let expected = match.entry.terms(in: renderingLanguage)
            guard !expected.contains(where: { Glossary.shared.text(rendering, contains: $0) }) else { continue }
            if let wrong = match.entry.conflicts.first(where: { Glossary.shared.text(rendering, contains: $0) }) {
                issues.append(FidelityIssue(kind: "glossary", severity: .warning,
                                            message: "\(match.surface) is rendered as \"\(wrong)\"; it means \"\(expected.first ?? "")\".",
                                            subject: match.term))
            }
        }
        return issues
    }

    private func nameIssues(original: String, originalLanguage: LanguageTag, rendering: String) -> [FidelityIssue] {
        var issues: [FidelityIssue] = []
        var spellings: [String: Set<String>] = [:]
        for word in rendering.split(whereSeparator: { !($0.isLetter || $0 == "-") }) where word.first?.isUppercase == true {
            let key = NameKey.key(String(word))
            if key.count >= 3 { spellings[key, default: []].insert(String(word).replacingOccurrences(of: "'s", with: "")) }
        }
        let originalKeys = Set(NameSpotter.nameKeys(in: original))
        for (key, forms) in spellings.sorted(by: { $0.key < $1.key }) where forms.count > 1 && originalKeys.contains(key) {
            let sorted = forms.sorted()
            issues.append(FidelityIssue(kind: "name", severity: .warning,
                                        message: "One name is spelled \(sorted.map { "\"\($0)\"" }.joined(separator: " and ")) in the rendering.",
                                        subject: sorted[0]))
        }
        guard originalLanguage == .ukrainian else { return issues }
        for form in spellings.values.flatMap({ $0 }).sorted() {
            guard let entry = NamesTable.shared.entry(for: form), entry.kind == "place" || entry.kind == "region",
                  originalKeys.contains(NameKey.key(form)),
                  entry.russian.contains(where: { Romanizer.russian($0).caseInsensitiveCompare(form) == .orderedSame }),
                  !entry.ukrainian.contains(where: { Romanizer.ukrainian($0).caseInsensitiveCompare(form) == .orderedSame }),
                  form.caseInsensitiveCompare(entry.canonical) != .orderedSame else { continue }
            issues.append(FidelityIssue(kind: "name", severity: .warning,
                                        message: "\(form) is the Russian-era spelling; the Ukrainian original names \(entry.canonical).",
                                        subject: form))
        }
        return issues
    }
}
