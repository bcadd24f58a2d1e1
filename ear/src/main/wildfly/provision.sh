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

configure() { # $1 = configuration file name, $2 = profile cli
    cp "$cfg/standalone.xml.orig" "$cfg/$1"
    {
        echo "embed-server --std-out=discard --server-config=$1"
        cat "$src/cli/common.cli" "$src/cli/$2" "$src/cli/security.cli" "$src/cli/batch.cli" "$src/cli/hardening.cli"
        echo "stop-embedded-server"
    } > "$target/configure-$1.cli"
    JAVA_OPTS="-Djboss.server.config.dir=$cfg" "$home/bin/jboss-cli.sh" --file="$target/configure-$1.cli" > "$target/configure-$1.log" 2>&1 \
        || { cat "$target/configure-$1.log"; exit 1; }
}
configure standalone-postgres.xml postgres.cli
configure standalone.xml h2.cli
rm -rf "$cfg/standalone_xml_history"

# Tests deploy the EAR through Arquillian; the demo script drops it in deployments/ itself.
rm -f "$home"/standalone/deployments/segur.ear*
echo "WildFly $version provisioned in $home"
