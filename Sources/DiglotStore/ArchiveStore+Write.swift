import Foundation
import GRDB
import DiglotModel

extension ArchiveStore {
    /// Writes one input: its source and everything its importer read, in one transaction.
    ///
    /// The batch is validated first (against itself and the archive, so pairs may name documents stored by
    /// earlier imports); on any problem nothing is written. Bytes already stored are a duplicate and write
    /// nothing. A document the archive already holds (the same tweet in a second article) is kept as stored
    /// and gains a link to this source.
    ///
    /// ```swift
    /// let outcome = try store.write(source: source, batch: batch)
    /// if outcome.isDuplicate { print("already imported") }
    /// ```
    /// - Parameter prepared: the index tokens of the batch's texts, analysed ahead on another thread
    ///   (`prepareIndexTokens(for:)`); texts it lacks are analysed during the write.
    /// - Throws: `StoreError.invalidBatch` naming the source's file, or an SQLite failure.
    public func write(source: Source, batch: ImportBatch, prepared: PreparedIndexTokens = .none) throws -> WriteOutcome {
        try write(source: source, batch: batch, prepared: prepared, storedAsSpans: { batch.passagesStoredAsSpans() }) { context in
            batch.validationProblems(knownDocuments: context.storedDocuments, knownPassages: Set(context.storedPassages.keys))
        }
    }

    /// `write(source:batch:prepared:)` for a batch already checked on its own (`CheckedBatch`, made on the
    /// thread that parsed it): the writer checks only what the archive settles, references to records outside
    /// the batch, and a batch sound alone not at all.
    public func write(source: Source, checked: CheckedBatch, prepared: PreparedIndexTokens = .none) throws -> WriteOutcome {
        try write(source: source, batch: checked.batch, prepared: prepared,
                  storedAsSpans: { checked.passagesStoredAsSpans }) { context in
            checked.problems { (context.storedDocuments, Set(context.storedPassages.keys)) }
        }
    }

