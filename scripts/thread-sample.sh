#!/bin/bash
# Runs a command and samples each of its threads every 20 ms through /proc/PID/task/TID: the CPU seconds
# (user + system) it used, and how often each scheduler state and wait channel was seen. Which thread of an
# import is the busier one, how much of the wall time neither is busy, and whether a thread that is not running
# waits for another thread (futex_do_wait) or for the disk (rq_qos_wait, folio_wait_bit)
# (docs/performance.md, sessions 10 and 11).
#
#   scripts/thread-sample.sh .build/release/diglot import --archive /tmp/a.sqlite CORPUS
set -u
"$@" > /dev/null 2>&1 &
pid=$!
ticks=$(getconf CLK_TCK)
declare -A cpu seen
start=$(date +%s.%N)
while kill -0 "$pid" 2>/dev/null; do
    for task in /proc/"$pid"/task/*; do
        read -r line < "$task/stat" 2>/dev/null || continue
        tid=${task##*/}
        fields=(${line##*) })          # after the command name: state is field 3 of stat, utime 14, stime 15
        cpu[$tid]=$(( fields[11] + fields[12] ))
        channel=-
        [ "${fields[0]}" != R ] && read -r channel < "$task/wchan" 2>/dev/null
        key="thread $tid ${fields[0]} $channel"
        seen[$key]=$(( ${seen[$key]:-0} + 1 ))
    done
    sleep 0.02
done
wait "$pid"
status=$?
end=$(date +%s.%N)
for tid in "${!cpu[@]}"; do
    awk -v t="$tid" -v c="${cpu[$tid]}" -v hz="$ticks" 'BEGIN { if (c > 0) printf "thread %s: %.2f s CPU\n", t, c / hz }'
done | sort -t: -k2 -rn
awk -v s="$start" -v e="$end" 'BEGIN { printf "wall: %.2f s\n", e - s }'
echo "samples (thread, state, wait channel):"
for key in "${!seen[@]}"; do echo "  $key: ${seen[$key]}"; done | sort
exit $status
