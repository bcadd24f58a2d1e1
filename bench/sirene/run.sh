#!/usr/bin/env bash
# Portail SEGUR Numérique - SIRENE benchmark: sirene-sync beside PostgreSQL's own COPY, same file,
# same machine, same run. From the repository root, after `mvn -B -o -DskipTests package`:
#
#   bench/sirene/run.sh [ESTABLISHMENTS]        (default 5000000; the SIRET lookup needs >= 10000000)
#
# Environment: BENCH_DIR (/tmp/sirene-bench), BENCH_DB (segur_sirene_bench), BENCH_PORT_OFFSET (250),
# KEEP_DB=1 to keep the database at the end (dropped by default: it is large).
# Steps: 1. INSEE-format ZIPs from the generator, and "next month's" stock (2 % new establishments,
# 5 % moved, 1 % closed); 2. a private copy of the provisioned WildFly on its own database;
# 3. initial load: COPY of the file into a 54-column table keyed by siret (baseline), then the job into
# the empty referential; 4. SIRET lookups; 5. resync: the next stock by hand in SQL (COPY into a staging
# table, one upsert) on a copy of the loaded referential (baseline), then the job on the referential.
# Heap: jstat samples of the server's JVM during each job run. Results: $BENCH_DIR/results.txt.
set -euo pipefail
N=${1:-5000000}
WORK=${BENCH_DIR:-/tmp/sirene-bench}
DB=${BENCH_DB:-segur_sirene_bench}
OFF=${BENCH_PORT_OFFSET:-250}
ROOT=$(pwd)
WILDFLY=$ROOT/ear/target/wildfly
PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/42.7.8/postgresql-42.7.8.jar)
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt"
CLI="$WILDFLY/bin/jboss-cli.sh --connect --controller=127.0.0.1:$((9990 + OFF))"
SUB="/deployment=segur.ear/subdeployment=segur-batch.jar/subsystem=batch-jberet"
mkdir -p "$WORK"
RESULTS=$WORK/results.txt
say() { echo "$*" | tee -a "$RESULTS"; }
now() { date +%s.%N; }
: > "$RESULTS"
say "# $(date -u +%FT%TZ) N=$N on $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB; $(java -version 2>&1 | head -1)"

# 1. Files
if [ ! -f "$WORK/stock-$N/StockEtablissement_utf8.zip" ]; then
  java bench/generator/ReferentialGenerator.java --seed 42 --establishments "$N" --only sirene --zip --zip-level 1 \
       --out "$WORK/stock-$N" > /dev/null
  java bench/generator/ReferentialGenerator.java --seed 42 --establishments $((N + N / 50)) --only sirene --zip \
       --zip-level 1 --out "$WORK/raw-next-$N" > /dev/null
  mkdir -p "$WORK/next-$N"
  java bench/sirene/EvolveStock.java --in "$WORK/raw-next-$N/StockEtablissement_utf8.zip" \
       --out "$WORK/next-$N/StockEtablissement_utf8.zip" | tee -a "$RESULTS"
  mv "$WORK/raw-next-$N/StockUniteLegale_utf8.zip" "$WORK/next-$N/" && rm -rf "$WORK/raw-next-$N"
fi
STOCK=$WORK/stock-$N/StockEtablissement_utf8.zip
NEXT=$WORK/next-$N/StockEtablissement_utf8.zip
say "files: $(du -h "$STOCK" | cut -f1) stock, $(du -h "$NEXT" | cut -f1) next stock (ZIP, deflate level 1)"

# 2. Database and server
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
BASE=$WORK/server
rm -rf "$BASE" && mkdir -p "$BASE/deployments" && cp -a "$WILDFLY/standalone/configuration" "$BASE/"
cp ear/target/segur.ear "$BASE/deployments/"
"$WILDFLY/bin/standalone.sh" -c standalone-postgres.xml -Djboss.server.base.dir="$BASE" \
  -Djboss.socket.binding.port-offset="$OFF" -Dsegur.db.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  -Dsegur.db.user=postgres -Dsegur.db.password=postgres -Dsegur.smtp.port=$((3025 + OFF)) \
  -Dsegur.sample-data=false > "$WORK/server.log" 2>&1 &
