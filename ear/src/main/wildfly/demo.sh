#!/usr/bin/env bash
# Starts the portal for a demo: the provisioned WildFly on its embedded H2 database (sample
# referentials loaded at first start) and a GreenMail server that receives every email it sends.
#   Portal:  http://localhost:8080/segurnum/
#   Emails:  http://localhost:8025/  (GreenMail's web API; see README.md)
# Ctrl-C stops both.
set -euo pipefail
target=$(cd "$1" && pwd)
home="$target/wildfly"

java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=2525 \
     -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port=3143 \
     -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8025 \
     -Dgreenmail.auth.disabled -jar "$target/module-jars/greenmail-standalone.jar" > "$target/greenmail.log" 2>&1 &
greenmail=$!
trap 'kill $greenmail 2>/dev/null || true' EXIT

cp "$target/segur.ear" "$home/standalone/deployments/segur.ear"
echo "Portail SEGUR Numérique starting: http://localhost:8080/segurnum/  (emails: http://localhost:8025/)"
"$home/bin/standalone.sh" -c standalone.xml -Dsegur.smtp.host=127.0.0.1 -Dsegur.smtp.port=2525 -Dsegur.demo-accounts=true -Dsegur.demo-data=true
