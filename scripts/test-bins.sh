#!/usr/bin/env bash
# Builds the real Kubernetes parts the integration tests run, offline, from the Go module proxy:
#   etcd, kube-apiserver, kube-controller-manager, kubectl   (test/bins/kubernetes)
#   helm (v3)                                                (test/bins/helm)
#   jaeger (v2 all-in-one, memory storage by default)        (test/bins/jaeger)
# and, with --node, the parts of a real node (test/support/node.ts) into a cache dir of their own
# (node-k8s-...: adding them leaves the control-plane dir and its key unchanged):
#   kubelet, kube-proxy, kube-scheduler                      (test/bins/node, same k8s version)
#   coredns (trimmed to the plugins a cluster DNS needs)     (test/bins/coredns)
# into a cache dir keyed by the versions and the wrapper modules' go.mod/go.sum, and prints that
# dir on stdout (all logs go to stderr), so callers can:
#   export KUBEBUILDER_ASSETS=$(scripts/test-bins.sh)
# A second run finds the cache and returns at once. When KUBEBUILDER_ASSETS is already set, its
# binaries are used as they are and nothing is built.
#
# Options / environment:
#   --node                 (first) the node binaries instead; AIMESH_NODE_BINS plays the part of
#                          KUBEBUILDER_ASSETS for them
#   --print-dir            print the cache dir (whether built or not) and exit
#   --check                exit 0 when every binary is present, 1 otherwise (no build)
#   --toolchain            print the go binary the build uses (fetching Go if needed) and exit
#   --prune                after a build (or cache hit), delete other versions' dirs and the Go
#                          module/build caches under the cache root (~8 GB) keeping only binaries
#   AIMESH_TEST_BINS_DIR   cache root (default ${XDG_CACHE_HOME:-$HOME/.cache}/aimesh/test-bins)
#   GOMODCACHE / GOCACHE   honoured when set in the environment; otherwise <cache root>/go/{mod,build}
#   TEST_BINS_NICE         niceness of the builds (default 10)
#   TEST_BINS_GO_VERSION   Go fetched from the module proxy (golang.org/toolchain, checksum-verified
#                          against the sumdb) when the local go is missing or older than the
#                          wrappers' 'go' line (default 1.26.8)
#
# Versions come from the wrapper modules (single source of truth): bump k8s.io/kubernetes and the
# v0.x staging replaces in test/bins/kubernetes/go.mod (then `go mod tidy` there), helm in
# test/bins/helm/go.mod, jaeger (and its "// jaeger-version:" line) in test/bins/jaeger/go.mod.
# Jaeger's go.mod tidy needs GONOSUMDB=go.opentelemetry.io/collector,github.com/open-telemetry/
# opentelemetry-collector-contrib when the sumdb mirror lacks those entries; builds only use the
# committed go.sum.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bins="$root/test/bins"
all=(etcd kube-apiserver kube-controller-manager kubectl helm jaeger)

log() { echo "test-bins: $*" >&2; }
die() { echo "test-bins: ERROR: $*" >&2; exit 1; }

mode=build
set_=control-plane
if [ "${1:-}" = --node ]; then
  set_=node
  shift
  all=(kubelet kube-proxy kube-scheduler coredns)
fi
case "${1:-}" in
  --print-dir) mode=print ;;
  --check) mode=check ;;
  --prune) mode=prune ;;
  --toolchain) mode=toolchain ;;
  "") ;;
  -h | --help) sed -n '2,/^set -euo/{/^#/p}' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
  *) die "unknown argument '$1' (try --help)" ;;
esac

