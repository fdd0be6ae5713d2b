#!/bin/bash
# CPU seconds of each thread of one `diglot import`, sampled once a second from /proc until the process ends
# (a thread's last sample stands for it, so a thread that ends early still counts), and the run's wall time:
#   scripts/thread-cpu.sh BINARY ARCHIVE CORPUS
# prints "wall S" then "tid name user+system-seconds" per thread, busiest first.
set -euo pipefail
bin=$1; archive=$2; corpus=$3
rm -f "$archive" "$archive-wal" "$archive-shm"
ticks=$(getconf CLK_TCK)
declare -A last names
start=$(date +%s.%N)
"$bin" import --archive "$archive" "$corpus" > /dev/null 2>&1 &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
    for stat in /proc/"$pid"/task/*/stat; do
        read -r line < "$stat" 2>/dev/null || continue
        tid=${line%% *}
        name=${line#*(}; name=${name%%)*}
        rest=${line##*) }
        set -- $rest
        last[$tid]=$(( ${12} + ${13} ))
        names[$tid]=$name
    done
    sleep 1
done
wait "$pid" || true
end=$(date +%s.%N)
echo "wall $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')"
for tid in "${!last[@]}"; do
    echo "$tid ${names[$tid]} $(awk -v t="${last[$tid]}" -v h="$ticks" 'BEGIN { printf "%.1f", t / h }')"
done | sort -k3 -rn
