import GRDB
import DiglotModel

extension ArchiveSchema {
    /// The schema whose migration renames every passage.
    static let passageIDsByDocumentVersion = 6

    /// Schema 6: passage ids by the current formula (`PassageID`: the document's first 8 hex digits, then 8 of the
    /// hash), and every reference to them rewritten — figures' passages, pairs' and unlinks' sides, and the ids of
    /// pairs and unlinks derived from those sides, with their children's `parent` and aligned units.
    ///
    /// The first formula hashed the whole id, which spread a document's passages over the whole `passages.id`
    /// index; new ids keep them on one page (docs/performance.md, session 12). Rows whose id already matches (an
    /// archive created empty by this build) are left alone, so on a new archive this costs nothing. Pair ids that
    /// were not derived from their sides (none are today) keep their id. The update trigger that reindexes a
    /// passage's text is set aside while ids change: the texts do not.
    static func renamePassagesByDocument(_ db: Database) throws {
        db.add(function: DatabaseFunction("diglot_passage_id", argumentCount: 2, pure: true) { values in
            guard let document = String.fromDatabaseValue(values[0]), let index = Int.fromDatabaseValue(values[1]) else { return nil }
            return PassageID(document: DocumentID(rawValue: document), index: index).rawValue
        })
        db.add(function: DatabaseFunction("diglot_pair_id", argumentCount: 2, pure: true) { values in
            guard let original = String.fromDatabaseValue(values[0]).flatMap(PairSide.init(rawValue:)),
                  let rendering = String.fromDatabaseValue(values[1]).flatMap(PairSide.init(rawValue:)) else { return nil }
            return PairID(original: original, rendering: rendering).rawValue
        })
        let updateTriggers = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'passages' AND sql LIKE '%AFTER UPDATE%'
            """)
        for trigger in updateTriggers {
            try db.execute(sql: "DROP TRIGGER \(String(trigger["name"]).quotedDatabaseIdentifier)")
        }
        try db.execute(sql: """
            CREATE TEMP TABLE renamed_passages (old TEXT PRIMARY KEY NOT NULL, new TEXT NOT NULL) WITHOUT ROWID;
            INSERT INTO renamed_passages
                SELECT id, diglot_passage_id(document_id, idx) FROM passages WHERE id <> diglot_passage_id(document_id, idx);
            CREATE TEMP TABLE renamed_pairs (old TEXT PRIMARY KEY NOT NULL, new TEXT NOT NULL) WITHOUT ROWID;
            INSERT INTO renamed_pairs
                SELECT pairs.id, diglot_pair_id(coalesce(o.new, pairs.original), coalesce(r.new, pairs.rendering))
                FROM pairs
                LEFT JOIN renamed_passages AS o ON o.old = pairs.original
                LEFT JOIN renamed_passages AS r ON r.old = pairs.rendering
                WHERE (o.new IS NOT NULL OR r.new IS NOT NULL) AND pairs.id = diglot_pair_id(pairs.original, pairs.rendering);

            UPDATE passages SET id = (SELECT new FROM renamed_passages WHERE old = passages.id)
                WHERE id IN (SELECT old FROM renamed_passages);
            UPDATE figures SET passage_id = (SELECT new FROM renamed_passages WHERE old = figures.passage_id)
                WHERE passage_id IN (SELECT old FROM renamed_passages);
            UPDATE pairs SET
                    id = coalesce((SELECT new FROM renamed_pairs WHERE old = pairs.id), id),
                    parent = coalesce((SELECT new FROM renamed_pairs WHERE old = pairs.parent), parent),
                    original = coalesce((SELECT new FROM renamed_passages WHERE old = pairs.original), original),
                    rendering = coalesce((SELECT new FROM renamed_passages WHERE old = pairs.rendering), rendering)
                WHERE id IN (SELECT old FROM renamed_pairs) OR parent IN (SELECT old FROM renamed_pairs)
                    OR original IN (SELECT old FROM renamed_passages) OR rendering IN (SELECT old FROM renamed_passages);
            UPDATE aligned_units SET pair_id = (SELECT new FROM renamed_pairs WHERE old = aligned_units.pair_id)
                WHERE pair_id IN (SELECT old FROM renamed_pairs);
            UPDATE unlinks SET
                    pair_id = CASE WHEN pair_id = diglot_pair_id(original, rendering)
                        THEN diglot_pair_id(coalesce((SELECT new FROM renamed_passages WHERE old = unlinks.original), original),
                                            coalesce((SELECT new FROM renamed_passages WHERE old = unlinks.rendering), rendering))
                        ELSE pair_id END,
                    original = coalesce((SELECT new FROM renamed_passages WHERE old = unlinks.original), original),
                    rendering = coalesce((SELECT new FROM renamed_passages WHERE old = unlinks.rendering), rendering)
                WHERE original IN (SELECT old FROM renamed_passages) OR rendering IN (SELECT old FROM renamed_passages);

            DROP TABLE renamed_passages;
            DROP TABLE renamed_pairs;
            """)
        for trigger in updateTriggers {
            try db.execute(sql: String(trigger["sql"]))
        }
        try db.execute(sql: "UPDATE meta SET value = '6' WHERE key = 'schema_version'")
        try db.execute(sql: "PRAGMA user_version = 6")
    }
}

extension ArchiveStore {
    /// What opening the archive at `path` will rewrite, for a command to say before a pause it would otherwise
    /// leave unexplained; nil when nothing long is pending (a new archive, one at this schema, or a path that
    /// opening will refuse anyway).
    ///
    /// Renaming passages (schema 6) rewrites every passage row: 28 s for 966,395 passages.
    public static func pendingUpgrade(at path: String) -> String? {
        guard case .archive(let version)? = try? ArchiveProbe.inspect(path), version < ArchiveSchema.passageIDsByDocumentVersion else { return nil }
        return "upgrading \(path) from schema \(version) to \(ArchiveSchema.version): passage ids are rewritten once "
            + "(about 30 s per 100,000 documents; other processes wait until it is done)"
    }
}
