#!/usr/bin/env bash
# The payment file (pain.001.001.09) of batches of N transfers, downloaded from a running portal on
# PostgreSQL: time, file size, the server's heap while it streams, and a check of the file.
#
#   bench/payment/export-bench.sh --base http://127.0.0.1:8280/segurnum --pid <wildfly pid> --db segur_pay 10000 100000
#
# For each N: load-batch.sql writes an exported batch of N lines (its own day), a full GC, then the
# file is downloaded as the demo supervisor while jcmd samples the used heap every 0.2 s; the table
# gives the time, the size, the heap before and its peak during the download, and checks that the file
# holds N transactions whose amounts add up to its control sum. Constant memory shows as a peak that
# does not grow with N.
set -euo pipefail
base=""; pid=""; db="segur_pay"; counts=()
while [ $# -gt 0 ]; do
    case "$1" in
        --base) base="$2"; shift 2 ;;
        --pid) pid="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        *) counts+=("$1"); shift ;;
    esac
done
[ -n "$base" ] && [ -n "$pid" ] && [ ${#counts[@]} -gt 0 ] || { echo "usage: $0 --base URL --pid PID [--db DB] N..." >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

used_kb() {
    jcmd "$pid" GC.heap_info | grep -v -e Metaspace -e 'class space' | grep 'total' \
        | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | awk '{s+=$1} END {print s}'
}

# The demo supervisor's session (form login).
curl -s -c "$work/cookies" -o /dev/null "$base/backoffice/paiements.xhtml"
curl -s -b "$work/cookies" -c "$work/cookies" -o /dev/null --data-urlencode j_username=superviseur@asp-public.fr \
     --data-urlencode 'j_password=Segur-Demo-2026!' "$base/j_security_check"

echo "| transfers | seconds | file (MB) | heap before (MB) | heap peak during (MB) | transactions in file | sum = CtrlSum |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | --- |"
day=2031-01-01
for n in "${counts[@]}"; do
    day=$(date -d "$day + 1 day" +%F)
    id=$(psql -q -At -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -v lines="$n" -v day="$day" \
         -f "$here/load-batch.sql" | tail -1 | cut -d'|' -f1)
    jcmd "$pid" GC.run > /dev/null; sleep 1; jcmd "$pid" GC.run > /dev/null; sleep 1
    before=$(used_kb)
    : > "$work/samples"
    ( while true; do used_kb >> "$work/samples"; sleep 0.2; done ) & sampler=$!
    start=$(date +%s.%N)
    code=$(curl -s -b "$work/cookies" -o "$work/file.xml" -w '%{http_code}' "$base/backoffice/paiements/fichier?lot=$id")
    end=$(date +%s.%N)
    kill $sampler; wait $sampler 2>/dev/null || true
    [ "$code" = 200 ] || { echo "HTTP $code for batch $id" >&2; exit 1; }
    peak=$(sort -n "$work/samples" | tail -1)
    txs=$(grep -o '<CdtTrfTxInf>' "$work/file.xml" | wc -l)
    check=$(python3 - "$work/file.xml" <<'PY'
import sys, re
from decimal import Decimal
x = open(sys.argv[1], encoding='utf-8').read()
ctrl = Decimal(re.search(r'<GrpHdr>.*?<CtrlSum>([0-9.]+)</CtrlSum>', x, re.S).group(1))
total = sum(Decimal(a) for a in re.findall(r'<InstdAmt Ccy="EUR">([0-9.]+)</InstdAmt>', x))
print("yes" if total == ctrl else "NO (%s vs %s)" % (total, ctrl))
PY
)
    size=$(stat -c %s "$work/file.xml")
    awk -v n="$n" -v s="$start" -v e="$end" -v b="$before" -v p="$peak" -v t="$txs" -v c="$check" -v z="$size" \
        'BEGIN { printf "| %d | %.1f | %.1f | %.0f | %.0f | %d | %s |\n", n, e - s, z / 1048576, b / 1024, p / 1024, t, c }'
done
