#!/usr/bin/env bash
# Imports Samples/ into a fresh demo archive and shows what a user cares about:
# counts by language and kind, a search hit, and a pair side by side.
set -euo pipefail

diglot="${DIGLOT:-.build/debug/diglot}"
archive="${DEMO_ARCHIVE:-./demo.sqlite}"
rm -f "$archive" "$archive-wal" "$archive-shm"
export DIGLOT_ARCHIVE="$archive"

echo "== Importers in this build"
"$diglot" importers
echo
echo "== Importing Samples/ into $archive"
"$diglot" import Samples/ || echo "(some samples could not be imported; see the messages above)"
echo
echo "== What the archive holds"
"$diglot" stats
echo
first_word="$("$diglot" list --json | python3 -c '
import json, re, sys
for line in sys.stdin:
    title = json.loads(line).get("title") or ""
    words = [w for w in re.findall(r"\w{5,}", title)]
    if words:
        print(words[0]); break
')"
if [ -n "$first_word" ]; then
    echo "== Searching for \"$first_word\""
    "$diglot" search "$first_word" --limit 3
    echo
fi
echo "== A pair side by side"
pair="$("$diglot" pairs --json | head -n 1)"
if [ -n "$pair" ]; then
    printf '%s\n' "$pair" | python3 -c '
import json, sys, textwrap
p = json.loads(sys.stdin.read())
o, r = p["original"], p["rendering"]
print(f"{p[\"method\"]}, confidence {p[\"confidence\"]}, fidelity {p[\"fidelity\"][\"status\"]}")
left = textwrap.wrap(o["text"][:600], 48) or [""]
right = textwrap.wrap(r["text"][:600], 48) or [""]
print(f"{o[\"language\"]:<50}| {r[\"language\"]}")
for i in range(max(len(left), len(right))):
    print(f"{(left[i] if i < len(left) else \"\"):<50}| {right[i] if i < len(right) else \"\"}")
'
else
    echo "(no pairs yet: the importers that find them land with their own issues)"
fi
