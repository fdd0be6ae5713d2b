#!/usr/bin/env bash
# Makes a large-export test archive: a copy of ARCHIVE whose pairs (and their aligned units) are repeated
# TIMES more times under new ids, pointing at the same documents and passages. An export must still look up
# every pair's sides, so this measures export throughput at a million pairs without importing 2.4 million
# documents. BENCHMARKS.md ("Export, session 4") used the 100k bench archive with TIMES=23.
#
#   scripts/repeat-pairs.sh /tmp/diglot-bench/bench-100000.sqlite /tmp/export-1m.sqlite 23
set -euo pipefail
if [ $# -ne 3 ]; then echo "usage: $0 ARCHIVE COPY TIMES" >&2; exit 2; fi
archive=$1 copy=$2 times=$3
rm -f "$copy" "$copy-wal" "$copy-shm"
sqlite3 "$archive" ".backup '$copy'"
sqlite3 "$copy" "
WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < $times)
INSERT INTO pairs SELECT p.id || '#' || k.n, original, rendering, original_document, original_language,
       rendering_document, rendering_language, method, confidence, fidelity_status, fidelity, origin, parent, created_at
FROM k, (SELECT * FROM pairs ORDER BY rowid) p ORDER BY k.n, p.rowid;
WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < $times)
INSERT INTO aligned_units SELECT u.pair_id || '#' || k.n, idx, original_text, rendering_text, pattern
FROM k, aligned_units u WHERE u.pair_id NOT LIKE '%#%';
SELECT count(*) || ' pairs' FROM pairs;"
