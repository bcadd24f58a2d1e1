#!/bin/sh
# Starts the portal in the container: every setting comes from the environment (SEGUR_*, read by
# MicroProfile Config and by the server's expressions), JSON logs when SEGUR_LOG_FORMAT=json.
set -eu
home=/opt/segur/wildfly
config=${SEGUR_SERVER_CONFIG:-standalone-postgres.xml}

if [ "${SEGUR_LOG_FORMAT:-}" = "json" ] && [ ! -f "$home/standalone/configuration/.json-logs-$config" ]; then
    "$home/bin/jboss-cli.sh" --commands="embed-server --std-out=discard --server-config=$config --stability=community,run-batch --file=$home/bin/json-logs.cli,stop-embedded-server" >/dev/null
    touch "$home/standalone/configuration/.json-logs-$config"
fi

exec "$home/bin/standalone.sh" -c "$config" -b 0.0.0.0 -bmanagement 0.0.0.0 \
    -Djboss.socket.binding.port-offset="${JBOSS_PORT_OFFSET:-0}" \
    -Djboss.node.name="${JBOSS_NODE_NAME:-$(hostname)}" \
    ${JAVA_OPTS_APPEND:-} "$@"
