#!/usr/bin/env bash
# Installs what a real test node needs (test/support/node.ts, `make test-node`) from Debian
# packages: containerd, runc, the CNI plugins, iptables and conntrack. Idempotent: returns at once
# when everything is there. Starts nothing (containerd is started by the test harness with its own
# socket, state and root, never as the system service). Prints nothing on stdout.
#   AIMESH_NO_NODE=1   do nothing (the node tests then skip with a message)
set -euo pipefail
log() { echo "ci-node: $*" >&2; }
die() { echo "ci-node: ERROR: $*" >&2; exit 1; }

[ "${AIMESH_NO_NODE:-}" = 1 ] && { log "AIMESH_NO_NODE=1: nothing done"; exit 0; }
need=()
command -v containerd >/dev/null 2>&1 || need+=(containerd)
command -v runc >/dev/null 2>&1 || need+=(runc)
[ -x /usr/lib/cni/bridge ] || need+=(containernetworking-plugins)
command -v iptables >/dev/null 2>&1 || need+=(iptables)
command -v conntrack >/dev/null 2>&1 || need+=(conntrack)
command -v busybox >/dev/null 2>&1 || need+=(busybox-static)
[ "${#need[@]}" -eq 0 ] && { log "containerd, runc, CNI plugins, iptables, conntrack, busybox present"; exit 0; }

[ "$(id -u)" = 0 ] || die "not root: install ${need[*]} by hand (apt-get install)"
log "apt-get install ${need[*]}"
start=$SECONDS
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >&2
log "installed in $((SECONDS - start))s"