trap 'pkill -9 -f "jboss.server.base.dir=$BASE" || true; [ "${KEEP_DB:-0}" = 1 ] || $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$((8080 + OFF))/segurnum/"; do sleep 2; done
WPID=$(pgrep -f "jboss.server.base.dir=$BASE" | while read -r p; do [ "$(ps -o comm= -p "$p")" = java ] && echo "$p"; done | head -1)
say "server: $(ps -o args= -p "$WPID" | grep -o -- '-Xm[sx][^ ]*' | tr '\n' ' ')pid $WPID"

# Runs the job, prints establishments-step rows/s and the heap seen by jstat during the run.
job() { # $1 label, $2 legal units, $3 establishments, $4 mode
  jstat -gc "$WPID" 1000 > "$WORK/jstat-$1.txt" & local JSTAT=$!
  (while true; do top -H -b -n 1 -w 200 | head -25; sleep 3; done) > "$WORK/top-$1.txt" 2>&1 & local TOP=$!
  local id
  id=$($CLI --command="$SUB:start-job(job-xml-name=sirene-sync, properties={legalUnits=\"$2\", establishments=\"$3\", mode=$4})" \
       | grep -o '"result" => [0-9]*' | grep -o '[0-9]*$')
  while [ "$($PSQL -d "$DB" -c "select batchstatus from job_execution where jobexecutionid=$id")" != COMPLETED ]; do
    [ "$($PSQL -d "$DB" -c "select batchstatus from job_execution where jobexecutionid=$id")" = FAILED ] && { say "job $1 FAILED"; exit 1; }
    sleep 2
  done
  kill $JSTAT $TOP
  $PSQL -d "$DB" -F ' ' -c "select stepname, readcount, round(extract(epoch from endtime - starttime)::numeric, 1),
      round(readcount / extract(epoch from endtime - starttime)), exitstatus from step_execution
      where jobexecutionid = $id order by stepexecutionid" | while read -r step rows secs rate exit; do
    say "job $1 step $step: $rows lines in $secs s = $rate lines/s ($exit)"
  done
  awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u; if ($8>o) o=$8} END {printf "heap during %s: max used %.0f MB, max old gen %.0f MB (jstat, 1 s samples)\n", L, m/1024, o/1024}' \
      L="$1" "$WORK/jstat-$1.txt" | tee -a "$RESULTS"
}

COLS=$(unzip -p "$STOCK" | head -1 || true)
TEXTCOLS=$(echo "$COLS" | tr ',' '\n' | sed 's/.*/"&" text/' | paste -sd,)

# 3. Initial load
$PSQL -d "$DB" -c "CREATE TABLE copy_target ($TEXTCOLS, PRIMARY KEY (siret))" -c "CREATE INDEX ON copy_target (siren)"
T0=$(now)
unzip -p "$STOCK" | $PSQL -d "$DB" -c "\\copy copy_target from stdin with (format csv, header true)"
T1=$(now)
ROWS=$($PSQL -d "$DB" -c "select count(*) from copy_target")
say "baseline initial load: COPY (unzip -p | psql \\copy) of $ROWS lines into a 54-column table keyed by siret (+ index on siren): $(echo "$T1 - $T0" | bc) s = $(echo "$ROWS / ($T1 - $T0)" | bc) lines/s"
$PSQL -d "$DB" -c "DROP TABLE copy_target"
job initial "$WORK/stock-$N/StockUniteLegale_utf8.zip" "$STOCK" full

# 5. Resync
$PSQL -d "$DB" -c "CREATE TABLE est_copy AS SELECT * FROM sirene_establishment" -c "ALTER TABLE est_copy ADD PRIMARY KEY (siret)" \
      -c "CREATE INDEX ON est_copy (siren)" -c "VACUUM ANALYZE est_copy" -c "CHECKPOINT"
