#!/usr/bin/env bash
# Builds Ghost 5.130.6 (the last release that runs on Node 20) for tests/peers/ghost.ts, into a
# cache folder outside the repository, and reuses it when it is already there. Idempotent.
#
# Ghost is not installable as a plain npm dependency (a `file:` dependency and git-tarball
# devDependencies), so: npm pack, unpack, drop devDependencies, turn yarn's `resolutions` into npm
# `overrides` (without `file:` entries), then `npm install --omit=dev --legacy-peer-deps`.
# sqlite3 and re2 build from source here (no prebuilt download), hence the build tools.
#
# Where: $COPYDESK_GHOST_DIR, else /var/cache/copydesk/ghost-<version> as root, else
# ~/.cache/copydesk/ghost-<version>. tests/peers/ghost.ts looks in the same places.
set -euo pipefail

version=5.130.6
if [[ -n "${COPYDESK_GHOST_DIR:-}" ]]; then
  target=$COPYDESK_GHOST_DIR
elif ((EUID == 0)); then
  target=/var/cache/copydesk/ghost-$version
else
  target=${XDG_CACHE_HOME:-$HOME/.cache}/copydesk/ghost-$version
fi

if [[ -f "$target/.copydesk-complete" && -f "$target/app/index.js" ]]; then
  echo "install-ghost: already built in $target"
  exit 0
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 18 || node_major > 22)); then
  echo "install-ghost: Ghost $version needs Node 18–22, this is $(node -v)" >&2
  exit 1
fi

missing=()
command -v make >/dev/null || missing+=(make)
command -v g++ >/dev/null || missing+=(g++)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]} > 0)); then
  if ((EUID != 0)); then
    echo "install-ghost: run as root to install build tools (${missing[*]})" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends build-essential python3
fi

started=$(date +%s)
mkdir -p "$(dirname "$target")"
work=$(mktemp -d "$(dirname "$target")/.ghost-build-XXXXXX")
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "ghost@$version" >/dev/null
tar -xzf "ghost-$version.tgz"
mv package app
rm "ghost-$version.tgz"

node - app/package.json <<'NODE'
const fs = require('node:fs');
const file = process.argv[2];
const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
delete pkg.devDependencies;
const overrides = {};
for (const [name, spec] of Object.entries(pkg.resolutions ?? {})) {
  if (!String(spec).startsWith('file:')) overrides[name] = spec;
}
pkg.overrides = overrides;
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
NODE

cd app
npm install --omit=dev --legacy-peer-deps --no-audit --no-fund --loglevel=error
# Prove the native modules load before calling the build complete.
node -e "require('sqlite3'); require('re2');"
cd "$work"

rm -rf "$target"
mkdir -p "$target"
mv app "$target/app"
echo "ghost $version built $(date -u +%FT%TZ) with node $(node -v)" >"$target/.copydesk-complete"
echo "install-ghost: built Ghost $version in $target in $(($(date +%s) - started)) s ($(du -sh "$target" | cut -f1))"