# --- KUBEBUILDER_ASSETS (AIMESH_NODE_BINS with --node) set: use it, build nothing -------------
assets_var=KUBEBUILDER_ASSETS
[ "$set_" = node ] && assets_var=AIMESH_NODE_BINS
assets=${!assets_var:-}
if [ -n "$assets" ]; then
  missing=()
  for b in "${all[@]}"; do [ -x "$assets/$b" ] || missing+=("$b"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "$assets_var=$assets lacks: ${missing[*]} (tests needing them will fail)"
    [ "$mode" = check ] && exit 1
  fi
  log "using $assets_var=$assets (nothing built)"
  echo "$assets"
  exit 0
fi

# --- versions and cache key ------------------------------------------------------------------
modver() { # <go.mod> <module path> -> version required
  awk -v m="$2" '$1 == "require" && $2 == m { print $3 } $1 == m && $2 ~ /^v/ { print $2 }' "$1" | head -1
}
k8s_version=$(modver "$bins/kubernetes/go.mod" k8s.io/kubernetes)
etcd_version=$(modver "$bins/kubernetes/go.mod" go.etcd.io/etcd/server/v3)
helm_version=$(modver "$bins/helm/go.mod" helm.sh/helm/v3)
jaeger_module_version=$(modver "$bins/jaeger/go.mod" github.com/jaegertracing/jaeger)
jaeger_version=$(sed -n 's|^// jaeger-version: *||p' "$bins/jaeger/go.mod")
helm_client_go=$(modver "$bins/helm/go.mod" k8s.io/client-go)
node_k8s_version=$(modver "$bins/node/go.mod" k8s.io/kubernetes)
coredns_version=$(modver "$bins/coredns/go.mod" github.com/coredns/coredns)
for v in k8s_version etcd_version helm_version helm_client_go jaeger_module_version jaeger_version node_k8s_version coredns_version; do
  [ -n "${!v}" ] || die "cannot read $v from test/bins/*/go.mod"
done
[ "$node_k8s_version" = "$k8s_version" ] ||
  die "test/bins/node/go.mod requires k8s.io/kubernetes $node_k8s_version, test/bins/kubernetes/go.mod $k8s_version: bump both (and their staging replaces) together"
k8s_minor=$(echo "$k8s_version" | cut -d. -f2)
goos=$(uname -s | tr '[:upper:]' '[:lower:]')
goarch=$(uname -m | sed 's/x86_64/amd64/; s/aarch64/arm64/')
# helm's ldflags as its official builds (Makefile) set them: the version variables, and the
# Kubernetes version of its client-go (v0.N -> 1.N), which `helm template`/`helm lint` assume
# without a cluster (.Capabilities.KubeVersion; unset, Helm says 1.20 and fails charts'
# kubeVersion). metadata is empty for a tagged release; gitCommit stays empty: the module proxy
# does not say which commit a version is.
helm_k8s_minor=$(echo "$helm_client_go" | cut -d. -f2)
hv=helm.sh/helm/v3
helm_ld="-X $hv/internal/version.version=$helm_version -X $hv/internal/version.metadata="
helm_ld+=" -X $hv/internal/version.gitTreeState=clean"
for pkg in $hv/pkg/chartutil $hv/pkg/lint/rules; do
  helm_ld+=" -X $pkg.k8sVersionMajor=1 -X $pkg.k8sVersionMinor=$helm_k8s_minor"
done
# Bump recipe when a change to this script (flags, layout) must invalidate existing caches.
recipe=1
# key <module dir>...: hash of the recipe and the wrapper modules (in this order) a set builds from
key() {
  (echo "$recipe" && for f in go.mod go.sum tools.go main.go; do
    for m in "$@"; do [ ! -f "$bins/$m/$f" ] || cat "$bins/$m/$f"; done
  done) | sha256sum | cut -c1-10
}
cache_root=${AIMESH_TEST_BINS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aimesh/test-bins}
if [ "$set_" = node ]; then
  dir="$cache_root/node-k8s-$k8s_version-coredns-$coredns_version-$goos-$goarch-$(key node coredns)"
else
  dir="$cache_root/k8s-$k8s_version-helm-$helm_version-jaeger-$jaeger_version-$goos-$goarch-$(key helm jaeger kubernetes)"
fi

# helm's ldflags are not derived from the modules: a stamp beside it says what it was built with,
# so a change rebuilds helm alone (seconds) instead of keying the whole set anew (a cold build).
helm_stale() { [ "$set_" != node ] && [ "$(cat "$dir/.helm-ldflags" 2>/dev/null)" != "$helm_ld" ]; }
present() {
  for b in "${all[@]}"; do [ -x "$dir/$b" ] || return 1; done
  ! helm_stale
}

case "$mode" in
  print) echo "$dir"; exit 0 ;;
  check) present && exit 0 || exit 1 ;;
esac

prune() {
  [ "$mode" = prune ] || return 0
  local prefix=k8s
  [ "$set_" = node ] && prefix=node-k8s
  for d in "$cache_root/$prefix"-*; do
    [ "$d" = "$dir" ] || { log "prune: $d" && rm -rf "$d"; }
  done
  if [ -d "$cache_root/go" ]; then
    log "prune: $cache_root/go (Go module and build caches)"
    chmod -R u+w "$cache_root/go" 2>/dev/null || true
    rm -rf "$cache_root/go"
  fi
}

if present && [ "$mode" != toolchain ]; then
  prune
  log "cached: $dir"
  echo "$assets_var=$dir" >&2
  echo "$dir"
  exit 0
fi

# --- build ------------------------------------------------------------------------------------
mkdir -p "$cache_root" "$dir/.logs"
exec 9>"$cache_root/.lock"
if ! flock -n 9; then
  log "another build holds $cache_root/.lock; waiting"
  flock 9
fi

