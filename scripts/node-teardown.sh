#!/usr/bin/env bash
# Removes every trace of a test node (test/support/node.ts) from the machine; idempotent, and run
# before a node starts (leftovers of a killed run), at its stop and by its watchdog when the test
# process dies. Only what the node made is touched, found by its own names:
#   processes   the pids in $RUN/pids (kubelet, kube-proxy, kube-scheduler, coredns, containerd),
#               the containerd shims serving $RUN/containerd.sock, every process in its cgroups
#   mounts      everything mounted under $ROOT and $RUN (the pods' network namespaces too:
#               containerd keeps them under its state dir)
#   iptables    kube-proxy --cleanup, then any KUBE-* / CNI-* / AIMESH-NODE-* chain and the rules
#               jumping to them
#   network     the bridge $BRIDGE (the pods' veths go with their namespaces), conntrack entries
#   cgroups     /sys/fs/cgroup/<controller>/$CGROUP (the kubelet's cgroupRoot) and below
#   sysctls     restored from $RUN/sysctls (saved by the harness before it changed any)
#   files       $ROOT, $RUN, the CNI result cache entries of network $CNI_NETWORK and of the
#               pods' loopback, the shims' sockets in /run/containerd/s
# Environment (defaults match test/support/node.ts): AIMESH_NODE_ROOT, AIMESH_NODE_RUN,
# AIMESH_NODE_BRIDGE, AIMESH_NODE_CGROUP, AIMESH_NODE_CNI_NETWORK, AIMESH_NODE_POD_CIDR,
# AIMESH_NODE_KUBE_PROXY (the kube-proxy binary, for --cleanup).
set -uo pipefail
ROOT=${AIMESH_NODE_ROOT:-/var/lib/aimesh-node}
RUN=${AIMESH_NODE_RUN:-/run/aimesh-node}
BRIDGE=${AIMESH_NODE_BRIDGE:-aimesh0}
CGROUP=${AIMESH_NODE_CGROUP:-aimesh-node}
CNI_NETWORK=${AIMESH_NODE_CNI_NETWORK:-aimesh-node}
POD_CIDR=${AIMESH_NODE_POD_CIDR:-10.88.0.0/24}
log() { echo "node-teardown: $*" >&2; }
[ "$(id -u)" = 0 ] || { log "not root: nothing to tear down"; exit 0; }
case "$ROOT$RUN" in *' '* | '') log "refusing odd paths '$ROOT' '$RUN'"; exit 1 ;; esac

# --- processes ---------------------------------------------------------------------------------
# Before anything dies: the shims' sockets (containerd keeps them in a shared dir) and the pod
# sandboxes' ids (their CNI loopback results sit in a shared cache), to remove afterwards.
sockets=()
for f in "$RUN"/containerd/io.containerd.runtime.v2.task/*/*/address; do
  [ -f "$f" ] && sockets+=("$(sed -n 's#^unix://##p' "$f")")
done
sandboxes=()
for d in "$ROOT"/containerd/io.containerd.grpc.v1.cri/sandboxes/*/ "$RUN"/containerd/io.containerd.runtime.v2.task/*/*/; do
  [ -d "$d" ] && sandboxes+=("$(basename "$d")")
