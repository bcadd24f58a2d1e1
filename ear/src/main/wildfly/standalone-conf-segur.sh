
# ---- Portail SEGUR (appended by the build's provision.sh) ----
# Micrometer's Prometheus registry is a community-stability feature (cli/observability.cli).
JAVA_OPTS="$JAVA_OPTS -Djboss.stability=community"
# The PostgreSQL profile has no default database password: without one, WildFly would only skip the
# datasource and log missing services. Say it plainly and stop instead.
case "$SERVER_OPTS" in
    *standalone-postgres.xml*)
        segur_cfg=$(echo "$SERVER_OPTS" | sed -n 's/.*-Djboss.server.config.dir=\([^" ]*\).*/\1/p')
        segur_base=$(echo "$SERVER_OPTS" | sed -n 's/.*-Djboss.server.base.dir=\([^" ]*\).*/\1/p')
        segur_cfg=${segur_cfg:-${segur_base:-$JBOSS_HOME/standalone}/configuration}
        if [ -z "${SEGUR_DB_PASSWORD:-}" ] \
            && ! echo "$SERVER_OPTS $JAVA_OPTS" | grep -q -- "-Dsegur.db.password=" \
            && grep -q 'clear-text="${segur.db.password}"' "$segur_cfg/standalone-postgres.xml" 2>/dev/null; then
            echo "Portail SEGUR: no database password. Set SEGUR_DB_PASSWORD (or -Dsegur.db.password=), or keep it in the credential store (docs/OPERATIONS.md, \"Secrets\")." >&2
            exit 1
        fi
        ;;
esac
