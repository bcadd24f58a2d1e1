#!/usr/bin/env bash
# Builds the portal's image from what `mvn package` left in ear/target: stages a small build context
# (the provisioned server without its runtime folders, the EAR in deployments/, the entrypoint), then
# runs docker or podman on it.
#   docker/build.sh [tag] [extra build arguments...]   e.g. docker/build.sh segur:1.0 --build-arg BASE=...
# ENGINE=podman|docker picks the engine (default: docker if present, else podman).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tag=${1:-segur:latest}
shift || true
engine=${ENGINE:-$(command -v docker >/dev/null 2>&1 && echo docker || echo podman)}
context="$root/ear/target/docker-context"
server="$root/ear/target/wildfly"
[ -f "$root/ear/target/segur.ear" ] && [ -d "$server" ] || { echo "Run mvn package first" >&2; exit 1; }

rm -rf "$context"
mkdir -p "$context"
# A copy without runtime state: data, logs, tmp and the configuration history (a stale history makes
# WildFly log WFLYCTL0056 at boot).
tar -C "$server" --exclude=./standalone/data --exclude=./standalone/log --exclude=./standalone/tmp \
    --exclude=./standalone/configuration/standalone_xml_history --exclude='./standalone/configuration/*.orig' \
    --exclude=./docs --exclude='./standalone/deployments/*' -cf - . | (mkdir -p "$context/wildfly" && tar -C "$context/wildfly" -xf -)
cp "$root/ear/target/segur.ear" "$context/wildfly/standalone/deployments/segur.ear"
cp "$root/docker/Dockerfile" "$root/docker/entrypoint.sh" "$context/"
exec $engine build ${ENGINE_BUILD_OPTS:-} -t "$tag" "$@" -f "$context/Dockerfile" "$context"
