#!/usr/bin/env bash
# Imports the sample inputs under Samples/ into a fresh demo archive and shows what a user cares about:
# counts by language and kind, searches across languages and scripts, a pair side by side, the loss
# figures, and how bad input is refused.
set -euo pipefail

diglot="${DIGLOT:-.build/debug/diglot}"
archive="${DEMO_ARCHIVE:-./demo.sqlite}"
rm -f "$archive" "$archive-wal" "$archive-shm"
export DIGLOT_ARCHIVE="$archive"

# Sample inputs only: golden files are expected outputs, and "invalid"/"bad" samples are bad input on purpose.
mapfile -t good < <(find Samples -type f ! -name '*.golden.jsonl' ! -name '*.error.txt' ! -name '*.md' \
                      ! -name '*.output.jsonl' ! -iname '*invalid*' ! -iname '*bad*' | sort)
mapfile -t bad < <(find Samples -type f \( -iname '*invalid*' -o -iname '*bad*' \) ! -name '*.golden.jsonl' \
                     ! -name '*.error.txt' | sort | head -n 4)

echo "== Importers in this build"
"$diglot" importers
echo
echo "== Importing ${#good[@]} sample inputs into $archive"
"$diglot" import --plugins Plugins/TelegramExport "${good[@]}"
echo
echo "== What the archive holds"
"$diglot" stats
echo
echo "== diglot search tanks --lang uk   (an English word finds Ukrainian bulletins through the glossary)"
"$diglot" search tanks --lang uk --limit 2 || true
echo
for query in "втратами" "Kiev" "Харків"; do
    echo "== diglot search \"$query\"   (inflected forms; names across scripts)"
    "$diglot" search "$query" --limit 2 || true
    echo
done
echo "== A pair side by side"
pair="$("$diglot" pairs --json | python3 -c '
import json, sys
pairs = [json.loads(line) for line in sys.stdin if line.strip()]
whole = [p for p in pairs if p["original"]["document"] != p["rendering"]["document"] and len(p["original"]["text"]) > 80]
print(json.dumps((whole or pairs or [None])[0]))
')"
if [ "$pair" != "null" ]; then
    printf '%s\n' "$pair" | python3 -c '
import json, sys, textwrap
p = json.loads(sys.stdin.read())
o, r = p["original"], p["rendering"]
print("method {}, confidence {}, fidelity {}".format(p["method"], p["confidence"], p["fidelity"]["status"]))
left = textwrap.wrap(o["text"][:700], 48) or [""]
right = textwrap.wrap(r["text"][:700], 48) or [""]
print("{:<50}| {}".format("original (" + o["language"] + ")", "rendering (" + r["language"] + ")"))
for i in range(max(len(left), len(right))):
    print("{:<50}| {}".format(left[i] if i < len(left) else "", right[i] if i < len(right) else ""))
'
else
    echo "(no pairs in the archive)"
fi
echo
echo "== Tank losses by day (diglot figures --category tank)"
"$diglot" figures --category tank | head -n 8
echo
echo "== Bad input is refused with the file and the problem named; the archive is untouched"
"$diglot" import "${bad[@]}" || true
"$diglot" verify && echo "verify: the archive is sound"