T0=$(now)
unzip -p "$NEXT" | $PSQL -d "$DB" -c "CREATE TEMP TABLE stage ($TEXTCOLS)" \
  -c "\\copy stage from stdin with (format csv, header true)" \
  -c "INSERT INTO est_copy AS t SELECT siret, siren, \"etablissementSiege\"::boolean,
        nullif(nullif(\"complementAdresseEtablissement\", ''), '[ND]'), nullif(nullif(\"numeroVoieEtablissement\", ''), '[ND]'),
        nullif(nullif(\"indiceRepetitionEtablissement\", ''), '[ND]'), nullif(nullif(\"typeVoieEtablissement\", ''), '[ND]'),
        nullif(nullif(\"libelleVoieEtablissement\", ''), '[ND]'), nullif(nullif(\"codePostalEtablissement\", ''), '[ND]'),
        nullif(nullif(\"libelleCommuneEtablissement\", ''), '[ND]'), \"etatAdministratifEtablissement\",
        nullif(\"enseigne1Etablissement\", ''), nullif(\"denominationUsuelleEtablissement\", ''),
        nullif(\"dateDernierTraitementEtablissement\", '')::timestamp FROM stage
      ON CONFLICT (siret) DO UPDATE SET siren = excluded.siren, head_office = excluded.head_office,
        address_complement = excluded.address_complement, street_number = excluded.street_number,
        repetition_index = excluded.repetition_index, street_type = excluded.street_type,
        street_name = excluded.street_name, postal_code = excluded.postal_code, city = excluded.city,
        state = excluded.state, sign_name = excluded.sign_name, usual_name = excluded.usual_name,
        last_processed_at = excluded.last_processed_at
      WHERE (t.*) IS DISTINCT FROM (excluded.*)"
T1=$(now)
ROWS=$(unzip -p "$NEXT" | tail -n +2 | wc -l)
say "baseline resync: COPY into a staging table + one INSERT ... ON CONFLICT DO UPDATE WHERE differs, $ROWS lines: $(echo "$T1 - $T0" | bc) s = $(echo "$ROWS / ($T1 - $T0)" | bc) lines/s"
$PSQL -d "$DB" -c "DROP TABLE est_copy" -c "CHECKPOINT"
job resync "$WORK/next-$N/StockUniteLegale_utf8.zip" "$NEXT" full
say "referential: $($PSQL -d "$DB" -c "select count(*) || ' establishments, ' || count(*) filter (where state = 'F') || ' closed' from sirene_establishment")"

# 4. SIRET lookups on at least LOOKUP_ROWS establishments (10 million): when the file had fewer, the table
# is topped up in SQL with copies of its rows under keys no SIRET can have ('X' + 13 digits).
LOOKUP_ROWS=${LOOKUP_ROWS:-10000000}
HAVE=$($PSQL -d "$DB" -c "select count(*) from sirene_establishment")
if [ "$HAVE" -lt "$LOOKUP_ROWS" ]; then
  $PSQL -d "$DB" -c "INSERT INTO sirene_establishment SELECT 'X' || lpad(g::text, 13, '0'), siren, head_office,
      address_complement, street_number, repetition_index, street_type, street_name, postal_code, city, state, sign_name,
      usual_name, last_processed_at FROM generate_series(1, $LOOKUP_ROWS - $HAVE) g
      JOIN (SELECT row_number() OVER () AS n, e.* FROM sirene_establishment e) e ON e.n = 1 + g % $HAVE" \
      -c "VACUUM ANALYZE sirene_establishment"
fi
java -cp "$PGJAR" bench/sirene/LookupBench.java "jdbc:postgresql://127.0.0.1:5432/$DB" 10000 2000 | sed 's/^/lookup: /' | tee -a "$RESULTS"
