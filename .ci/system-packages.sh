#!/usr/bin/env bash
# Debian packages Copydesk needs beyond Node: Chromium (the app window without Electron, and the
# Playwright tests) and the real WordPress the publishing tests start. Run as root; idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
[ "${APT_UPDATED:-}" = 1 ] || apt-get update
apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-liberation
if [ -f "$(dirname "$0")/install-peers.sh" ]; then bash "$(dirname "$0")/install-peers.sh"; fi
