import GRDB
import DiglotModel

extension ArchiveStore {
    /// Figures in date order (then category), within the filter's inclusive date range.
    public func figures(_ filter: FigureFilter = FigureFilter()) throws -> [Figure] {
        try reading { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM figures
                WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2) AND (?3 IS NULL OR category = ?3)
                ORDER BY date, language, category, id
                """), arguments: [filter.from, filter.to, filter.category?.rawValue]).map { row in
                    let passage: String? = row["passage_id"]
                    return Figure(documentID: DocumentID(rawValue: row["document_id"]), date: row["date"],
                                  category: FigureCategory(rawValue: row["category"]) ?? .personnel, total: row["total"],
                                  delta: row["delta"], qualifier: row["qualifier"],
                                  language: LanguageTag(rawValue: row["language"]), label: row["label"],
                                  passageID: passage.map(PassageID.init(rawValue:)))
                }
        }
    }
}
