import GRDB
import DiglotModel

extension ArchiveStore {
    /// Figures in date order (then category), within the filter's inclusive date range.
    public func figures(_ filter: FigureFilter = FigureFilter()) throws -> [Figure] {
        try reading { db in
            var figures: [Figure] = []
            try db.forEachRow(cachedSQL: """
                SELECT \(StoredRecord.figureColumns) FROM figures
                WHERE (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2) AND (?3 IS NULL OR category = ?3)
                ORDER BY date, language, category, id
                """, arguments: [filter.from, filter.to, filter.category?.rawValue]) { figures.append(StoredRecord.figure($0)) }
            return figures
        }
    }
}
