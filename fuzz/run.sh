#!/usr/bin/env bash
# Runs one libFuzzer target for RUNS executions, seeded from Samples/ and fuzz/seeds/.
#
#   fuzz/run.sh TARGET [RUNS] [extra libFuzzer flags...]      (RUNS defaults to 1000000)
#
# FUZZ_MAX_LEN caps an input's size (default 16384 bytes, 4096 for query: large enough for every structure the
# importers read, small enough for hundreds of executions a second; the hostile-input tests cover the large files).
# Builds fuzz/bin/TARGET when missing (fuzz/build.sh). The working corpus grows in fuzz/corpus/TARGET (not
# committed); a crashing, leaking or timing-out input is written to fuzz/crashes/TARGET/, which IS committed:
# ReliabilityTests replays every file there through the real code. Runs at low priority (nice 10) on one core.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="${1:?usage: fuzz/run.sh TARGET [RUNS] [libFuzzer flags...]}"
runs="${2:-1000000}"
shift $(( $# >= 2 ? 2 : 1 ))

# FUZZ_SANITIZERS=fuzzer runs the build without ASan (fuzz/bin/TARGET-fuzzer); the default is fuzzer,address.
sanitizers="${FUZZ_SANITIZERS:-fuzzer,address}"
binary="fuzz/bin/$target"
[[ "$sanitizers" == "fuzzer,address" ]] || binary="fuzz/bin/$target-${sanitizers//,/-}"
[[ -x "$binary" ]] || FUZZ_SANITIZERS="$sanitizers" fuzz/build.sh "$target"

# Seeds: the samples of the importer(s) the target reads, plus hand-written hostile seeds.
seed_dirs=()
case "$target" in
    xml) seed_dirs=(Samples/tmx Samples/wire-report) ;;
    html) seed_dirs=(Samples/article Samples/tweet-embed Samples/wire-report Samples/staff-bulletin) ;;
    decoder|query) seed_dirs=(Samples) ;;
    *) id="$(grep -rhoE 'static (let|var) identifier *(: *String)? *= *"[^"]+"' "Plugins/$target" | head -1 | sed -E 's/.*"([^"]+)"/\1/')"
       seed_dirs=("Samples/$id") ;;
esac
seed_dirs+=("fuzz/seeds/$target" "fuzz/crashes/$target")

# A query longer than SearchQuery.wordLimit (64 words) is refused before it is compiled, so inputs past
# 4 KiB only repeat that refusal; importers get 16 KiB.
default_max_len=16384
[[ "$target" == "query" ]] && default_max_len=4096

corpus="fuzz/corpus/$target"
crashes="fuzz/crashes/$target"
mkdir -p "$corpus" "$crashes"
seeded=0
for dir in "${seed_dirs[@]}"; do
    [[ -d "$dir" ]] || continue
    # Golden outputs are what importers produce, not what they read.
    while IFS= read -r -d '' file; do
        cp -f "$file" "$corpus/seed-$(sha1sum "$file" | cut -c1-16)"
        seeded=$((seeded + 1))
    done < <(find "$dir" -type f -not -name '*.golden.jsonl' -size -64k -print0)
done
echo "fuzz/run.sh: $target, $runs runs, $seeded seed files from ${seed_dirs[*]}" >&2

# malloc_context_size=0: ASan records no stack for each allocation (that bookkeeping was a fifth of the time);
# a finding is still caught and its input saved, and replaying it with the default options gives full stacks.
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:malloc_context_size=0}" \
exec nice -n 10 "$binary" "$corpus" -runs="$runs" -max_len="${FUZZ_MAX_LEN:-$default_max_len}" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "$@"