    /// The write itself; `problems` checks the batch against what the archive holds of the records it names, and
    /// `storedAsSpans` tells which passages repeat their span of their document (`passagesStoredAsSpans`):
    /// those are stored with an empty text, which readers take from the document (`StoredRecord.passageText`).
    private func write(source: Source, batch: ImportBatch, prepared: PreparedIndexTokens,
                       storedAsSpans: () -> [Bool], problems: (BatchContext) -> [String]) throws -> WriteOutcome {
        let fileLabel = source.fileName ?? source.originURL ?? source.id.rawValue
        let group = groupOnThisThread()
        return try writing(in: group, rows: WriteGroup.rows(of: batch)) { db in
            // A cached statement: preparing it anew for every file was 3-4 % of the writing thread (perf, 10k corpus).
            if try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM sources WHERE id = ?", [source.id.rawValue]) == true {
                return .duplicate
            }
            let context = try BatchContext(batch: batch, db: db)
            let problems = problems(context)
            guard problems.isEmpty else { throw StoreError(file: fileLabel, reason: .invalidBatch(problems)) }

            try insertSource(source, db)
            // A group indexes every row past those before its first write: later writes need not look.
            let indexed = group?.awaitsIndexing == true ? nil : try IndexedRows(db)
            var outcome = WriteOutcome(isDuplicate: false, documentsAdded: 0, documentsLinked: 0,
                                       passagesAdded: 0, pairsAdded: 0, figuresAdded: 0)
            var added = Set<DocumentID>()
            for document in batch.documents {
                if context.storedDocuments.contains(document.id) {
                    // A later source only: the first is the document's own `source_id` (schema 9).
                    var link = try BoundStatement(db, cachedSQL: "INSERT OR IGNORE INTO document_sources(document_id, source_id) VALUES (?, ?)")
                    link.bind(document.id.rawValue)
                    link.bind(source.id.rawValue)
                    try link.run()
                    outcome.documentsLinked += 1
                } else {
                    try Self.insertDocument(document, sourceID: source.id, db)
                    added.insert(document.id)
                    outcome.documentsAdded += 1
                }
            }
            let passageInsert = try Self.passageInsert(db)
            let storedAsSpan = storedAsSpans()
            for (position, passage) in batch.passages.enumerated() where added.contains(passage.documentID) {
                try Self.insertPassage(passage, storingText: !storedAsSpan[position], passageInsert)
                outcome.passagesAdded += 1
            }
            for figure in batch.figures where added.contains(figure.documentID) || !context.batchDocuments.contains(figure.documentID) {
                try Self.insertFigure(figure, db)
                outcome.figuresAdded += 1
            }
            var insertedPairs = Set<PairID>()
            lazy var now = Self.timestamp(Date())  // formatted only for a batch with pairs
            for pair in batch.pairs {
                guard let original = context.resolve(pair.original), let rendering = context.resolve(pair.rendering) else { continue }
                if try Self.insertPair(pair, original: original, rendering: rendering, replacing: false, createdAt: now, db) {
                    insertedPairs.insert(pair.id)
                    outcome.pairsAdded += 1
                }
            }
            for unit in batch.alignedUnits where insertedPairs.contains(unit.pairID) {
                try Self.insertAlignedUnit(unit, db)
            }
            if let group {
                group.deferIndexing(after: indexed, tokens: prepared)
            } else if let indexed {
                try registration.offering(prepared) { try Self.indexNewRows(since: indexed, db) }
            }
            // After indexing: the tokenizer records what it analysed (a group's commit flushes its own).
            try vocabulary.flush(db)
            return outcome
        }
    }

    /// The last document row number before a write: the documents after it are the write's own.
    struct IndexedRows {
        var document: Int64

        init(_ db: Database) throws {
            document = try Int64.fetchOne(db, cachedSQL: "SELECT coalesce(max(seq), 0) FROM documents", []) ?? 0
        }
    }

    /// Adds the documents written after `rows` to the full-text index in one statement: the write's last
    /// statement touching it, so FTS5 builds one segment for the whole write rather than one per row (see
    /// `ArchiveSchema.indexNewRowsExplicitly`). Row numbers only grow (rows are never deleted), so the new rows
    /// are those past the old maximum. Passages have no index of their own (`ArchiveSchema.dropPassageIndex`).
    static func indexNewRows(since rows: IndexedRows, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO documents_fts(rowid, title, text) SELECT seq, title, text FROM documents WHERE seq > ? ORDER BY seq
            """).execute(arguments: [rows.document])
    }

    private func insertSource(_ source: Source, _ db: Database) throws {
        var insert = try BoundStatement(db, cachedSQL: """
            INSERT INTO sources(id, media_type, file_name, origin_url, imported_at, importer_id, importer_version,
                                byte_count, bytes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insert.bind(source.id.rawValue); insert.bind(source.mediaType); insert.bind(source.fileName)
        insert.bind(source.originURL); insert.bind(Self.timestamp(source.importedAt)); insert.bind(source.importerID)
        insert.bind(source.importerVersion); insert.bind(source.bytes.count); insert.bind(source.bytes)
        try insert.run()
    }

    static func insertDocument(_ d: Document, sourceID: SourceID, _ db: Database) throws {
        var insert = try BoundStatement(db, cachedSQL: """
            INSERT INTO documents(id, kind, language, declared_language, title, author, publisher, published,
                                  published_instant, canonical_url, text, source_id, metadata)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insert.bind(d.id.rawValue); insert.bind(d.kind.rawValue); insert.bind(d.language.rawValue)
        insert.bind(d.declaredLanguage?.rawValue); insert.bind(d.title); insert.bind(d.author); insert.bind(d.publisher)
        insert.bind(d.published?.description); insert.bind(d.published?.instant.timeIntervalSince1970)
        insert.bind(d.canonicalURL); insert.bind(d.text); insert.bind(sourceID.rawValue)
        insert.bind(StoreJSON.encodeMetadata(d.metadata))
        try insert.run()
    }

    /// The passages' insert, taken from the statement cache once for all the passages of a write: GRDB finds a
    /// cached statement by hashing its SQL, 1,200 instructions each passage on the writing thread (callgrind,
    /// 5,000 documents, session 19). Unbound: each `insertPassage` binds a copy.
    static func passageInsert(_ db: Database) throws -> BoundStatement {
        try BoundStatement(db, cachedSQL: """
            INSERT INTO passages(id, document_id, idx, role, start, "end", language, text, metadata)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// - Parameter storingText: false for a passage that repeats its span of its document: its text is stored
    ///   empty and read from the document's.
    static func insertPassage(_ p: Passage, storingText: Bool, _ statement: BoundStatement) throws {
        var insert = statement
        insert.bind(p.id.rawValue); insert.bind(p.documentID.rawValue); insert.bind(p.index); insert.bind(p.role.rawValue)
        insert.bind(p.start); insert.bind(p.end); insert.bind(p.language.rawValue); insert.bind(storingText ? p.text : "")
        insert.bind(StoreJSON.encodeMetadata(p.metadata))
        try insert.run()
    }

    static func insertFigure(_ f: Figure, _ db: Database) throws {
        var insert = try BoundStatement(db, cachedSQL: """
            INSERT INTO figures(document_id, date, category, total, delta, qualifier, language, label, passage_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insert.bind(f.documentID.rawValue); insert.bind(f.date); insert.bind(f.category.rawValue); insert.bind(f.total)
        insert.bind(f.delta); insert.bind(f.qualifier); insert.bind(f.language.rawValue); insert.bind(f.label)
        insert.bind(f.passageID?.rawValue)
        try insert.run()
    }

    /// Inserts a pair unless a person unlinked its two sides; `replacing` lets an engine run refresh its own
    /// earlier result, but a manual pair is never overwritten by anything automatic.
    /// - Parameter createdAt: the write's time (`timestamp`), formatted once for all its pairs.
    /// - Returns: whether the pair was written.
    static func insertPair(_ pair: Pair, original: ResolvedSide, rendering: ResolvedSide, replacing: Bool,
                           createdAt: String, _ db: Database) throws -> Bool {
        if pair.origin != .manual,
           try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM unlinks WHERE pair_id = ?", [pair.id.rawValue]) == true {
            return false
        }
        let conflict: String
        if replacing {
            conflict = """
                ON CONFLICT(id) DO UPDATE SET method = excluded.method, confidence = excluded.confidence,
                    fidelity_status = excluded.fidelity_status, fidelity = excluded.fidelity,
                    origin = excluded.origin, parent = excluded.parent
                WHERE pairs.origin <> 'manual' OR excluded.origin = 'manual'
                """
        } else {
            conflict = "ON CONFLICT(id) DO NOTHING"
        }
        var insert = try BoundStatement(db, cachedSQL: """
            INSERT INTO pairs(id, original, rendering, original_document, original_language, rendering_document,
                              rendering_language, method, confidence, fidelity_status, fidelity, origin, parent,
                              created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """ + conflict)
        insert.bind(pair.id.rawValue); insert.bind(pair.original.rawValue); insert.bind(pair.rendering.rawValue)
        insert.bind(original.document.rawValue); insert.bind(original.language.rawValue)
        insert.bind(rendering.document.rawValue); insert.bind(rendering.language.rawValue)
        insert.bind(pair.method.rawValue); insert.bind(pair.confidence); insert.bind(pair.fidelity.status.rawValue)
        insert.bind(StoreJSON.encodeFidelity(pair.fidelity)); insert.bind(pair.origin.rawValue)
        insert.bind(pair.parent?.rawValue); insert.bind(createdAt)
        try insert.run()
        return db.changesCount > 0
    }

    static func insertAlignedUnit(_ unit: AlignedUnit, _ db: Database) throws {
        var insert = try BoundStatement(db, cachedSQL: """
            INSERT INTO aligned_units(pair_id, idx, original_text, rendering_text, pattern) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(pair_id, idx) DO UPDATE SET original_text = excluded.original_text,
                rendering_text = excluded.rendering_text, pattern = excluded.pattern
            """)
        insert.bind(unit.pairID.rawValue); insert.bind(unit.index); insert.bind(unit.originalText)
        insert.bind(unit.renderingText); insert.bind(unit.pattern)
        try insert.run()
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

/// The document and language behind one side of a pair.
struct ResolvedSide {
    var document: DocumentID
    var language: LanguageTag
}

/// What the archive already holds of the records a batch names, looked up inside the write transaction.
struct BatchContext {
    /// The ids of the batch's own documents.
    let batchDocuments: Set<DocumentID>
    var storedDocuments: Set<DocumentID> = []
    var storedPassages: [PassageID: ResolvedSide] = [:]
    private var documentLanguages: [DocumentID: LanguageTag] = [:]
    private var passageSides: [PassageID: ResolvedSide] = [:]

    init(batch: ImportBatch, db: Database) throws {
        batchDocuments = Set(batch.documents.map(\.id))
        for document in batch.documents { documentLanguages[document.id] = document.language }
        var documentIDs = batchDocuments.union(batch.figures.map(\.documentID))
        var passageIDs = Set<PassageID>()
        for pair in batch.pairs {
            for side in [pair.original, pair.rendering] {
                switch side {
                case .document(let id): documentIDs.insert(id)
                case .passage(let id): passageIDs.insert(id)
                }
            }
        }
        // Only the passages a pair names are ever resolved: a map of every passage of every batch (most have no
        // pair) was a third of making the context, on the writer (callgrind, 5,000 documents, session 19).
        if !passageIDs.isEmpty {
            for passage in batch.passages where passageIDs.contains(passage.id) {
                passageSides[passage.id] = ResolvedSide(document: passage.documentID, language: passage.language)
            }
        }
        let documentLookup = try KeyedRowLookup(db, cachedSQL: "SELECT language FROM documents WHERE id = ?")
        for id in documentIDs {
            try documentLookup.firstRow(for: id.rawValue) { row in
                storedDocuments.insert(id)
                if documentLanguages[id] == nil { documentLanguages[id] = LanguageTag(rawValue: row.text(0)) }
            }
        }
        // A passage of a batch document the archive lacks cannot be stored (a passage's document is a foreign
        // key): no need to look for it. Most tweet-quote pairs name such passages.
        let newDocuments = batchDocuments.subtracting(storedDocuments)
        let passageLookup = passageIDs.isEmpty ? nil
            : try KeyedRowLookup(db, cachedSQL: "SELECT document_id, language FROM passages WHERE id = ?")
        for id in passageIDs where !(passageSides[id].map { newDocuments.contains($0.document) } ?? false) {
            try passageLookup?.firstRow(for: id.rawValue) { row in
                let side = ResolvedSide(document: DocumentID(rawValue: row.text(0)), language: LanguageTag(rawValue: row.text(1)))
                storedPassages[id] = side
                if passageSides[id] == nil { passageSides[id] = side }
            }
        }
    }

    func resolve(_ side: PairSide) -> ResolvedSide? {
        switch side {
        case .document(let id): documentLanguages[id].map { ResolvedSide(document: id, language: $0) }
        case .passage(let id): storedPassages[id] ?? passageSides[id]
        }
    }
}

extension DatabaseValueConvertible where Self: StatementColumnConvertible {
    /// One value from a cached statement.
    static func fetchOne(_ db: Database, cachedSQL sql: String, _ arguments: StatementArguments) throws -> Self? {
        try fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }
}

extension Row {
    static func fetchOne(_ db: Database, cachedSQL sql: String, _ arguments: StatementArguments) throws -> Row? {
        try fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }
}
