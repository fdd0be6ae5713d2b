#!/bin/bash
# One line per table of an archive: its name, row count and a SHA-256 of its rows in key order, with the
# columns that hold the time of the run left out. The full-text indexes need Diglot's tokenizer to be read (the
# sqlite3 shell has none), so they stand here as the rows they index and, after a bulk import, `term_documents`
# (every term's document count, recounted from the index); `ParsingThreadsTests` compares them by fts5vocab.
# Two archives built from the same inputs by different builds must print the same:
#   diff <(scripts/archive-digest.sh a.sqlite) <(scripts/archive-digest.sh b.sqlite)
set -euo pipefail
archive=$1
digest() {
    local rows
    rows=$(sqlite3 -batch "$archive" "SELECT count(*) FROM ($2)")
    echo "$1 $rows $(sqlite3 -batch "$archive" "$2" | sha256sum | cut -c1-16)"
}
digest sources "SELECT id, media_type, file_name, origin_url, importer_id, importer_version, byte_count, hex(bytes) FROM sources ORDER BY id"
digest documents "SELECT * FROM documents ORDER BY seq"
digest document_sources "SELECT * FROM document_sources ORDER BY document_id, source_id"
digest passages "SELECT * FROM passages ORDER BY seq"
digest figures "SELECT * FROM figures ORDER BY id"
digest pairs "SELECT id, original, rendering, original_document, original_language, rendering_document, rendering_language, method, confidence, fidelity_status, fidelity, origin, parent FROM pairs ORDER BY id"
digest aligned_units "SELECT * FROM aligned_units ORDER BY pair_id, idx"
digest pairing_candidates "SELECT * FROM pairing_candidates ORDER BY seq"
digest pairing_tokens "SELECT * FROM pairing_tokens ORDER BY token, language, day, seq"
digest pairing_links "SELECT * FROM pairing_links ORDER BY link, seq"
digest vocabulary "SELECT * FROM vocabulary ORDER BY word"
digest term_documents "SELECT * FROM term_documents ORDER BY term"
