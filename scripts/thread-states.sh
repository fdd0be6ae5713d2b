#!/bin/bash
# Runs a command and counts, per thread, how often each scheduler state and wait channel was seen in samples
# every 20 ms (/proc/PID/task/TID/stat and wchan): whether a thread that is not running waits for another
# thread (futex_do_wait) or for the disk (rq_qos_wait, folio_wait_bit) (docs/performance.md, session 11).
#
#   scripts/thread-states.sh .build/release/diglot import --archive /tmp/a.sqlite CORPUS
set -u
"$@" > /dev/null 2>&1 &
pid=$!
declare -A seen
while kill -0 "$pid" 2>/dev/null; do
    for task in /proc/"$pid"/task/*; do
        read -r line < "$task/stat" 2>/dev/null || continue
        rest=${line##*) }
        state=${rest%% *}
        channel=-
        [ "$state" != R ] && read -r channel < "$task/wchan" 2>/dev/null
        key="thread ${task##*/} $state $channel"
        seen[$key]=$(( ${seen[$key]:-0} + 1 ))
    done
    sleep 0.02
done
wait "$pid"
status=$?
for key in "${!seen[@]}"; do echo "$key: ${seen[$key]}"; done | sort
exit $status
