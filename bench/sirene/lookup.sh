#!/usr/bin/env bash
# SIRET lookup latency alone, without the server: loads a generated stock into the referential tables
# by SQL (the mapping of the resync baseline), tops the establishments up to LOOKUP_ROWS (10 million)
# with copies under keys no SIRET can have ('X' + 13 digits), then runs LookupBench.
#   bench/sirene/lookup.sh DIR_WITH_STOCK_ZIPS        (e.g. /tmp/sirene-bench/stock-5000000)
set -euo pipefail
STOCK_DIR=$1
DB=${BENCH_DB:-segur_sirene_lookup}
LOOKUP_ROWS=${LOOKUP_ROWS:-10000000}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt"
PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/42.7.8/postgresql-42.7.8.jar)
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
trap '[ "${KEEP_DB:-0}" = 1 ] || $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT
$PSQL -d "$DB" -f persistence/src/main/resources/db/migration/V1__enrolment_schema.sql
cols() { (unzip -p "$1" | head -1 || true) | tr ',' '\n' | sed 's/.*/"&" text/' | paste -sd,; }
unzip -p "$STOCK_DIR/StockEtablissement_utf8.zip" | $PSQL -d "$DB" -c "CREATE TEMP TABLE stage ($(cols "$STOCK_DIR/StockEtablissement_utf8.zip"))" \
  -c "\\copy stage from stdin with (format csv, header true)" \
  -c "INSERT INTO sirene_establishment SELECT siret, siren, \"etablissementSiege\"::boolean,
        nullif(nullif(\"complementAdresseEtablissement\", ''), '[ND]'), nullif(nullif(\"numeroVoieEtablissement\", ''), '[ND]'),
        nullif(nullif(\"indiceRepetitionEtablissement\", ''), '[ND]'), nullif(nullif(\"typeVoieEtablissement\", ''), '[ND]'),
        nullif(nullif(\"libelleVoieEtablissement\", ''), '[ND]'), nullif(nullif(\"codePostalEtablissement\", ''), '[ND]'),
        nullif(nullif(\"libelleCommuneEtablissement\", ''), '[ND]'), \"etatAdministratifEtablissement\",
        nullif(\"enseigne1Etablissement\", ''), nullif(\"denominationUsuelleEtablissement\", ''),
        nullif(\"dateDernierTraitementEtablissement\", '')::timestamp FROM stage"
unzip -p "$STOCK_DIR/StockUniteLegale_utf8.zip" | $PSQL -d "$DB" -c "CREATE TEMP TABLE stage ($(cols "$STOCK_DIR/StockUniteLegale_utf8.zip"))" \
  -c "\\copy stage from stdin with (format csv, header true)" \
  -c "INSERT INTO sirene_legal_unit SELECT siren, nullif(\"denominationUniteLegale\", ''), \"etatAdministratifUniteLegale\",
        nullif(\"dateDernierTraitementUniteLegale\", '')::timestamp FROM stage"
HAVE=$($PSQL -d "$DB" -c "select count(*) from sirene_establishment")
if [ "$HAVE" -lt "$LOOKUP_ROWS" ]; then
  $PSQL -d "$DB" -c "INSERT INTO sirene_establishment SELECT 'X' || lpad(g::text, 13, '0'), siren, head_office,
      address_complement, street_number, repetition_index, street_type, street_name, postal_code, city, state, sign_name,
      usual_name, last_processed_at FROM generate_series(1, $LOOKUP_ROWS - $HAVE) g
      JOIN (SELECT row_number() OVER () AS n, e.* FROM sirene_establishment e) e ON e.n = 1 + g % $HAVE"
fi
$PSQL -d "$DB" -c "VACUUM ANALYZE sirene_establishment" -c "VACUUM ANALYZE sirene_legal_unit"
java -cp "$PGJAR" bench/sirene/LookupBench.java "jdbc:postgresql://127.0.0.1:5432/$DB" 10000 2000
