#!/usr/bin/env bash
# Heap retained per open enrolment wizard session.
#
# Usage (from the repository root, against a running portal):
#
#   bench/heap-per-session.sh --base http://127.0.0.1:8280/segurnum --pid <wildfly java pid> \
#       [--hold identity] [--threads 10] [--cli "/tmp/bench-wildfly/bin/jboss-cli.sh --controller=127.0.0.1:10190"] \
#       200 1000
#
# For each N given (cumulative: 200 then 1000 means 200 sessions, then 800 more), it
#   1. runs a full GC in the server (jcmd <pid> GC.run, twice) and reads the used heap (jcmd GC.heap_info);
#   2. creates N new wizard sessions with real wizard requests: bench/EnrolmentLoad.java --hold STEP plays
#      each supplier up to STEP (default "identity": software found, certificate uploaded, step 2 filled,
#      company found, identity document uploaded) and leaves the session open on the server;
#   3. full GC again and reads the used heap: (after - before) / N is the heap per session.
# With --cli it also reads Undertow's active-sessions count of the web module before and after.
#
# Use a freshly started server (or one idle for 30 minutes): sessions left by an earlier load run would
# expire during the measurement (session-timeout is 30 min) and hide part of the growth.
set -euo pipefail

base=""; pid=""; hold="identity"; threads=10; cli=""
counts=()
while [ $# -gt 0 ]; do
    case "$1" in
        --base) base="$2"; shift 2 ;;
        --pid) pid="$2"; shift 2 ;;
        --hold) hold="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --cli) cli="$2"; shift 2 ;;
        *) counts+=("$1"); shift ;;
    esac
done
[ -n "$base" ] && [ -n "$pid" ] && [ ${#counts[@]} -gt 0 ] || {
    echo "usage: $0 --base URL --pid PID [--hold STEP] [--threads N] [--cli 'jboss-cli.sh --controller=...'] N..." >&2
    exit 2
}
here="$(cd "$(dirname "$0")" && pwd)"

used_kb() {
    # Sum of the "used" of every heap space (G1: one line; Parallel/Serial: young + old), metaspace excluded.
    jcmd "$pid" GC.heap_info | grep -v -e Metaspace -e 'class space' | grep 'total' \
        | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | awk '{s+=$1} END {print s}'
}

full_gc() {
    jcmd "$pid" GC.run > /dev/null
    sleep 1
    jcmd "$pid" GC.run > /dev/null
    sleep 1
}

active_sessions() {
    if [ -z "$cli" ]; then echo "n/a"; return; fi
    $cli --connect --commands='/deployment=segur.ear/subdeployment=segur-web.war/subsystem=undertow:read-attribute(name=active-sessions)' 2>/dev/null \
        | sed -n 's/.*"result" => \([0-9]*\).*/\1/p'
}

echo "| sessions created | active sessions before → after | heap used before (KB) | heap used after (KB) | delta (KB) | KB per session |"
echo "| ---: | --- | ---: | ---: | ---: | ---: |"
for n in "${counts[@]}"; do
    full_gc
    before=$(used_kb)
    sessions_before=$(active_sessions)
    out=$(java "$here/EnrolmentLoad.java" --base "$base" --hold "$hold" --sessions "$n" --users "$threads" \
        --duration 600 --timeout 60)
    held=$(printf '%s\n' "$out" | sed -n 's/^HELD \([0-9]*\) .*/\1/p')
    if [ "${held:-0}" -eq 0 ]; then
        printf '%s\n' "$out" >&2
        echo "no session reached step '$hold'" >&2
        exit 1
    fi
    full_gc
    after=$(used_kb)
    sessions_after=$(active_sessions)
    delta=$((after - before))
    per=$(awk -v d="$delta" -v n="$held" 'BEGIN {printf "%.1f", d / n}')
    echo "| $held | $sessions_before → $sessions_after | $before | $after | $delta | $per |"
    printf '%s\n' "$out" | grep -E '^  error' >&2 || true
done
