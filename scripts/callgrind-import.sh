#!/bin/bash
# Counts the instructions of one `diglot import` of a corpus with callgrind, warm, and digests the archive it built:
#   scripts/callgrind-import.sh BINARY CORPUS WORKDIR TAG [REFERENCE_DIGEST]
# prints "TAG <instructions> reading <the reading's instructions> digest same|DIFFERENT|written" and leaves
# WORKDIR/cg.TAG.out for callgrind_annotate.
#
# Why a warm-up under callgrind: DerivedKeyCache names its files by the executable's stamp (size and time of
# /proc/self/exe), and under valgrind that is the tool's own binary (callgrind's, not the program's, and not
# `--tool=none`'s); it keeps four stamps a table, so after a few test builds the next callgrind run derives the
# names table's and the glossary's keys again (+85-100 M at 500 documents, docs/performance.md, sessions 16-17).
# A callgrind import of one file of the corpus warms it. A run is still reported cold (and should be taken again)
# when its profile shows the names table being derived: something (a test run beside it) evicted the stamp
# between the two runs. Corpus: `diglot-bench --write-corpus DIR --sizes N`. Sources keep their file
# names as given, so compare digests of runs given the corpus by the same path (run from the same folder).
set -euo pipefail
bin=$1; corpus=$2; work=$3; tag=$4; reference=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$work/warm.$tag.sqlite"*
first=$(find "$corpus" -type f -print -quit)  # any one file: it only has to load the analysis
valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" import --archive "$work/warm.$tag.sqlite" "$first" \
    > /dev/null 2>&1 || true
rm -f "$work/cg.$tag.sqlite"* "$work/warm.$tag.sqlite"*
valgrind --tool=callgrind --callgrind-out-file="$work/cg.$tag.out" "$bin" import --archive "$work/cg.$tag.sqlite" "$corpus" \
    > "$work/cg.$tag.log" 2>&1 || true
instructions=$(grep -o 'Collected : [0-9]*' "$work/cg.$tag.log" | grep -o '[0-9]*$')
"$here/archive-digest.sh" "$work/cg.$tag.sqlite" > "$work/digest.$tag.txt"
if [ -z "$reference" ]; then verdict=written
elif diff -q "$reference" "$work/digest.$tag.txt" > /dev/null; then verdict=same
else verdict=DIFFERENT; fi
cold=""
# grep -c reads the whole listing: with -q it would stop early and, under pipefail, fail the test.
if callgrind_annotate --inclusive=yes "$work/cg.$tag.out" 2>/dev/null | grep -c 'NamesTableV7bundled' > /dev/null; then
    cold=" (COLD: the names table was derived; take it again)"
fi
# The reading (ImportPipeline.prepare, inclusive: detection, the importers, the index tokens' analysis, the
# batch check) does not depend on how the writer's groups fall, which shifts the total by a few percent from one
# run to the next under valgrind's one-thread-at-a-time scheduling (18,052 M against 18,522 M for one build,
# session 29): compare reading figures for changes to the reading.
# (awk reads the whole listing: grep -m1 would stop early and, under pipefail, end the script.)
reading=$(callgrind_annotate --inclusive=yes "$work/cg.$tag.out" 2>/dev/null \
    | awk '/ImportPipelineV7prepare_8fileName/ && !found { gsub(",", "", $1); print $1; found = 1 }')
echo "$tag $instructions reading ${reading:-?} digest $verdict$cold"
