import Foundation
import DiglotModel

/// One thing `diglot figures --check` reports about a series of bulletin figures.
public struct FigureCheckFinding: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Total minus the previous day's total is not the change the bulletin states.
        case deltaMismatch = "delta-mismatch"
        /// A total smaller than an earlier day's.
        case decrease
        /// Two language versions of one day's bulletin give different figures.
        case languageDisagreement = "language-disagreement"
        /// Two documents in one language give different figures for one day.
        case sourceDisagreement = "source-disagreement"
    }

    public var kind: Kind
    /// `YYYY-MM-DD`.
    public var date: String
    public var category: FigureCategory
    /// The series' language; nil for a disagreement between languages.
    public var language: LanguageTag?
    /// One sentence a person understands.
    public var message: String

    public var description: String { "\(date) \(category)\(language.map { " [\($0)]" } ?? ""): \(message)" }
}

/// The consistency checks behind `diglot figures --check`, on figures in any order.
///
/// ```swift
/// for finding in FigureSeriesCheck.check(figures) { print(finding) }
/// // 2022-10-13 armored_combat_vehicle [uk]: total 5220 is 5195 + 25, but the bulletin states +0
/// ```
/// Stated deltas are compared only with the previous calendar day's figure: across a gap the change is
/// the sum of several deltas, which a single bulletin does not state. Nothing here fills in a missing delta.
public enum FigureSeriesCheck {
    public static func check(_ figures: [Figure]) -> [FigureCheckFinding] {
        var findings: [FigureCheckFinding] = []
        // One figure per (language, category, date); a second, different one is a source disagreement.
        var series: [String: [String: Figure]] = [:]
        for figure in figures {
            let key = "\(figure.language.rawValue)\u{1F}\(figure.category.rawValue)"
            if let existing = series[key]?[figure.date] {
                if existing.total != figure.total || existing.delta != figure.delta {
                    findings.append(FigureCheckFinding(
                        kind: .sourceDisagreement, date: figure.date, category: figure.category, language: figure.language,
                        message: "documents \(existing.documentID) and \(figure.documentID) give \(describe(existing)) and \(describe(figure))"))
                }
                continue
            }
            series[key, default: [:]][figure.date] = figure
        }
        for key in series.keys.sorted() {
            let days = series[key]!.values.sorted { $0.date < $1.date }
            for (previous, current) in zip(days, days.dropFirst()) {
                if current.total < previous.total {
                    findings.append(FigureCheckFinding(
                        kind: .decrease, date: current.date, category: current.category, language: current.language,
                        message: "total \(current.total) is less than \(previous.total) on \(previous.date)"))
                }
                guard let delta = current.delta, isDayAfter(previous.date, current.date) else { continue }
                let change = current.total - previous.total
                if change != delta {
                    findings.append(FigureCheckFinding(
                        kind: .deltaMismatch, date: current.date, category: current.category, language: current.language,
                        message: "total \(current.total) is \(previous.total) \(signed(change)) since \(previous.date), but the bulletin states \(signed(delta))"))
                }
            }
        }
        var byDay: [String: [Figure]] = [:]
        for days in series.values {
            for figure in days.values { byDay["\(figure.date)\u{1F}\(figure.category.rawValue)", default: []].append(figure) }
        }
        for key in byDay.keys.sorted() {
            let versions = byDay[key]!.sorted { $0.language < $1.language }
            guard let first = versions.first,
                  versions.contains(where: { $0.total != first.total || ($0.delta != nil && first.delta != nil && $0.delta != first.delta) })
            else { continue }
            findings.append(FigureCheckFinding(
                kind: .languageDisagreement, date: first.date, category: first.category, language: nil,
                message: versions.map { "\($0.language): \(describe($0))" }.joined(separator: "; ")))
        }
        return findings.sorted { ($0.date, $0.category.rawValue, $0.kind.rawValue) < ($1.date, $1.category.rawValue, $1.kind.rawValue) }
    }

    static func describe(_ figure: Figure) -> String {
        "\(figure.total)" + (figure.delta.map { " (\(signed($0)))" } ?? "")
    }

    static func signed(_ value: Int) -> String { value >= 0 ? "+\(value)" : "\(value)" }

    static func isDayAfter(_ earlier: String, _ later: String) -> Bool {
        guard let a = PublishedDate(iso: earlier), let b = PublishedDate(iso: later) else { return false }
        return b.instant.timeIntervalSince(a.instant) == 86_400
    }
}
