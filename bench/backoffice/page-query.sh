#!/bin/bash
# The back office list's page query in PostgreSQL, before (OFFSET) and after (the second half read from the
# end), and the deferred join (the page's ids alone, then the rows by id, as RequestQueries does since the
# second follow-up): median EXPLAIN ANALYZE execution time. docs/PERFORMANCE.md, "Follow-up" and "Second
# follow-up". Usage: DB=segur_bo N=11 bench/backoffice/page-query.sh
DB=${DB:-segur_bo}; N=${N:-15}
q() { psql -h 127.0.0.1 -U postgres -d $DB -Atc "EXPLAIN (ANALYZE, FORMAT JSON) $1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])'; }
med() { local label="$1" sql="$2"; local xs=(); for i in $(seq 1 $N); do xs+=($(q "$sql")); done
  printf '%s\n' "${xs[@]}" | sort -g | awk -v l="$label" '{a[NR]=$1} END {printf "%-60s median %8.1f ms  min %8.1f  max %8.1f  (n=%d)\n", l, a[int((NR+1)/2)], a[1], a[NR], NR}'; }
COLS="id, request_number, submitted_at, siret, denomination, software_name, status, dsr_label, assigned_agent"
TOTAL=$(psql -h 127.0.0.1 -U postgres -d $DB -Atc "select count(*) from enrolment_request")
LASTOFF=$(( (TOTAL-1)/25*25 ))
MID=$(( (TOTAL/2 + 24)/25*25 - 25 ))
echo "total $TOTAL, last page offset $LASTOFF, middle page offset $MID"
med "last page, OFFSET (before)" "select $COLS from enrolment_request order by submitted_at desc, id desc limit 25 offset $LASTOFF"
med "last page, from the end (after)" "select $COLS from enrolment_request order by submitted_at asc, id asc limit $((TOTAL-LASTOFF)) offset 0"
med "middle page, OFFSET (same before and after)" "select $COLS from enrolment_request order by submitted_at desc, id desc limit 25 offset $MID"
med "middle page, ids only (deferred join, 1st query)" "select id from enrolment_request order by submitted_at desc, id desc limit 25 offset $MID"
med "middle page, deferred join (both queries in one)" "select $COLS from enrolment_request where id in (select id from enrolment_request order by submitted_at desc, id desc limit 25 offset $MID)"
med "page 2000, OFFSET (same before and after)" "select $COLS from enrolment_request order by submitted_at desc, id desc limit 25 offset 49975"
med "page 2000, deferred join" "select $COLS from enrolment_request where id in (select id from enrolment_request order by submitted_at desc, id desc limit 25 offset 49975)"
med "page 1 (baseline)" "select $COLS from enrolment_request order by submitted_at desc, id desc limit 25 offset 0"
med "page 1, deferred join" "select $COLS from enrolment_request where id in (select id from enrolment_request order by submitted_at desc, id desc limit 25 offset 0)"
med "Societe contains SANTE: count (the pager's total)" "select count(id) from enrolment_request where upper(denomination) like '%SANTE%'"
med "Societe contains SANTE: page 1 ids" "select id from enrolment_request where upper(denomination) like '%SANTE%' order by submitted_at desc, id desc limit 25"
