#!/bin/bash
# Runs a command and prints the CPU seconds (user + system) each of its threads used, read from
# /proc/PID/task/TID/stat every 200 ms (the last reading before the thread ended): which thread of an import
# is the busier one, and how much of the wall time neither is busy (docs/performance.md, session 10).
#
#   scripts/thread-cpu.sh .build/release/diglot import --archive /tmp/a.sqlite CORPUS
set -u
"$@" > /dev/null 2>&1 &
pid=$!
ticks=$(getconf CLK_TCK)
declare -A cpu
start=$(date +%s.%N)
while kill -0 "$pid" 2>/dev/null; do
    for task in /proc/"$pid"/task/*; do
        read -r line < "$task/stat" 2>/dev/null || continue
        fields=(${line##*) })          # after the command name: state is field 3 of stat, utime 14, stime 15
        cpu[${task##*/}]=$(( fields[11] + fields[12] ))
    done
    sleep 0.2
done
wait "$pid"
status=$?
end=$(date +%s.%N)
for tid in "${!cpu[@]}"; do
    awk -v t="$tid" -v c="${cpu[$tid]}" -v hz="$ticks" 'BEGIN { if (c > 0) printf "thread %s: %.2f s CPU\n", t, c / hz }'
done | sort -t: -k2 -rn
awk -v s="$start" -v e="$end" 'BEGIN { printf "wall: %.2f s\n", e - s }'
exit $status