# --- Go toolchain: the local go when new enough, else golang.org/toolchain from the module proxy --
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-modcacherw -mod=readonly -buildvcs=false"
need_go=$(sed -n 's/^go \([0-9.]*\)$/\1/p' "$bins"/*/go.mod | sort -V | tail -1)
go_pin=${TEST_BINS_GO_VERSION:-1.26.8}
ver_ge() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -1)" = "$1" ]; }
local_go=$(command -v go 2>/dev/null || true)
if [ -n "$local_go" ] && ver_ge "$(go env GOVERSION 2>/dev/null | sed 's/^go//')" "$need_go"; then
  :
else
  tc="$cache_root/toolchain/go$go_pin.$goos-$goarch"
  if [ ! -x "$tc/bin/go" ]; then
    have=${local_go:+$local_go ($(go env GOVERSION 2>/dev/null)) is older than go$need_go}
    log "step 'toolchain': ${have:-no go on PATH}; fetching golang.org/toolchain go$go_pin from the Go module proxy"
    for t in curl unzip sha256sum base64; do
      command -v "$t" >/dev/null || die "step 'toolchain': '$t' is needed to fetch Go (apt-get install curl unzip coreutils), or install Go >= $need_go"
    done
    # The proxy the local go uses (its built-in default included), else $GOPROXY.
    proxy=${GOPROXY:-$( [ -n "$local_go" ] && go env GOPROXY 2>/dev/null || true)}
    proxy=${proxy%%[,|]*}
    case "$proxy" in http*) ;; *) die "step 'toolchain': no HTTP module proxy to fetch Go from (GOPROXY='${GOPROXY:-}'); set GOPROXY or install Go >= $need_go" ;; esac
    mod=golang.org/toolchain
    v=v0.0.1-go$go_pin.$goos-$goarch
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    curl -fsSL --retry 3 "$proxy/$mod/@v/$v.zip" -o "$tmp/go.zip" ||
      die "step 'toolchain': download of $proxy/$mod/@v/$v.zip failed"
    want=$(curl -fsSL --retry 3 "$proxy/sumdb/sum.golang.org/lookup/$mod@$v" | awk -v m="$mod" -v v="$v" '$1 == m && $2 == v { print $3 }') ||
      die "step 'toolchain': checksum lookup for $mod@$v failed (the proxy's sumdb endpoint)"
    unzip -q "$tmp/go.zip" -d "$tmp/x" || die "step 'toolchain': unzip failed"
    # Go's dirhash "h1": sha256 over the sorted "<sha256>  <path>" lines of every file in the zip.
    sum=$(cd "$tmp/x" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sed 's|  \./|  |' | sha256sum | cut -d' ' -f1)
    got="h1:$(printf "$(echo "$sum" | sed 's/../\\x&/g')" | base64)"
    [ -n "$want" ] && [ "$got" = "$want" ] || die "step 'toolchain': checksum mismatch for $mod@$v (got $got, want ${want:-none})"
    mkdir -p "$(dirname "$tc")"
    rm -rf "$tc" && mv "$tmp/x/$mod@$v" "$tc"
    chmod -R u+w "$tc"
    log "step 'toolchain': go$go_pin installed in $tc (checksum verified)"
  fi
  export PATH="$tc/bin:$PATH" GOROOT="$tc"
fi
[ "$mode" = toolchain ] && { command -v go; exit 0; }
export GOMODCACHE=${GOMODCACHE:-$cache_root/go/mod}
export GOCACHE=${GOCACHE:-$cache_root/go/build}
nice_n=${TEST_BINS_NICE:-10}
log "go $(go env GOVERSION), GOPROXY=$(go env GOPROXY), GOMODCACHE=$GOMODCACHE, GOCACHE=$GOCACHE"

# step <name> <module dir> <cmd...>: runs in the wrapper module, logs to .logs/<name>.log, times it
step() {
  local name=$1 mod=$2
  shift 2
  local logf="$dir/.logs/$name.log" start=$SECONDS
  log "step '$name': $* (log: $logf)"
  if ! (cd "$bins/$mod" && nice -n "$nice_n" "$@") >"$logf" 2>&1; then
    tail -n 30 "$logf" >&2
    die "step '$name' failed (full log: $logf)"
  fi
  local took=$((SECONDS - start))
  log "step '$name' done in ${took}s"
  echo "$name ${took}s" >>"$dir/.logs/timings.txt"
}

# build <name> <module dir> <ldflags> <out dir> <pkg...>: builds into a temp dir, then moves the
# binaries in place so an interrupted build never leaves a half-written binary in the cache.
build() {
  local name=$1 mod=$2 ld=$3
  shift 3
  local tmp="$dir/.tmp-$name"
  rm -rf "$tmp" && mkdir -p "$tmp"
  step "$name" "$mod" go build -trimpath -ldflags "-s -w $ld" -o "$tmp/" "$@"
  for f in "$tmp"/*; do mv -f "$f" "$dir/"; done
  rmdir "$tmp"
}

modtime() { (cd "$bins/$1" && go list -m -f '{{.Time.UTC.Format "2006-01-02T15:04:05Z"}}' "$2") 2>/dev/null || echo 1970-01-01T00:00:00Z; }

k8s_mod=kubernetes
[ "$set_" = node ] && k8s_mod=node
step "download-$k8s_mod" "$k8s_mod" go mod download
k8s_date=$(modtime "$k8s_mod" k8s.io/kubernetes)
k8s_ld=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  k8s_ld+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$k8s_minor"
  k8s_ld+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=$k8s_date"
done

if [ "$set_" = node ]; then
  if [ ! -x "$dir/kubelet" ] || [ ! -x "$dir/kube-proxy" ] || [ ! -x "$dir/kube-scheduler" ]; then
    build kubelet+kube-proxy+kube-scheduler node "$k8s_ld" \
      k8s.io/kubernetes/cmd/kubelet k8s.io/kubernetes/cmd/kube-proxy k8s.io/kubernetes/cmd/kube-scheduler
  fi
  if [ ! -x "$dir/coredns" ]; then
    step download-coredns coredns go mod download
    build coredns coredns "-X github.com/coredns/coredns/coremain.GitCommit=$coredns_version" .
  fi
  present || die "step 'verify': binaries missing in $dir after the build"
  cat >"$dir/versions.env" <<EOF
K8S_VERSION=$k8s_version
COREDNS_VERSION=$coredns_version
EOF
  log "built into $dir ($(du -sh "$dir" | cut -f1))"
  [ -f "$dir/.logs/timings.txt" ] && log "timings: $(paste -sd, "$dir/.logs/timings.txt")"
  prune
  echo "AIMESH_NODE_BINS=$dir" >&2
  echo "$dir"
  exit 0
fi

[ -x "$dir/etcd" ] ||
  build etcd kubernetes "-X go.etcd.io/etcd/api/v3/version.GitSHA=$etcd_version" go.etcd.io/etcd/server/v3
# go names the binary of go.etcd.io/etcd/server/v3 after its path ("server"): rename it.
for n in server v3; do [ ! -x "$dir/$n" ] || mv -f "$dir/$n" "$dir/etcd"; done

if [ ! -x "$dir/kube-apiserver" ] || [ ! -x "$dir/kube-controller-manager" ]; then
  build kube-apiserver+kube-controller-manager kubernetes "$k8s_ld" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager
fi

if [ ! -x "$dir/kubectl" ]; then
  # The system kubectl is fine within one minor of the server (kubectl's skew policy is +-1).
  sys=$(command -v kubectl || true)
  sys_minor=""
  if [ -n "$sys" ]; then
    sys_minor=$("$sys" version --client -o json 2>/dev/null | sed -n 's/.*"minor": *"\([0-9]*\).*/\1/p' | head -1)
  fi
  if [ -n "$sys_minor" ] && [ "$sys_minor" -ge $((k8s_minor - 1)) ]; then
    log "using system kubectl $sys (1.$sys_minor) for server 1.$k8s_minor"
    ln -sf "$sys" "$dir/kubectl"
  else
    log "system kubectl ${sys:-none} (1.${sys_minor:-?}) is older than 1.$((k8s_minor - 1)): building kubectl $k8s_version"
    build kubectl kubernetes "$k8s_ld" k8s.io/kubernetes/cmd/kubectl
  fi
fi

if [ ! -x "$dir/helm" ] || helm_stale; then
  step download-helm helm go mod download
  build helm helm "$helm_ld" helm.sh/helm/v3/cmd/helm
  echo "$helm_ld" >"$dir/.helm-ldflags"
fi

if [ ! -x "$dir/jaeger" ]; then
  step download-jaeger jaeger go mod download
  jaeger_date=$(modtime jaeger github.com/jaegertracing/jaeger)
  jv=github.com/jaegertracing/jaeger/internal/version
  build jaeger jaeger "-X $jv.latestVersion=$jaeger_version -X $jv.date=$jaeger_date" \
    github.com/jaegertracing/jaeger/cmd/jaeger
fi

present || die "step 'verify': binaries missing in $dir after the build"
cat >"$dir/versions.env" <<EOF
K8S_VERSION=$k8s_version
ETCD_VERSION=$etcd_version
HELM_VERSION=$helm_version
JAEGER_VERSION=$jaeger_version
EOF
log "built into $dir ($(du -sh "$dir" | cut -f1); Go caches: $(du -sh "$GOMODCACHE" "$GOCACHE" 2>/dev/null | cut -f1 | paste -sd/))"
[ -f "$dir/.logs/timings.txt" ] && log "timings: $(paste -sd, "$dir/.logs/timings.txt")"
prune
echo "KUBEBUILDER_ASSETS=$dir" >&2
echo "$dir"
