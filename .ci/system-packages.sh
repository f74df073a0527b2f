#!/usr/bin/env bash
# Debian packages Copydesk needs beyond Node: Chromium (the app window without Electron, and the
# Playwright tests) and the real peers the tests start. Run as root; idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
[ "${APT_UPDATED:-}" = 1 ] || apt-get update
apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-liberation
here="$(dirname "$0")"
# The peers the tests start: WordPress (MariaDB, PHP), the desk's Redis and PostgreSQL, and a Ghost
# built once into /var/cache/copydesk (reused on a machine that already has it).
for peer in install-peers.sh install-desk.sh install-ghost.sh; do
  if [ -f "$here/$peer" ]; then bash "$here/$peer"; fi
done
