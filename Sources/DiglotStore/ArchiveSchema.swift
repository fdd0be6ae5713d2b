import GRDB

/// The archive's tables and how each schema version is reached.
///
/// The version is recorded twice: in `PRAGMA user_version` (read before anything is migrated, so an
/// archive from a newer Diglot is refused untouched) and in GRDB's migration table. `PRAGMA application_id`
/// marks the file as a Diglot archive, which is how any other SQLite file is told apart.
enum ArchiveSchema {
    /// "DGLT": the SQLite application id of every Diglot archive.
    static let applicationID: Int32 = 0x4447_4C54
    /// The schema this build writes and the newest it reads.
    static let version = 9

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try createVersion1(db) }
        migrator.registerMigration("v2-pairing-candidates") { db in try createPairingCandidates(db) }
        migrator.registerMigration("v3-search-vocabulary") { db in try addSearchVocabulary(db) }
        migrator.registerMigration("v4-term-statistics") { db in try addTermStatistics(db) }
        migrator.registerMigration("v5-explicit-index-writes") { db in try indexNewRowsExplicitly(db) }
        migrator.registerMigration("v6-passage-ids-by-document") { db in try renamePassagesByDocument(db) }
        migrator.registerMigration("v7-no-passage-index") { db in try dropPassageIndex(db) }
        migrator.registerMigration("v8-passage-texts-once") { db in try storePassageTextsOnce(db) }
        migrator.registerMigration("v9-fewer-hashed-indexes") { db in try dropHashedIndexes(db) }
        return migrator
    }

    /// The morphological search analysis: the `vocabulary` table `ArchiveVocabulary` reads and writes, and
    /// the documents' FTS index rebuilt with the analyzer the archive is opened with, so an archive indexed by an
    /// older build (surface forms only, `BasicAnalyzer`) gains lemmas and name keys. The rebuild records
    /// every word's analysis; `ArchiveStore` writes it to `vocabulary` right after migrating.
    /// On a new archive the tables are empty and the rebuild costs nothing. The passages' index is not rebuilt:
    /// migrations run to the newest schema in one go, and schema 7 drops it (`dropPassageIndex`).
    private static func addSearchVocabulary(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE vocabulary (
                word TEXT PRIMARY KEY NOT NULL,
                stem TEXT NOT NULL,
                lemmas TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX vocabulary_stem ON vocabulary(stem);
            INSERT INTO documents_fts(documents_fts) VALUES('rebuild');
            """)
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: ["3"])
        try db.execute(sql: "PRAGMA user_version = 3")
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            CREATE TABLE sources (
                id TEXT PRIMARY KEY NOT NULL,
                media_type TEXT NOT NULL,
                file_name TEXT,
                origin_url TEXT,
                imported_at TEXT NOT NULL,
                importer_id TEXT NOT NULL,
                importer_version TEXT NOT NULL,
                byte_count INTEGER NOT NULL,
                bytes BLOB NOT NULL
            );
            CREATE TABLE documents (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                language TEXT NOT NULL,
                declared_language TEXT,
                title TEXT,
                author TEXT,
                publisher TEXT,
                published TEXT,
                published_instant REAL,
                canonical_url TEXT,
                text TEXT NOT NULL,
                source_id TEXT NOT NULL REFERENCES sources(id),
                metadata TEXT NOT NULL DEFAULT '{}'
            );
            CREATE INDEX documents_kind_language ON documents(kind, language);
            CREATE TABLE document_sources (
                document_id TEXT NOT NULL REFERENCES documents(id),
                source_id TEXT NOT NULL REFERENCES sources(id),
                PRIMARY KEY (document_id, source_id)
            ) WITHOUT ROWID;
            CREATE INDEX document_sources_source ON document_sources(source_id);
            CREATE TABLE passages (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                document_id TEXT NOT NULL REFERENCES documents(id),
                idx INTEGER NOT NULL,
                role TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                language TEXT NOT NULL,
                text TEXT NOT NULL,
                metadata TEXT NOT NULL DEFAULT '{}'
            );
            CREATE INDEX passages_document ON passages(document_id, idx);
            CREATE TABLE figures (
                id INTEGER PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES documents(id),
                date TEXT NOT NULL,
                category TEXT NOT NULL,
                total INTEGER NOT NULL,
                delta INTEGER,
                qualifier TEXT,
                language TEXT NOT NULL,
                label TEXT,
                passage_id TEXT
            );
            CREATE INDEX figures_date ON figures(date, category);
            CREATE INDEX figures_document ON figures(document_id);
            CREATE TABLE pairs (
                id TEXT PRIMARY KEY NOT NULL,
                original TEXT NOT NULL,
                rendering TEXT NOT NULL,
                original_document TEXT NOT NULL REFERENCES documents(id),
                original_language TEXT NOT NULL,
                rendering_document TEXT NOT NULL REFERENCES documents(id),
                rendering_language TEXT NOT NULL,
                method TEXT NOT NULL,
                confidence REAL NOT NULL,
                fidelity_status TEXT NOT NULL,
                fidelity TEXT NOT NULL,
                origin TEXT NOT NULL,
                parent TEXT,
                created_at TEXT NOT NULL
            );
            CREATE INDEX pairs_languages ON pairs(original_language, rendering_language);
            CREATE INDEX pairs_original_document ON pairs(original_document);
            CREATE INDEX pairs_rendering_document ON pairs(rendering_document);
            CREATE TABLE aligned_units (
                pair_id TEXT NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                original_text TEXT NOT NULL,
                rendering_text TEXT NOT NULL,
                pattern TEXT NOT NULL,
                PRIMARY KEY (pair_id, idx)
            ) WITHOUT ROWID;
            CREATE TABLE unlinks (
                pair_id TEXT PRIMARY KEY NOT NULL,
                original TEXT NOT NULL,
                rendering TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            """)
        try db.create(virtualTable: "documents_fts", using: FTS5()) { t in
            t.synchronize(withTable: "documents")
            t.tokenizer = AnalyzerTokenizer.tokenizerDescriptor()
            t.column("title")
            t.column("text")
        }
        try db.create(virtualTable: "passages_fts", using: FTS5()) { t in
            t.synchronize(withTable: "passages")
            t.tokenizer = AnalyzerTokenizer.tokenizerDescriptor()
            t.column("text")
        }
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('format', 'diglot-archive'), ('schema_version', '1')")
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: "PRAGMA user_version = 1")
    }
}