done
pids=()
if [ -d "$RUN/pids" ]; then
  for f in "$RUN"/pids/*; do [ -f "$f" ] && pids+=("$(cat "$f")"); done
fi
# Shims: started by containerd, re-parented to init; they name our socket on their command line.
for p in /proc/[0-9]*; do
  cmd=$({ tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null) || continue
  case "$cmd" in *containerd-shim*"-address $RUN/containerd.sock"*) pids+=("${p#/proc/}") ;; esac
done
for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
# Containers: every process left in the node's cgroups.
for _ in 1 2 3; do
  left=0
  for procs in $(find /sys/fs/cgroup/*/"$CGROUP" -name cgroup.procs 2>/dev/null); do
    while read -r pid; do [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null && left=1; done <"$procs"
  done
  [ "$left" = 0 ] && break
  sleep 0.5
done

# --- mounts (deepest first) --------------------------------------------------------------------
umount_under() {
  awk -v a="$1/" '{ p = $5; gsub(/\\040/, " ", p); if (index(p "/", a) == 1) print p }' /proc/self/mountinfo |
    sort -r | while read -r m; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || log "cannot unmount $m"; done
}
umount_under "$ROOT"
umount_under "$RUN"

# --- iptables ------------------------------------------------------------------------------------
if [ -n "${AIMESH_NODE_KUBE_PROXY:-}" ] && [ -x "${AIMESH_NODE_KUBE_PROXY}" ]; then
  "$AIMESH_NODE_KUBE_PROXY" --cleanup >/dev/null 2>&1 || true
fi
for ipt in iptables ip6tables; do
  command -v "$ipt" >/dev/null 2>&1 || continue
  for table in filter nat mangle raw; do
    rules=$("$ipt-save" -t "$table" 2>/dev/null) || continue
    # Rules in other chains that jump to ours first (a chain in use cannot be deleted).
    echo "$rules" | grep -E '^-A ' | grep -E -- '-j (KUBE-|CNI-|AIMESH-NODE-)' | grep -Ev '^-A (KUBE-|CNI-|AIMESH-NODE-)' |
      while read -r rule; do eval "$ipt -t $table -D ${rule#-A }" 2>/dev/null || true; done
    for chain in $(echo "$rules" | sed -n 's/^:\(\(KUBE\|CNI\|AIMESH-NODE\)-[^ ]*\) .*/\1/p'); do
      "$ipt" -t "$table" -F "$chain" 2>/dev/null || true
    done
    for chain in $(echo "$rules" | sed -n 's/^:\(\(KUBE\|CNI\|AIMESH-NODE\)-[^ ]*\) .*/\1/p'); do
      "$ipt" -t "$table" -X "$chain" 2>/dev/null || log "$ipt -t $table: cannot delete chain $chain"
    done
  done
done

# --- network -------------------------------------------------------------------------------------
ip link del "$BRIDGE" 2>/dev/null || true
if command -v conntrack >/dev/null 2>&1; then
  conntrack -D -s "$POD_CIDR" >/dev/null 2>&1 || true
  conntrack -D -d "$POD_CIDR" >/dev/null 2>&1 || true
fi

# --- cgroups (children first) ----------------------------------------------------------------------
for d in /sys/fs/cgroup/*/"$CGROUP"; do
  [ -d "$d" ] || continue
  find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null
  [ -d "$d" ] && log "cgroup $d is still busy"
done

# --- sysctls -------------------------------------------------------------------------------------
if [ -f "$RUN/sysctls" ]; then
  while read -r key value; do
    [ -n "$key" ] && echo "$value" >"/proc/sys/$key" 2>/dev/null || log "cannot restore $key=$value"
  done <"$RUN/sysctls"
fi

# --- files ---------------------------------------------------------------------------------------
if awk -v r="$ROOT/" -v s="$RUN/" 'index($5 "/", r) == 1 || index($5 "/", s) == 1 { f = 1 } END { exit !f }' /proc/self/mountinfo; then
  log "mounts remain under $ROOT or $RUN: not removing them"
  exit 1
fi
rm -rf "$ROOT" "$RUN"
rm -f /var/lib/cni/results/"$CNI_NETWORK"-* 2>/dev/null
for id in "${sandboxes[@]}"; do rm -f "/var/lib/cni/results/cni-loopback-$id-lo"; done
for sock in "${sockets[@]}"; do case "$sock" in /run/containerd/s/*) rm -f "$sock" ;; esac; done
rmdir /run/containerd/s /run/containerd 2>/dev/null
rm -rf /var/lib/cni/networks/"$CNI_NETWORK" 2>/dev/null
rmdir /var/lib/cni/results /var/lib/cni/networks /var/lib/cni 2>/dev/null
exit 0
