#!/usr/bin/env bash
# Makes a headless Chromium available for the console's browser test
# (test/integration/console.test.ts), on a fresh CI machine or a laptop: installs Debian's
# chromium when no chromium is on PATH (apt-get; needs root or sudo). Idempotent; prints nothing
# on stdout.
#   AIMESH_CHROMIUM      a browser binary to use instead (the test reads it too)
#   AIMESH_NO_CHROMIUM=1 do nothing (the console test then skips with a message)
set -euo pipefail
log() { echo "ci-chromium: $*" >&2; }

[ "${AIMESH_NO_CHROMIUM:-}" = 1 ] && { log "AIMESH_NO_CHROMIUM=1: nothing done"; exit 0; }
if [ -n "${AIMESH_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then
  log "chromium present"
  exit 0
fi
sudo=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { log "not root and no sudo: install chromium by hand"; exit 1; }
  sudo=(sudo -n)
fi
log "apt-get install chromium"
start=$SECONDS
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
log "installed $(chromium --version 2>/dev/null) in $((SECONDS - start))s"
