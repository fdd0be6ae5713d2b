import GRDB

extension ArchiveSchema {
    /// The pairing engine's candidate index: each document's signature (written once, when `diglot pair` first
    /// examines it), its blocking tokens and link keys, so that new documents find partners among a million
    /// archived ones by indexed lookups instead of re-reading texts.
    ///
    /// `pairing_candidates` is keyed by the document's arrival number; `pairing_tokens` answers "documents of this
    /// language, published in this day range, sharing these tokens"; `pairing_links` answers "documents whose URL
    /// or tweet status id is this one". Two more indexes serve the pipeline's bulletin pairing (by
    /// `bulletin_date`) and `diglot pair`'s fidelity pass over pairs no check has looked at yet.
    static func createPairingCandidates(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE pairing_candidates (
                seq INTEGER PRIMARY KEY REFERENCES documents(seq),
                document_id TEXT NOT NULL,
                language TEXT NOT NULL,
                kind TEXT NOT NULL,
                day INTEGER,
                signature TEXT NOT NULL,
                own_links TEXT NOT NULL,
                outgoing_links TEXT NOT NULL
            );
            CREATE INDEX pairing_candidates_day ON pairing_candidates(language, day);
            CREATE TABLE pairing_tokens (
                token TEXT NOT NULL,
                language TEXT NOT NULL,
                day INTEGER NOT NULL,
                seq INTEGER NOT NULL REFERENCES pairing_candidates(seq),
                PRIMARY KEY (token, language, day, seq)
            ) WITHOUT ROWID;
            CREATE TABLE pairing_links (
                link TEXT NOT NULL,
                seq INTEGER NOT NULL REFERENCES pairing_candidates(seq),
                PRIMARY KEY (link, seq)
            ) WITHOUT ROWID;
            CREATE INDEX documents_bulletin_date ON documents(json_extract(metadata, '$.bulletin_date'))
                WHERE kind = 'staff-bulletin';
            CREATE INDEX pairs_unchecked ON pairs(fidelity_status) WHERE fidelity_status = 'unchecked';
            """)
    }
}
