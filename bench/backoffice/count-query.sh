#!/usr/bin/env bash
# Usage: DB=segur_bo bench/backoffice/count-query.sh [FRAGMENT]   (database loaded by load-requests.sql, then VACUUM ANALYZE)
# Pager count of a "Société contient" search on 1M requests: exact count against the capped count
# (at most 10,001 ids), alternated, 7 runs each; prints each statement's median in ms.
DB=${DB:-segur_bo}; FRAG=${1:-SANTE}
for i in $(seq 1 7); do
  psql -h 127.0.0.1 -U postgres -d "$DB" -At -c '\timing on' -c "select count(*) from enrolment_request where upper(denomination) like '%$FRAG%'" | grep Time | awk '{print "exact", $2}'
  psql -h 127.0.0.1 -U postgres -d "$DB" -At -c '\timing on' -c "select count(*) from (select id from enrolment_request where upper(denomination) like '%$FRAG%' limit 10001) t" | grep Time | awk '{print "capped", $2}'
done | sort -k1,1 -k2,2n | awk '{a[$1]=a[$1]" "$2; n[$1]++} END {for (k in a) {split(a[k],v," "); print k, "median", v[int((n[k]+1)/2)], "ms; all:", a[k]}}'
