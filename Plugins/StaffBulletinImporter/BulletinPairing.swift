import DiglotModel

/// One bulletin's records, as an import produced them or as the store holds them.
public struct BulletinRecords: Sendable {
    public var document: Document
    public var passages: [Passage]
    public var figures: [Figure]

    public init(document: Document, passages: [Passage], figures: [Figure]) {
        self.document = document
        self.passages = passages
        self.figures = figures
    }

    /// The bulletin's date (`bulletin_date`, else the date of its figures).
    public var bulletinDate: String? { document.metadata["bulletin_date"] ?? figures.first?.date }
}

/// A Ukrainian bulletin paired with its English rendering: the document pair and one pair per figure line.
public struct BulletinPairResult: Sendable {
    public var documentPair: Pair
    /// Figure-line pairs, `parent` set to `documentPair.id`, in the original's line order.
    public var linePairs: [Pair]
    /// Both, document pair first.
    public var pairs: [Pair] { [documentPair] + linePairs }
}

/// Pairs two language versions of the same day's bulletin and checks that they state the same figures.
///
/// The store calls it whichever version was imported first: it takes the two sides in either order and
/// makes the Ukrainian (or Russian) one the original.
///
/// ```swift
/// let result = try BulletinPairing.pair(englishRecords, ukrainianRecords)
/// result.documentPair.fidelity.status // .ok, or .mismatch naming each category that disagrees
/// ```
public enum BulletinPairing {
    /// Why two bulletins cannot be paired.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case notABulletin(DocumentID)
        case sameLanguage(LanguageTag)
        case differentDates(String, String)
        /// Neither side is Ukrainian or Russian, so neither can be the original.
        case noOriginal

        public var description: String {
            switch self {
            case .notABulletin(let id): "document \(id) is not a staff bulletin"
            case .sameLanguage(let language): "both bulletins are in the same language (\(language))"
            case .differentDates(let a, let b): "the bulletins cover different days (\(a) and \(b))"
            case .noOriginal: "neither bulletin is Ukrainian or Russian, so neither is the original"
            }
        }
    }

    /// The pair of two language versions of one bulletin, its figure-line pairs, and their fidelity.
    /// - Parameter method: `same-bulletin` for versions imported separately, `bilingual-list` for the two
    ///   halves of one bilingual list.
    /// - Throws: `Problem` when the two are not two languages of one day's bulletin.
    public static func pair(_ first: BulletinRecords, _ second: BulletinRecords,
                            method: PairMethod = .sameBulletin) throws -> BulletinPairResult {
        for side in [first, second] where side.document.kind != .staffBulletin {
            throw Problem.notABulletin(side.document.id)
        }
        guard first.document.language != second.document.language else {
            throw Problem.sameLanguage(first.document.language)
        }
        guard let firstDate = first.bulletinDate, let secondDate = second.bulletinDate, firstDate == secondDate else {
            throw Problem.differentDates(first.bulletinDate ?? "unknown", second.bulletinDate ?? "unknown")
        }
        let (original, rendering): (BulletinRecords, BulletinRecords)
        if first.document.language.isEastSlavic { (original, rendering) = (first, second) }
        else if second.document.language.isEastSlavic { (original, rendering) = (second, first) }
        else { throw Problem.noOriginal }

        let fidelity = self.fidelity(original: original.figures, rendering: rendering.figures)
        let documentPair = Pair(original: .document(original.document.id), rendering: .document(rendering.document.id),
                                method: method, confidence: 1, fidelity: fidelity)
        let renderingLines = Dictionary(figureLines(rendering).map { ($0.category, $0.passage) }, uniquingKeysWith: { a, _ in a })
        var linePairs: [Pair] = []
        for (category, passage) in figureLines(original) {
            guard let other = renderingLines[category] else { continue }
            let lineFidelity = self.fidelity(original: original.figures.filter { $0.passageID == passage.id },
                                             rendering: rendering.figures.filter { $0.passageID == other.id })
            linePairs.append(Pair(original: .passage(passage.id), rendering: .passage(other.id), method: method,
                                  confidence: 1, fidelity: lineFidelity, parent: documentPair.id))
        }
        return BulletinPairResult(documentPair: documentPair, linePairs: linePairs)
    }

    /// A change as the messages write it: "+13", "+0", "-2" (a category name never holds "+-", so this is the
    /// "+\(delta)" with "+-" made "-" that Foundation's `replacingOccurrences` wrote, without bridging every
    /// message to `NSString` on the writing thread).
    static func signed(_ delta: Int) -> String { delta < 0 ? String(delta) : "+" + String(delta) }

    /// Compares two versions' figures category by category: a total or a stated delta that differs is a
    /// `mismatch` naming the category; a category only one version states, or a delta only one states,
    /// is a `warning`.
    public static func fidelity(original: [Figure], rendering: [Figure]) -> FidelityReport {
        let theirs = Dictionary(rendering.map { ($0.category, $0) }, uniquingKeysWith: { a, _ in a })
        let ours = Dictionary(original.map { ($0.category, $0) }, uniquingKeysWith: { a, _ in a })
        var issues: [FidelityIssue] = []
        for figure in original {
            let name = figure.category.rawValue
            guard let other = theirs[figure.category] else {
                issues.append(FidelityIssue(kind: "figure-missing", severity: .warning,
                                            message: "\(name): \(figure.total) in the original, absent from the rendering",
                                            subject: name))
                continue
            }
            if figure.total != other.total {
                issues.append(FidelityIssue(kind: "figure", severity: .mismatch,
                                            message: "\(name): \(figure.total) in the original, \(other.total) in the rendering",
                                            subject: name))
            }
            switch (figure.delta, other.delta) {
            case let (a?, b?) where a != b:
                issues.append(FidelityIssue(kind: "figure-delta", severity: .mismatch,
                                            message: "\(name): change \(signed(a)) in the original, \(signed(b)) in the rendering",
                                            subject: name))
            case (nil, _?), (_?, nil):
                issues.append(FidelityIssue(kind: "figure-delta", severity: .warning,
                                            message: "\(name): only the \(figure.delta == nil ? "rendering" : "original") states the change",
                                            subject: name))
            default: break
            }
        }
        for figure in rendering where ours[figure.category] == nil {
            let name = figure.category.rawValue
            issues.append(FidelityIssue(kind: "figure-missing", severity: .warning,
                                        message: "\(name): \(figure.total) in the rendering, absent from the original",
                                        subject: name))
        }
        return FidelityReport(issues: issues)
    }

    /// Figure-line passages with a category, in document order, first of each category.
    private static func figureLines(_ records: BulletinRecords) -> [(category: String, passage: Passage)] {
        var seen = Set<String>()
        return records.passages.sorted { $0.index < $1.index }.compactMap { passage in
            guard passage.role == .figureLine, let category = passage.metadata["category"],
                  seen.insert(category).inserted else { return nil }
            return (category, passage)
        }
    }
}
