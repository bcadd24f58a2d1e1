#!/usr/bin/env bash
# The container test's podman side (ContainerImageIT calls it; usable by hand):
#   podman-test.sh build <tag>             base image from debootstrap (cached), then docker/build.sh
#   podman-test.sh start <tag> <name> ENV=VALUE...   runs the image on the host network, detached
#   podman-test.sh stop <name>             stops and removes it (console log left in ear/target)
#   podman-test.sh health <name>           runs the image's HEALTHCHECK once (exit 0: healthy)
#   podman-test.sh size <tag>              image size in bytes
# Podman on these machines: runc with the cgroupfs manager and no default ulimits
# (shared/reference/containers.md); no registry, so the base is made from Debian's packages.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
conf="$root/ear/target/containers.conf"
mkdir -p "$root/ear/target"
printf '[containers]\ndefault_ulimits = []\n[engine]\ncgroup_manager = "cgroupfs"\n' > "$conf"
export CONTAINERS_CONF="$conf"
podman() { command podman --runtime /usr/sbin/runc "$@"; }
base=localhost/segur-base:bookworm
# The debootstrap tarball outlives `mvn clean`, so reruns skip its ~2 minutes.
cache=${SEGUR_BASE_CACHE:-/var/tmp/segur-debian-bookworm-minbase.tar}

case "$1" in
build)
    tag=$2
    if ! podman image exists "$base"; then
        if [ ! -s "$cache" ]; then
            rootfs=$(mktemp -d /var/tmp/segur-rootfs.XXXXXX)
            debootstrap --variant=minbase bookworm "$rootfs" >/dev/null
            tar -C "$rootfs" -cf "$cache.part" . && mv "$cache.part" "$cache"
            rm -rf "$rootfs"
        fi
        podman import "$cache" "$base" >/dev/null
    fi
    ENGINE=podman ENGINE_BUILD_OPTS="--runtime /usr/sbin/runc --network host --format docker" \
        "$root/docker/build.sh" "$tag" --build-arg BASE="$base" > "$root/ear/target/podman-build.log" 2>&1 \
        || { tail -40 "$root/ear/target/podman-build.log"; exit 1; }
    ;;
start)
    tag=$2; name=$3; shift 3
    envs=()
    for e in "$@"; do envs+=(-e "$e"); done
    podman rm -f "$name" >/dev/null 2>&1 || true
    podman run -d --network host --name "$name" "${envs[@]}" "$tag" >/dev/null
    ;;
stop)
    name=$2
    podman logs "$name" > "$root/ear/target/$name-console.log" 2>&1 || true
    podman rm -f "$name" >/dev/null 2>&1 || true
    ;;
health)
    # the image's own HEALTHCHECK, run once now (OCI images drop it: hence --format docker above)
    podman healthcheck run "$2"
    ;;
size)
    podman image inspect --format '{{.Size}}' "$2"
    ;;
*)
    echo "usage: $0 build|start|stop|health|size ..." >&2; exit 2 ;;
esac
