#!/usr/bin/env bash
# Turns the unpacked WildFly distribution into the portal's server:
#   target/wildfly with the EclipseLink and PostgreSQL modules, two configurations
#   (standalone.xml: embedded H2 for the demo; standalone-postgres.xml: PostgreSQL)
#   and the EAR in standalone/deployments.
# Idempotent: the configuration files are rebuilt from pristine copies every time.
set -euo pipefail
target=$1
version=$2
src=$(cd "$(dirname "$0")" && pwd)
home="$target/wildfly"

if [ ! -d "$home" ]; then
    mv "$target/dist/wildfly-$version" "$home"
fi
cfg="$home/standalone/configuration"
[ -f "$cfg/standalone.xml.orig" ] || cp "$cfg/standalone.xml" "$cfg/standalone.xml.orig"

# Modules: EclipseLink jars beside WildFly's integration jar, and the PostgreSQL driver.
el="$home/modules/system/layers/base/org/eclipse/persistence/main"
cp "$target"/module-jars/org.eclipse.persistence.*.jar "$target"/module-jars/asm*.jar "$el/"
sed "s/@WILDFLY_VERSION@/$version/" "$src/modules/org/eclipse/persistence/main/module.xml" > "$el/module.xml"
pg="$home/modules/org/postgresql/main"
mkdir -p "$pg"
cp "$target/module-jars/postgresql.jar" "$src/modules/org/postgresql/main/module.xml" "$pg/"
pw="$home/modules/com/prowidesoftware/main"
mkdir -p "$pw"
cp "$target/module-jars/pw-iso20022.jar" "$target/module-jars/pw-swift-core.jar" \
   "$src/modules/com/prowidesoftware/main/module.xml" "$pw/"

configure() { # $1 = configuration file name, then the profile's cli files
    local config=$1
    shift
    cp "$cfg/standalone.xml.orig" "$cfg/$config"
    {
        # community stability: Micrometer's Prometheus registry (observability.cli)
        echo "embed-server --std-out=discard --server-config=$config --stability=community"
        cat "$src/cli/common.cli"
        for profile in "$@"; do cat "$src/cli/$profile"; done
        cat "$src/cli/security.cli" "$src/cli/batch.cli" "$src/cli/observability.cli" "$src/cli/data-key-store.cli" "$src/cli/hardening.cli"
        echo "stop-embedded-server"
    } > "$target/configure-$config.cli"
    JAVA_OPTS="-Djboss.server.config.dir=$cfg" "$home/bin/jboss-cli.sh" --file="$target/configure-$config.cli" > "$target/configure-$config.log" 2>&1 \
        || { cat "$target/configure-$config.log"; exit 1; }
}
rm -f "$cfg/segur-credentials.p12"
configure standalone-postgres.xml postgres.cli
configure standalone.xml credential-store.cli h2.cli
rm -rf "$cfg/standalone_xml_history"

# Operators' scripts beside jboss-cli (docs/OPERATIONS.md).
cp "$src/cli/json-logs.cli" "$home/bin/"

# Every start through bin/standalone.sh: the stability level the configuration needs, and a clear
# refusal to start the PostgreSQL profile without a database password.
grep -q "Portail SEGUR (appended" "$home/bin/standalone.conf" || cat "$src/standalone-conf-segur.sh" >> "$home/bin/standalone.conf"

# Tests deploy the EAR through Arquillian; the demo script drops it in deployments/ itself.
rm -f "$home"/standalone/deployments/segur.ear*
echo "WildFly $version provisioned in $home"
