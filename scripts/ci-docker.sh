#!/usr/bin/env bash
# Makes a Docker engine available for the image tests (test/integration/images.test.ts) and the
# offline image build (scripts/images.sh --offline), on a fresh CI machine or a laptop:
#   - installs Debian's docker.io and debootstrap when missing (apt-get; needs root),
#   - starts dockerd in the background when no engine answers, and waits until it does.
# Idempotent: returns at once when `docker info` already works. Prints nothing on stdout.
#   AIMESH_DOCKERD_LOG   dockerd log (default /var/log/aimesh-dockerd.log)
#   AIMESH_NO_DOCKER=1   do nothing (the image tests then skip with a message)
set -euo pipefail
log() { echo "ci-docker: $*" >&2; }
die() { echo "ci-docker: ERROR: $*" >&2; exit 1; }

[ "${AIMESH_NO_DOCKER:-}" = 1 ] && { log "AIMESH_NO_DOCKER=1: nothing done"; exit 0; }
need_install=()
command -v dockerd >/dev/null 2>&1 || need_install+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || need_install+=(debootstrap)
if docker info >/dev/null 2>&1 && [ "${#need_install[@]}" -eq 0 ]; then
  log "Docker engine answers; debootstrap present"
  exit 0
fi

sudo=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "not root and no sudo: install docker.io and debootstrap by hand"
  sudo=(sudo -n)
fi

if [ "${#need_install[@]}" -gt 0 ]; then
  log "apt-get install ${need_install[*]}"
  start=$SECONDS
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${need_install[@]}" >&2
  log "installed in $((SECONDS - start))s"
fi

if docker info >/dev/null 2>&1; then exit 0; fi

logf=${AIMESH_DOCKERD_LOG:-/var/log/aimesh-dockerd.log}
start_dockerd() {
  log "starting dockerd $* (log: $logf)"
  # setsid + nohup: the engine outlives this script and the shell that ran it.
  "${sudo[@]}" setsid nohup dockerd "$@" >>"$logf" 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    if docker info >/dev/null 2>&1; then return 0; fi
    if ! pgrep -x dockerd >/dev/null 2>&1; then return 1; fi
    sleep 0.5
  done
  return 1
}
if pgrep -x dockerd >/dev/null 2>&1; then
  log "dockerd runs but does not answer yet; waiting"
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && exit 0; sleep 0.5; done
  die "dockerd is running but 'docker info' fails (see $logf)"
fi
if ! start_dockerd; then
  # Nested or unusual kernels may refuse overlayfs: vfs is slow but works everywhere.
  log "dockerd did not come up; retrying with --storage-driver=vfs"
  # Stop the engine this script just started (its own pid file), if it is still around.
  pid=$(cat /var/run/docker.pid 2>/dev/null || true)
  [ -z "$pid" ] || "${sudo[@]}" kill "$pid" 2>/dev/null || true
  sleep 1
  start_dockerd --storage-driver=vfs || { tail -n 20 "$logf" >&2; die "dockerd does not start (see $logf)"; }
fi
log "Docker engine $(docker version -f '{{.Server.Version}}' 2>/dev/null) is up"
