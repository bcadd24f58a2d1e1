#!/usr/bin/env bash
# The whole test suite on a fresh machine (Debian, JDK 17, Maven): installs Chromium and its driver and
# npm if missing, starts the local PostgreSQL if stopped, creates a fresh test database, then runs
# `mvn verify`. Every port of the tests is derived from one offset, so the suite runs beside a demo:
#
#   bin/test.sh                      offset 0: WildFly 8080/9990, GreenMail SMTP 3025, database segur_test
#   TEST_PORT_OFFSET=500 bin/test.sh WildFly 8580/10490, SMTP 3525, database segur_test_500
#   bin/test.sh -Dit.test=DraftJourneysIT   extra arguments go to Maven
#
# TEST_DB overrides the database name; PGHOST/PGPORT/PGUSER the server (127.0.0.1:5432, postgres, trust).
set -euo pipefail
cd "$(dirname "$0")/.."

offset="${TEST_PORT_OFFSET:-0}"
db="${TEST_DB:-segur_test$([ "$offset" = 0 ] || echo "_$offset")}"
pg_host="${PGHOST:-127.0.0.1}"
pg_port="${PGPORT:-5432}"
pg_user="${PGUSER:-postgres}"

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v chromium > /dev/null || missing+=(chromium)
command -v chromedriver > /dev/null || missing+=(chromium-driver)
command -v npm > /dev/null || missing+=(nodejs npm)
command -v psql > /dev/null || missing+=(postgresql postgresql-client)
if [ ${#missing[@]} -gt 0 ]; then
    echo "== Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    as_root apt-get install -y -qq "${missing[@]}" fontconfig fonts-dejavu-core > /dev/null
fi

if ! pg_isready -q -h "$pg_host" -p "$pg_port"; then
    echo "== Starting PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
    for _ in $(seq 1 30); do pg_isready -q -h "$pg_host" -p "$pg_port" && break; sleep 1; done
fi

# A fresh database each run: the tests must not depend on what an earlier run left.
echo "== Test database $db"
psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -c "CREATE DATABASE $db"

echo "== mvn verify (port offset $offset)"
exec mvn -B verify \
    -Dtest.port.offset="$offset" \
    -Dtest.mgmt.port=$((9990 + offset)) \
    -Dtest.smtp.port=$((3025 + offset)) \
    -Dtest.clamd.port=$((3310 + offset)) \
    -Dtest.db.url="jdbc:postgresql://$pg_host:$pg_port/$db" \
    -Dtest.db.user="$pg_user" \
    "$@"
