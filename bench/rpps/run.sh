#!/usr/bin/env bash
# Portail SEGUR Numérique - RPPS benchmark: rpps-sync beside PostgreSQL's own COPY of the same file, same
# machine, same run. From the repository root, after `mvn -B -o -DskipTests package`:
#
#   bench/rpps/run.sh [MEGABYTES]        (default 760, the size of the real ps-libreacces-personne-activite.txt)
#
# Environment: BENCH_DIR (/tmp/rpps-bench), BENCH_DB (segur_test_clientref), BENCH_PORT_OFFSET (150),
# KEEP_DB=1 to keep the database at the end (dropped by default).
# Steps: 1. the file, from bench/rpps/generate-rpps.py (streamed to BENCH_DIR, never to the repository);
# 2. a private copy of the provisioned WildFly on its own database, without sample data;
# 3. baseline: psql \copy of the file into a text table of its 57 columns (no key: the file has one line
#    per activity, several per professional); 4. the job into the empty referential (first load),
#    5. the job again on the loaded referential (every row compared, none changed).
# Heap: jstat samples of the server's JVM during each job run. Results: $BENCH_DIR/results.txt.
set -euo pipefail
MB=${1:-760}
WORK=${BENCH_DIR:-/tmp/rpps-bench}
DB=${BENCH_DB:-segur_test_clientref}
OFF=${BENCH_PORT_OFFSET:-150}
ROOT=$(pwd)
WILDFLY=$ROOT/ear/target/wildfly
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt"
CLI="$WILDFLY/bin/jboss-cli.sh --connect --controller=127.0.0.1:$((9990 + OFF))"
SUB="/deployment=segur.ear/subdeployment=segur-batch.jar/subsystem=batch-jberet"
mkdir -p "$WORK"
RESULTS=$WORK/results.txt
say() { echo "$*" | tee -a "$RESULTS"; }
now() { date +%s.%N; }
: > "$RESULTS"
say "# $(date -u +%FT%TZ) ${MB} MB on $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB; $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. The file
FILE=$WORK/ps-libreacces-personne-activite-$MB.txt
[ -f "$FILE" ] || python3 bench/rpps/generate-rpps.py "$FILE" "$MB" 2>&1 | tee -a "$RESULTS"
LINES=$(($(wc -l < "$FILE") - 1))
say "file: $(du -h "$FILE" | cut -f1), $LINES activity lines"

# 2. Database and server
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
BASE=$WORK/server
rm -rf "$BASE" && mkdir -p "$BASE/deployments" && cp -a "$WILDFLY/standalone/configuration" "$BASE/"
cp ear/target/segur.ear "$BASE/deployments/"
"$WILDFLY/bin/standalone.sh" -c standalone-postgres.xml -Djboss.server.base.dir="$BASE" \
  -Djboss.socket.binding.port-offset="$OFF" -Dsegur.db.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  -Dsegur.db.user=postgres -Dsegur.db.password=postgres -Dsegur.smtp.port=3119 \
  -Dsegur.sample-data=false > "$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
  # the launcher script and its java child, by pid only
  for p in $(pgrep -P "$SERVER" 2>/dev/null) "$SERVER"; do kill -9 "$p" 2>/dev/null || true; done
  [ "${KEEP_DB:-0}" = 1 ] || $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
}
trap cleanup EXIT
until curl -s -o /dev/null "http://127.0.0.1:$((8080 + OFF))/segurnum/"; do sleep 2; done
WPID=$(pgrep -P "$SERVER" java | head -1)
say "server: $(ps -o args= -p "$WPID" | grep -o -- '-Xm[sx][^ ]*' | tr '\n' ' ')pid $WPID"

# Runs the job, prints its step's rate and the heap seen by jstat during the run.
job() { # $1 label
  jstat -gc "$WPID" 1000 > "$WORK/jstat-$1.txt" & local JSTAT=$!
  local id
  id=$($CLI --command="$SUB:start-job(job-xml-name=rpps-sync, properties={source=\"$FILE\"})" \
       | grep -o '"result" => [0-9]*' | grep -o '[0-9]*$')
  while [ "$($PSQL -d "$DB" -c "select batchstatus from job_execution where jobexecutionid=$id")" != COMPLETED ]; do
    [ "$($PSQL -d "$DB" -c "select batchstatus from job_execution where jobexecutionid=$id")" = FAILED ] && { say "job $1 FAILED"; exit 1; }
    sleep 2
  done
  kill $JSTAT
  $PSQL -d "$DB" -F ' ' -c "select readcount, round(extract(epoch from endtime - starttime)::numeric, 1),
      round($LINES / extract(epoch from endtime - starttime)), round(readcount / extract(epoch from endtime - starttime)),
      exitstatus from step_execution where jobexecutionid = $id" | while read -r rows secs rate prate exit; do
    say "job $1: $LINES lines ($rows professionals) in $secs s = $rate lines/s, $prate professionals/s ($exit)"
  done
  awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u; if ($8>o) o=$8; n++} END {printf "heap during %s: max used %.0f MB, max old gen %.0f MB (jstat, %d samples of 1 s)\n", L, m/1024, o/1024, n}' \
      L="$1" "$WORK/jstat-$1.txt" | tee -a "$RESULTS"
}

# 3. Baseline: PostgreSQL's own COPY of the same file
COLS=$(head -1 "$FILE" | tr '|' '\n' | awk '{printf "%s%s text", (NR > 1 ? ", " : ""), "c" NR}')
$PSQL -d "$DB" -c "CREATE TABLE copy_target ($COLS)" -c "CHECKPOINT"
T0=$(now)
$PSQL -d "$DB" -c "\\copy copy_target from '$FILE' with (format csv, delimiter '|', header true, quote E'\\x01')"
T1=$(now)
say "baseline: COPY (psql \\copy, csv, '|') of $LINES lines into a 57-column text table: $(echo "$T1 - $T0" | bc) s = $(echo "$LINES / ($T1 - $T0)" | bc) lines/s"
$PSQL -d "$DB" -c "DROP TABLE copy_target" -c "CHECKPOINT"

# 4. and 5. The job: first load into the empty referential, then the same file again
job first-load
$PSQL -d "$DB" -c "VACUUM ANALYZE rpps_professional" -c "CHECKPOINT"
job second-run
say "rows: $($PSQL -d "$DB" -c "select count(*) from rpps_professional")"
