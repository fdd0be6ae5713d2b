#!/bin/bash
# One timed `diglot import` of a corpus into a fresh archive, for A/B runs interleaved on one host:
#   scripts/import-ab.sh BINARY TAG CORPUS [WORKDIR]
# prints "TAG wall user system peak-RSS-KB GB=<written to the archive's disk> size=<archive with its WAL, MB>".
# Bytes written come from /proc/diskstats (sectors written on the archive's block device before and after, with
# a sync on each side), so run nothing else heavy beside it. Corpus: `diglot-bench --write-corpus DIR --sizes N`.
set -euo pipefail
bin=$1; tag=$2; corpus=$3; work=${4:-.}
archive="$work/ab.$tag.sqlite"
rm -f "$archive" "$archive-wal" "$archive-shm"
device=$(basename "$(df --output=source "$work" | tail -1)")
sectors() { awk -v d="$device" '$3 == d { print $10 }' /proc/diskstats; }
sync; before=$(sectors)
/usr/bin/time -f "%e %U %S %M" -o "$work/ab.$tag.time" "$bin" import --archive "$archive" "$corpus" > /dev/null 2> "$work/ab.$tag.err"
sync; after=$(sectors)
written=$(awk -v a="$before" -v b="$after" 'BEGIN { printf "%.2f", (b - a) * 512 / 1e9 }')
echo "$tag $(cat "$work/ab.$tag.time") GB=$written size=$(du -cm "$archive" "$archive-wal" 2>/dev/null | tail -1 | cut -f1)MB"
