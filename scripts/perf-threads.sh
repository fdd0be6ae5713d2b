#!/bin/bash
# Profiles a real run with perf (DWARF call graphs, so SQLite's frames, built without frame pointers, still
# lead back to their Swift callers) and prints, for each of the three busiest threads, its share of the samples
# and the share of its samples under each PATTERN (a substring of a symbol: a mangled Swift name, an SQLite or
# libc function).
#   scripts/perf-threads.sh 'PATTERN,PATTERN,...' COMMAND...
#   scripts/perf-threads.sh 'insertPassage,indexNewRows5since,optimizeSearchIndexes,BulletinLinker' \
#       .build/release/diglot import --archive /tmp/a.sqlite C10k
# Why not callgrind for this: under valgrind the threads run one at a time, so an import's writer commits a group
# every few files (296 commits at 5,000 documents against about 50 at 10,000 in a real run) and the per-commit
# costs weigh several times what they weigh in a real run (docs/performance.md, session 18). The samples
# (perf -F 499, about 100 MB for a 10-second import) stay in $PERF_DATA (default /tmp/perf-threads.data).
set -euo pipefail
patterns=$1; shift
data=${PERF_DATA:-/tmp/perf-threads.data}
perf record -q -F 499 --call-graph dwarf,16384 -o "$data" "$@" > /dev/null 2>&1
perf script -i "$data" -F tid,ip,sym,dso 2> /dev/null | python3 -c '
import collections, sys
patterns = sys.argv[1].split(",")
samples, current = [], None
for line in sys.stdin:
    text = line.rstrip("\n")
    if not text.strip():
        if current: samples.append(current)
        current = None
    elif not text.startswith("\t"):    # a sample: its thread id (right-aligned); its frames follow, tab-indented
        current = (text.strip(), [])
    elif current is not None:
        current[1].append(text.strip())
if current: samples.append(current)
threads = collections.defaultdict(list)
for tid, frames in samples: threads[tid].append(frames)
total = len(samples)
for tid, stacks in sorted(threads.items(), key=lambda item: -len(item[1]))[:3]:
    print(f"thread {tid}: {len(stacks)} samples, {100 * len(stacks) / total:.1f} % of all")
    for pattern in patterns:
        under = sum(1 for frames in stacks if any(pattern in frame for frame in frames))
        print(f"  {100 * under / len(stacks):5.1f} %  {pattern}")
' "$patterns"
